/// Shape ops that return views sharing storage (and `reshaped`, which copies
/// only when no view is possible). Each records one backward rule.
extension Tensor {
    // MARK: - Making views

    /// A raw alias with a new layout; no autograd bookkeeping.
    func aliased(shape: [Int], strides: [Int], offset: Int) -> Tensor {
        Tensor(storage: storage, shape: shape, strides: strides, storageOffset: offset)
    }

    /// A differentiable view: records `name` with `backward` (gradient of the
    /// view → gradient of `self`) and remembers how to re-make the view from
    /// its base, for in-place writes through it.
    func makeView(
        _ name: String, shape: [Int], strides: [Int], offset: Int,
        replay: @escaping (Tensor) throws -> Tensor, backward: @escaping (Tensor) throws -> Tensor
    ) -> Tensor {
        let view = aliased(shape: shape, strides: strides, offset: offset)
        if let info = viewInfo {
            view.viewInfo = ViewInfo(base: info.base, steps: info.steps + [replay])
            view.viewHistoryVersion = info.base.historyVersion
        } else {
            view.viewInfo = ViewInfo(base: self, steps: [replay])
            view.viewHistoryVersion = historyVersion
        }
        view.recordGradient(name, inputs: [self], savesTensors: false) { gradient, _ in [try backward(gradient)] }
        return view
    }

    // MARK: - reshape, view, flatten

    /// `t.view(shape)`: a view with a new shape (one size may be -1); fails when
    /// the strides do not allow it (use `reshaped`).
    public func view(_ shape: [Int]) throws -> Tensor {
        let target = try ShapeRules.infer(shape: shape, count: count)
        guard let newStrides = ShapeRules.viewStrides(oldShape: self.shape, oldStrides: strides, newShape: target)
        else { throw TensorError.viewIncompatibleStrides }
        let original = self.shape
        return makeView(
            "ViewBackward0", shape: target, strides: newStrides, offset: storageOffset,
            replay: { try $0.view(target) }, backward: { try $0.reshaped(original) })
    }

    /// `t.reshape(shape)`: a view when possible, otherwise a contiguous copy.
    public func reshaped(_ shape: [Int]) throws -> Tensor {
        let target = try ShapeRules.infer(shape: shape, count: count)
        if ShapeRules.viewStrides(oldShape: self.shape, oldStrides: strides, newShape: target) != nil {
            return try view(target)
        }
        let copy = try withoutGradients { try contiguous() }
        let result = copy.aliased(shape: target, strides: ShapeRules.contiguousStrides(target), offset: 0)
        let original = self.shape
        return result.recordGradient("UnsafeViewBackward0", inputs: [self], savesTensors: false) { gradient, _ in
            [try gradient.reshaped(original)]
        }
    }

    /// `t.flatten(start_dim, end_dim)`: merges dimensions `start...end`.
    public func flattened(from start: Int = 0, to end: Int = -1) throws -> Tensor {
        if rank == 0 { return try reshaped([1]) }
        let first = try ShapeRules.normalize(dimension: start, rank: rank)
        let last = try ShapeRules.normalize(dimension: end, rank: rank)
        guard first <= last else { throw TensorError.flattenDimensionOrder }
        if first == last { return self }
        let merged = shape[first...last].reduce(1, *)
        return try reshaped(Array(shape[..<first]) + [merged] + Array(shape[(last + 1)...]))
    }

    // MARK: - Transposition

    /// `t.t()`: transposes a matrix; 0-d and 1-d tensors are returned as views.
    public func transposed() throws -> Tensor {
        guard rank <= 2 else { throw TensorError.transposeRank(rank) }
        let reversedShape = Array(shape.reversed())
        let reversedStrides = Array(strides.reversed())
        return makeView(
            "TBackward0", shape: reversedShape, strides: reversedStrides, offset: storageOffset,
            replay: { try $0.transposed() }, backward: { try $0.transposed() })
    }

