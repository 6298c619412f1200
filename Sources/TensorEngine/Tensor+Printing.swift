/// `print(t)` / `repr(t)`: the tensor's values handed to `TensorFormatter`.
extension Tensor: CustomStringConvertible {
    /// Exactly what PyTorch prints for this tensor with default options.
    public var description: String { repr(options: .default) }

    /// PyTorch's `repr(t)` under `options` (`torch.set_printoptions`).
    ///
    /// A tensor above the summarising threshold is condensed first: only the
    /// `edgeItems` rows at each end of its long dimensions (which are all that
    /// print, and all PyTorch's formatter looks at) are copied out, so
    /// printing a 60 000 × 784 dataset does not copy 47 million numbers.
    public func repr(options: PrintOptions = .default) -> String {
        let edges = options.edgeItems
        var effective = options
        let snapshot: TensorSnapshot
        if Double(count) > options.threshold && edges > 0 {
            snapshot = condensedSnapshot(edgeItems: edges)
            effective.threshold = 0
        } else {
            snapshot = self.snapshot()
        }
        return TensorFormatter.repr(
            snapshot, requiresGrad: requiresGrad, gradFunction: gradFunctionName, isParameter: isParameter,
            options: effective)
    }

    /// All elements in row-major order, as the formatter takes them.
    public func snapshot() -> TensorSnapshot {
        TensorSnapshot(shape: shape, dtype: dtype, values: snapshotValues(of: self))
    }

    /// A tensor shaped like this one but with every dimension longer than
    /// `2·edgeItems` cut to its `edgeItems` first and last positions around one
    /// filler position (which is never printed).
    private func condensedSnapshot(edgeItems: Int) -> TensorSnapshot {
        var condensed = self
        for dimension in 0..<rank where shape[dimension] > 2 * edgeItems {
            let size = shape[dimension]
            var positions = Array(0..<edgeItems)
            positions.append(edgeItems)
            positions += Array((size - edgeItems)..<size)
            let index = (try? Tensor(shape: [positions.count], integers: positions.map(Int64.init)))
            if let index, let picked = try? withoutGradients({ try condensed.gatheringPositions(index, along: dimension) }) {
                condensed = picked
            }
        }
        return TensorSnapshot(shape: condensed.shape, dtype: dtype, values: snapshotValues(of: condensed))
    }

    /// Positions `index` along one dimension (advanced indexing on that dimension).
    private func gatheringPositions(_ index: Tensor, along dimension: Int) throws -> Tensor {
        try gathering([(dimension, index)])
    }

    private func snapshotValues(of tensor: Tensor) -> TensorSnapshot.Values {
        switch tensor.dtype {
        case .float32, .float64: .floating(tensor.doubles())
        case .bool: .boolean(tensor.booleans())
        case .uint8, .int32, .int64: .integer(tensor.integers())
        }
    }
}
