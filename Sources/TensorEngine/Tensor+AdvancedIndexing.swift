/// Advanced indexing: gathering by masks/positions (`IndexBackward0`) and
/// writing through them (`index_put_`, `IndexPutBackward0`).
extension Tensor {
    /// `X[mask]`, `X[[0, 2]]`: a copy of the selected elements.
    func gathering(_ components: [(dimension: Int, index: Tensor)]) throws -> Tensor {
        let plan = try AdvancedIndexPlan(source: self, components: components)
        let result = try Tensor(uninitializedShape: plan.resultShape, dtype: dtype)
        BlockCopy.copy(
            from: self, sourceOffsets: plan.sourceOffsets, sourceStrides: plan.blockSourceStrides,
            to: result, destinationOffsets: plan.broadcastOffsets(of: result.strides),
            destinationStrides: plan.blockStrides(of: result.strides), blockShape: plan.blockShape, accumulate: false)
        let inputShape = shape
        return result.recordGradient("IndexBackward0", inputs: [self], savesTensors: false) { g, _ in
            // Positions picked twice receive both gradients.
            let gradient = try Tensor.zeros(inputShape, dtype: g.dtype)
            let source = try g.contiguous()
            BlockCopy.copy(
                from: source, sourceOffsets: plan.broadcastOffsets(of: source.strides),
                sourceStrides: plan.blockStrides(of: source.strides), to: gradient,
                destinationOffsets: plan.offsetsFor(gradient), destinationStrides: plan.blockSourceStridesFor(gradient),
                blockShape: plan.blockShape, accumulate: true)
            return [gradient]
        }
    }

    /// `X[mask] = v`, `X[[0, 2]] = v`: writes `values` (broadcast to the
    /// selection, converted to this dtype) in place.
    func indexPut_(_ components: [(dimension: Int, index: Tensor)], values: Tensor) throws {
        let plan = try AdvancedIndexPlan(source: self, components: components)
        var trimmed = values
        while trimmed.rank > plan.resultShape.count, trimmed.shape.first == 1 { trimmed = try trimmed.squeezed(at: 0) }
        let expanded: Tensor
        do { expanded = try trimmed.expanded(to: plan.resultShape) } catch {
            throw TensorError.indexPutShapeMismatch(value: values.shape, result: plan.resultShape)
        }
        try updateInPlace(others: [values]) { current in
            let updated = try withoutGradients { try current.clone() }
            let converted = try withoutGradients { try expanded.to(dtype) }
            BlockCopy.copy(
                from: converted, sourceOffsets: plan.broadcastOffsets(of: converted.strides),
                sourceStrides: plan.blockStrides(of: converted.strides), to: updated,
                destinationOffsets: plan.offsetsFor(updated), destinationStrides: plan.blockSourceStridesFor(updated),
                blockShape: plan.blockShape, accumulate: false)
            let valueShape = values.shape
            return updated.recordGradient("IndexPutBackward0", inputs: [current, values], savesTensors: false) { g, needs in
                let source = try g.contiguous()
                var selfGradient: Tensor?
                if needs[0] {
                    let cleared = try source.clone()
                    let zeros = try Tensor.zeros(plan.resultShape, dtype: g.dtype)
                    BlockCopy.copy(
                        from: zeros, sourceOffsets: plan.broadcastOffsets(of: zeros.strides),
                        sourceStrides: plan.blockStrides(of: zeros.strides), to: cleared,
                        destinationOffsets: plan.offsetsFor(cleared), destinationStrides: plan.blockSourceStridesFor(cleared),
                        blockShape: plan.blockShape, accumulate: false)
                    selfGradient = cleared
                }
                var valueGradient: Tensor?
                if needs[1] {
                    let picked = try Tensor(uninitializedShape: plan.resultShape, dtype: g.dtype)
                    BlockCopy.copy(
                        from: source, sourceOffsets: plan.offsetsFor(source), sourceStrides: plan.blockSourceStridesFor(source),
                        to: picked, destinationOffsets: plan.broadcastOffsets(of: picked.strides),
                        destinationStrides: plan.blockStrides(of: picked.strides), blockShape: plan.blockShape,
                        accumulate: false)
                    valueGradient = try picked.sumToShape(valueShape)
                }
                return [selfGradient, valueGradient]
            }
        }
    }
}

extension AdvancedIndexPlan {
    /// The selected positions' offsets in another contiguous tensor shaped like
    /// the indexed one (the plan's own offsets use the source's strides).
    func offsetsFor(_ tensor: Tensor) -> [Int] {
        var offsets = [Int](repeating: 0, count: sourceOffsets.count)
        for (dimension, positions) in indexTensors {
            let stride = tensor.strides[dimension]
            for index in 0..<positions.count { offsets[index] += positions[index] * stride }
        }
        return offsets
    }

    /// The block strides in another tensor shaped like the indexed one.
    func blockSourceStridesFor(_ tensor: Tensor) -> [Int] {
        let indexed = Set(indexTensors.map(\.dimension))
        return (0..<tensor.rank).filter { !indexed.contains($0) }.map { tensor.strides[$0] }
    }
}