    /// `t.transpose(a, b)`: swaps two dimensions.
    public func transposed(_ first: Int, _ second: Int) throws -> Tensor {
        let a = try ShapeRules.normalize(dimension: first, rank: rank)
        let b = try ShapeRules.normalize(dimension: second, rank: rank)
        var newShape = shape
        var newStrides = strides
        if rank > 0 {
            newShape.swapAt(a, b)
            newStrides.swapAt(a, b)
        }
        return makeView(
            "TransposeBackward0", shape: newShape, strides: newStrides, offset: storageOffset,
            replay: { try $0.transposed(a, b) }, backward: { try $0.transposed(a, b) })
    }

    /// `t.permute(dims)`: reorders all dimensions.
    public func permuted(_ order: [Int]) throws -> Tensor {
        guard order.count == rank else { throw TensorError.permutationLengthMismatch(rank: rank, count: order.count) }
        var normal: [Int] = []
        for dimension in order {
            let value = try ShapeRules.normalize(dimension: dimension, rank: rank)
            if normal.contains(value) { throw TensorError.permutationRepeatedDimension }
            normal.append(value)
        }
        var inverse = [Int](repeating: 0, count: rank)
        for (position, dimension) in normal.enumerated() { inverse[dimension] = position }
        return makeView(
            "PermuteBackward0", shape: normal.map { shape[$0] }, strides: normal.map { strides[$0] },
            offset: storageOffset, replay: { try $0.permuted(normal) }, backward: { try $0.permuted(inverse) })
    }

    // MARK: - Adding and removing dimensions of size 1

    /// `t.unsqueeze(dim)`: inserts a dimension of size 1 (dim in -(rank+1)...rank).
    public func unsqueezed(at dimension: Int) throws -> Tensor {
        let position = try ShapeRules.normalize(dimension: dimension, rank: rank + 1)
        var newShape = shape
        var newStrides = strides
        let innerStride = position < rank ? shape[position] * strides[position] : 1
        newShape.insert(1, at: position)
        newStrides.insert(innerStride, at: position)
        return makeView(
            "UnsqueezeBackward0", shape: newShape, strides: newStrides, offset: storageOffset,
            replay: { try $0.unsqueezed(at: position) }, backward: { try $0.squeezed(at: position) })
    }

    /// `t.squeeze()`: removes every dimension of size 1.
    public func squeezed() throws -> Tensor {
        let kept = (0..<rank).filter { shape[$0] != 1 }
        let original = shape
        return makeView(
            "SqueezeBackward0", shape: kept.map { shape[$0] }, strides: kept.map { strides[$0] },
            offset: storageOffset, replay: { try $0.squeezed() }, backward: { try $0.reshaped(original) })
    }

    /// `t.squeeze(dim)`: removes `dim` if its size is 1, else keeps the shape.
    public func squeezed(at dimension: Int) throws -> Tensor {
        let position = try ShapeRules.normalize(dimension: dimension, rank: rank)
        var newShape = shape
        var newStrides = strides
        if rank > 0 && shape[position] == 1 {
            newShape.remove(at: position)
            newStrides.remove(at: position)
        }
        let original = shape
        return makeView(
            "SqueezeBackward1", shape: newShape, strides: newStrides, offset: storageOffset,
            replay: { try $0.squeezed(at: position) }, backward: { try $0.reshaped(original) })
    }

    // MARK: - expand

