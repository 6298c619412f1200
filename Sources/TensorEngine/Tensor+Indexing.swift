/// `X[indices]` and `X[indices] = value`, with PyTorch's IndexError texts.
extension Tensor {
    // MARK: - Reading

    /// `X[indices]`: a view for integers, slices, `None` and `...`; a copy
    /// when a tensor (mask or positions) is involved.
    ///
    /// ```swift
    /// try x.index([.all, .slice(start: 1, stop: 3, step: nil)])   // X[:, 1:3]
    /// ```
    public func index(_ indices: [TensorIndex]) throws -> Tensor {
        let (view, advanced) = try applyBasicIndexing(indices)
        if advanced.isEmpty { return view }
        return try view.gathering(advanced)
    }

    // MARK: - Writing

    /// `X[indices] = value`: broadcasts `value` over the selection (leading
    /// size-1 dimensions of `value` are ignored) and converts its dtype.
    public func setIndex(_ indices: [TensorIndex], value: Tensor) throws {
        let (view, advanced) = try applyBasicIndexing(indices)
        if advanced.isEmpty {
            try view.copy_(value.droppingLeadingUnitDimensions(toRank: view.rank))
        } else {
            try view.indexPut_(advanced, values: value)
        }
    }

    /// `X[indices] = number`: converts like a cast (`Z[0] = 2.7` on int64 stores 2).
    public func setIndex(_ indices: [TensorIndex], value: Scalar) throws {
        let (view, advanced) = try applyBasicIndexing(indices)
        if advanced.isEmpty {
            try view.fill_(value)
        } else {
            try view.indexPut_(advanced, values: Tensor(value, dtype: dtype))
        }
    }

    /// PyTorch's `slicePrefix1sSize`: `X[0] = ones(1, 4)` is allowed.
    private func droppingLeadingUnitDimensions(toRank targetRank: Int) throws -> Tensor {
        var result = self
        while result.rank > targetRank, result.shape.first == 1 {
            result = try result.squeezed(at: 0)
        }
        return result
    }

    // MARK: - Basic indexing

    /// Applies integers, slices, `None` and `...` as views, and returns the
    /// tensor components with the view dimension each applies to.
    private func applyBasicIndexing(_ indices: [TensorIndex]) throws -> (Tensor, [(dimension: Int, index: Tensor)]) {
        if rank == 0, indices.count == 1, case .integer(let index) = indices[0] {
            // PyTorch singles out x[0]; other integers are merely out of bounds.
            if index == 0 { throw TensorError.indexOfZeroDimensionalTensor }
            throw TensorError.indexOutOfBounds(index: index, dimension: 0, size: 0)
        }
        let consumed = indices.reduce(0) { $0 + $1.consumedDimensions }
        if consumed > rank { throw TensorError.tooManyIndices(rank: rank) }
        var result = self
        var dimension = 0  // position in `result`
        var realDimension = 0  // position in `self`, for messages
        var advanced: [(dimension: Int, index: Tensor)] = []
        for component in indices {
            switch component {
            case .integer(let index):
                let size = result.shape[dimension]
                guard index >= -size && index < size else {
                    throw TensorError.indexOutOfBounds(index: index, dimension: realDimension, size: size)
                }
                result = try result.select(dimension, index: index)
                realDimension += 1
            case .slice(let start, let stop, let step):
                let size = result.shape[dimension]
                let bounds = try Tensor.sliceBounds(start: start, stop: stop, step: step, size: size)
                result = result.sliced(dimension, start: bounds.start, end: bounds.end, step: bounds.step)
                dimension += 1
                realDimension += 1
            case .newAxis:
                result = try result.unsqueezed(at: dimension)
                dimension += 1
            case .ellipsis:
                // Each `...` (PyTorch tolerates several) spans the unnamed dimensions.
                dimension += rank - consumed
                realDimension += rank - consumed
            case .tensor(let index):
                let width = component.consumedDimensions
                advanced.append((dimension, index))
                dimension += width
                realDimension += width
            }
        }
        return (result, advanced)
    }

    /// Python's slice clamping (`PySlice_AdjustIndices`) for positive steps.
    static func sliceBounds(start: Int?, stop: Int?, step: Int?, size: Int) throws -> (start: Int, end: Int, step: Int) {
        let step = step ?? 1
        guard step > 0 else { throw TensorError.sliceStepNotPositive }
        func clamp(_ value: Int?, default fallback: Int) -> Int {
            guard let value else { return fallback }
            if value < 0 { return Swift.max(value + size, 0) }
            return Swift.min(value, size)
        }
        let first = clamp(start, default: 0)
        let last = clamp(stop, default: size)
        return (first, Swift.max(last, first), step)
    }

    // MARK: - Masks

    /// `t.nonzero()`: int64 `[n, rank]` positions of the nonzero elements, in
    /// row-major order.
    public func nonzero() throws -> Tensor {
        let truth = try withoutGradients { try to(.bool) }.booleans()
        var positions: [Int64] = []
        var flat = 0
        IndexWalk.forEach(shape) { index in
            if truth[flat] { positions.append(contentsOf: index.map(Int64.init)) }
            flat += 1
        }
        let rows = rank == 0 ? (truth.first == true ? 1 : 0) : positions.count / rank
        return try Tensor(shape: [rows, rank], integers: positions)
    }
}