    /// `t.expand(sizes)`: broadcasts size-1 (or missing leading) dimensions
    /// without copying; -1 keeps a size.
    public func expanded(to sizes: [Int]) throws -> Tensor {
        guard sizes.count >= rank else {
            throw TensorError.expandTooFewSizes(dtype: dtype, shape: shape, target: sizes)
        }
        let lead = sizes.count - rank
        var newShape = sizes
        var newStrides = [Int](repeating: 0, count: sizes.count)
        for index in 0..<sizes.count {
            if index < lead {
                guard sizes[index] >= 0 else { throw TensorError.expandLeadingNegative(size: sizes[index], dimension: index) }
                continue
            }
            let existing = shape[index - lead]
            let wanted = sizes[index] == -1 ? existing : sizes[index]
            if existing == wanted {
                newShape[index] = existing
                newStrides[index] = strides[index - lead]
            } else if existing == 1 && wanted >= 0 {
                newShape[index] = wanted
            } else {
                throw TensorError.expandMismatch(
                    expandedSize: sizes[index], existingSize: existing, dimension: index, target: sizes, actual: shape)
            }
        }
        _ = try ShapeRules.elementCount(newShape)
        let original = shape
        if newShape == shape { return self.view(shapeUnchecked: original) }
        return makeView(
            "ExpandBackward0", shape: newShape, strides: newStrides, offset: storageOffset,
            replay: { try $0.expanded(to: newShape) }, backward: { try $0.sumToShape(original) })
    }

    /// A same-shape view (what `expand` to its own shape returns).
    private func view(shapeUnchecked shape: [Int]) -> Tensor {
        makeView(
            "ExpandBackward0", shape: shape, strides: strides, offset: storageOffset,
            replay: { $0 }, backward: { $0 })
    }

    // MARK: - select, narrow, slice

    /// `t.select(dim, index)`: drops `dim`, keeping position `index` (negative
    /// counts from the end).
    public func select(_ dimension: Int, index: Int) throws -> Tensor {
        let position = try ShapeRules.normalize(dimension: dimension, rank: rank)
        guard rank > 0 else { throw TensorError.indexOfZeroDimensionalTensor }
        let size = shape[position]
        guard index >= -size && index < size else {
            throw TensorError.selectOutOfRange(index: index, dimension: position, shape: shape)
        }
        let wrapped = index < 0 ? index + size : index
        var newShape = shape
        var newStrides = strides
        newShape.remove(at: position)
        newStrides.remove(at: position)
        let original = shape
        return makeView(
            "SelectBackward0", shape: newShape, strides: newStrides,
            offset: storageOffset + wrapped * strides[position],
            replay: { try $0.select(position, index: wrapped) },
            backward: { gradient in
                let result = try Tensor.zeros(original, dtype: gradient.dtype)
                try result.select(position, index: wrapped).copy_(gradient)
                return result
            })
    }

    /// `t.narrow(dim, start, length)`: `length` positions from `start`.
    public func narrowed(_ dimension: Int, start: Int, length: Int) throws -> Tensor {
        let position = try ShapeRules.normalize(dimension: dimension, rank: rank)
        guard rank > 0 else { throw TensorError.dimensionOutOfRange(dimension: dimension, rank: 0) }
        let size = shape[position]
        guard start >= -size && start <= size else { throw TensorError.narrowStartOutOfRange(start: start, size: size) }
        let first = start < 0 ? start + size : start
        guard length >= 0 && first <= size - length else {
            throw TensorError.narrowOutOfRange(start: first, length: length, size: size)
        }
        return sliced(position, start: first, end: first + length, step: 1)
    }

    /// Positions `start, start+step, …` below `end` of `dimension`; the bounds
    /// are already clamped into `0...size` (indexing does that).
    func sliced(_ dimension: Int, start: Int, end: Int, step: Int) -> Tensor {
        // Written so that a huge step (x[::2**62]) cannot overflow.
        let length = end > start ? (end - start - 1) / step + 1 : 0
        var newShape = shape
        var newStrides = strides
        newShape[dimension] = length
        newStrides[dimension] = length > 1 ? strides[dimension] * step : strides[dimension]
        let original = shape
        return makeView(
            "SliceBackward0", shape: newShape, strides: newStrides,
            offset: storageOffset + (length > 0 ? start * strides[dimension] : 0),
            replay: { $0.sliced(dimension, start: start, end: end, step: step) },
            backward: { gradient in
                let result = try Tensor.zeros(original, dtype: gradient.dtype)
                try result.sliced(dimension, start: start, end: end, step: step).copy_(gradient)
                return result
            })
    }
}
