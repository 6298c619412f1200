/// Reductions: sum, mean, prod, max/min, argmax/argmin, all/any, norm.
///
/// `dimensions` accepts negative values; nil means all dimensions. Integer
/// and bool sums and products give int64; `mean` requires a floating dtype.
extension Tensor {
    // MARK: - sum, mean

    /// `t.sum()`: a 0-d tensor (`SumBackward0`).
    public func sum() throws -> Tensor {
        let plan = try ReductionPlan(self, dimensions: nil, keepDim: false)
        let result = try ReductionKernels.sum(plan)
        let inputShape = shape
        return result.recordGradient("SumBackward0", inputs: [self], savesTensors: false) { g, _ in
            [try g.reshaped(inputShape.map { _ in 1 }).expanded(to: inputShape)]
        }
    }

    /// `t.sum(dim, keepdim)` (`SumBackward1`).
    public func sum(dimensions: [Int], keepDim: Bool = false) throws -> Tensor {
        let plan = try ReductionPlan(self, dimensions: dimensions, keepDim: keepDim)
        let result = try ReductionKernels.sum(plan)
        let inputShape = shape
        let reduced = plan.dimensions
        return result.recordGradient("SumBackward1", inputs: [self], savesTensors: false) { g, _ in
            [try Tensor.broadcastGradient(g, over: reduced, keepDim: keepDim, to: inputShape)]
        }
    }

    /// `t.sum(dim, keepdim)` for one dimension.
    public func sum(dimension: Int, keepDim: Bool = false) throws -> Tensor {
        try sum(dimensions: [dimension], keepDim: keepDim)
    }

    /// `t.mean()` (`MeanBackward0`); integer tensors are refused like PyTorch.
    public func mean() throws -> Tensor {
        guard dtype.isFloatingPoint else { throw TensorError.meanNonFloating(dtype) }
        let plan = try ReductionPlan(self, dimensions: nil, keepDim: false)
        let result = try ReductionKernels.sum(plan).divided(by: .int(Int64(plan.reducedCount)))
        let inputShape = shape
        let count = plan.reducedCount
        return result.recordGradient("MeanBackward0", inputs: [self], savesTensors: false) { g, _ in
            [try g.divided(by: .int(Int64(count))).reshaped(inputShape.map { _ in 1 }).expanded(to: inputShape)]
        }
    }

    /// `t.mean(dim, keepdim)` (`MeanBackward1`).
    public func mean(dimensions: [Int], keepDim: Bool = false) throws -> Tensor {
        guard dtype.isFloatingPoint else { throw TensorError.meanNonFloating(dtype) }
        let plan = try ReductionPlan(self, dimensions: dimensions, keepDim: keepDim)
        let result = try withoutGradients {
            try ReductionKernels.sum(plan).divided(by: .int(Int64(plan.reducedCount)))
        }
        let inputShape = shape
        let reduced = plan.dimensions
        let count = plan.reducedCount
        return result.recordGradient("MeanBackward1", inputs: [self], savesTensors: false) { g, _ in
            [try Tensor.broadcastGradient(g.divided(by: .int(Int64(count))), over: reduced, keepDim: keepDim, to: inputShape)]
        }
    }

    /// `t.mean(dim, keepdim)` for one dimension.
    public func mean(dimension: Int, keepDim: Bool = false) throws -> Tensor {
        try mean(dimensions: [dimension], keepDim: keepDim)
    }

    /// Expands the gradient of a reduction back over the reduced dimensions.
    static func broadcastGradient(_ gradient: Tensor, over dimensions: [Int], keepDim: Bool, to shape: [Int]) throws -> Tensor {
        var keptShape = shape
        for dimension in dimensions { keptShape[dimension] = 1 }
        let shaped = keepDim ? gradient : try gradient.reshaped(keptShape)
        return try shaped.expanded(to: shape)
    }

    /// Sums a broadcast gradient down to `target` (the inverse of broadcasting).
    public func sumToShape(_ target: [Int]) throws -> Tensor {
        if shape == target { return self }
        let lead = rank - target.count
        var dimensions = Array(0..<Swift.max(lead, 0))
        for index in 0..<target.count where target[index] == 1 && shape[index + lead] != 1 {
            dimensions.append(index + lead)
        }
        let summed = dimensions.isEmpty ? self : try sum(dimensions: dimensions, keepDim: true)
        return try summed.reshaped(target)
    }

    // MARK: - prod

    /// `t.prod()` (`ProdBackward0`).
    public func product() throws -> Tensor {
        let plan = try ReductionPlan(self, dimensions: nil, keepDim: false)
        let result = try ReductionKernels.product(plan)
        let input = saved(self)
        return result.recordGradient("ProdBackward0", inputs: [self]) { g, _ in
            [try input.productGradient(g, dimension: nil, keepDim: false)]
        }
    }

    /// `t.prod(dim, keepdim)` (`ProdBackward1`).
    public func product(dimension: Int, keepDim: Bool = false) throws -> Tensor {
        let plan = try ReductionPlan(self, dimensions: [dimension], keepDim: keepDim)
        let result = try ReductionKernels.product(plan)
        let input = saved(self)
        let normal = plan.dimensions[0]
        return result.recordGradient("ProdBackward1", inputs: [self]) { g, _ in
            [try input.productGradient(g, dimension: normal, keepDim: keepDim)]
        }
    }

    /// d prod / d x_i = product of the other elements of x_i's run, computed
    /// with prefix and suffix products so zeros need no special case.
    private func productGradient(_ gradient: Tensor, dimension: Int?, keepDim: Bool) throws -> Tensor {
        let moved: Tensor
        if let dimension {
            var order = Array(0..<rank).filter { $0 != dimension }
            order.append(dimension)
            moved = try permuted(order).contiguous().to(.float64)
        } else {
            moved = try reshaped([-1]).contiguous().to(.float64)
        }
        let runLength = moved.shape.last ?? 1
        let runs = runLength == 0 ? 0 : moved.count / runLength
        var others = [Double](repeating: 0, count: moved.count)
        let values = moved.basePointer(as: Double.self)
        for run in 0..<runs {
            var prefix = 1.0
            for index in 0..<runLength {
                others[run * runLength + index] = prefix
                prefix *= values[run * runLength + index]
            }
            var suffix = 1.0
            for index in stride(from: runLength - 1, through: 0, by: -1) {
                others[run * runLength + index] *= suffix
                suffix *= values[run * runLength + index]
            }
        }
        var local = try Tensor(shape: moved.shape, values: others, dtype: dtype)
        if let dimension {
            var inverse = Array(0..<rank).filter { $0 != dimension }
            inverse.append(dimension)
            var back = [Int](repeating: 0, count: rank)
            for (position, axis) in inverse.enumerated() { back[axis] = position }
            local = try local.permuted(back)
            return try local.multiplied(by: Tensor.broadcastGradient(gradient, over: [dimension], keepDim: keepDim, to: shape))
        }
        return try local.reshaped(shape).multiplied(by: gradient)
    }

    // MARK: - max, min

    /// `t.max()`: the largest element as a 0-d tensor (`MaxBackward1`).
    public func max() throws -> Tensor { try fullExtremum(largest: true) }

    /// `t.min()` (`MinBackward1`).
    public func min() throws -> Tensor { try fullExtremum(largest: false) }

    private func fullExtremum(largest: Bool) throws -> Tensor {
        let name = largest ? "max" : "min"
        guard count > 0 else { throw TensorError.emptyReductionWithoutDimension(operation: name) }
        let plan = try ReductionPlan(self, dimensions: nil, keepDim: false)
        let result = try ReductionKernels.extremum(plan, largest: largest).values
        let (input, value) = (saved(self), result.detach())
        return result.recordGradient(largest ? "MaxBackward1" : "MinBackward1", inputs: [self]) { g, _ in
            // Evenly split between all elements equal to the extremum.
            let mask = try input.equal(value).to(g.dtype)
            return [try mask.multiplied(by: g.divided(by: mask.sum()))]
        }
    }

    /// `t.max(dim, keepdim)`: values and int64 indices (`MaxBackward0`).
    public func max(dimension: Int, keepDim: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        try dimensionExtremum(dimension, keepDim: keepDim, largest: true, operation: "max")
    }

    /// `t.min(dim, keepdim)`: values and int64 indices (`MinBackward0`).
    public func min(dimension: Int, keepDim: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        try dimensionExtremum(dimension, keepDim: keepDim, largest: false, operation: "min")
    }

    private func dimensionExtremum(
        _ dimension: Int, keepDim: Bool, largest: Bool, operation: String
    ) throws -> (values: Tensor, indices: Tensor) {
        let plan = try ReductionPlan(self, dimensions: [dimension], keepDim: keepDim)
        let normal = plan.dimensions.first ?? 0
        if rank > 0 && shape[normal] == 0 {
            throw TensorError.emptyReductionDimension(operation: operation, dimension: normal)
        }
        let (values, indices) = try ReductionKernels.extremum(plan, largest: largest)
        let inputShape = shape
        values.recordGradient(largest ? "MaxBackward0" : "MinBackward0", inputs: [self]) { g, _ in
            [try Tensor.scattering(g, at: indices, along: normal, keepDim: keepDim, into: inputShape)]
        }
        return (values, indices)
    }

    /// `t.argmax()`: the flat index of the first largest element.
    public func argmax() throws -> Tensor {
        guard count > 0 else { throw TensorError.emptyIndexReduction(operation: "argmax") }
        return try withoutGradients { try reshaped([-1]).max(dimension: 0).indices }
    }

    /// `t.argmax(dim, keepdim)`.
    public func argmax(dimension: Int, keepDim: Bool = false) throws -> Tensor {
        try withoutGradients { try dimensionExtremum(dimension, keepDim: keepDim, largest: true, operation: "argmax").indices }
    }

    /// `t.argmin()`.
    public func argmin() throws -> Tensor {
        guard count > 0 else { throw TensorError.emptyIndexReduction(operation: "argmin") }
        return try withoutGradients { try reshaped([-1]).min(dimension: 0).indices }
    }

    /// `t.argmin(dim, keepdim)`.
    public func argmin(dimension: Int, keepDim: Bool = false) throws -> Tensor {
        try withoutGradients { try dimensionExtremum(dimension, keepDim: keepDim, largest: false, operation: "argmin").indices }
    }

    // MARK: - all, any

    /// `t.all()`: true when every element is nonzero.
    public func all() throws -> Tensor { try ReductionKernels.truth(ReductionPlan(self, dimensions: nil, keepDim: false), every: true) }

    /// `t.all(dim, keepdim)`.
    public func all(dimension: Int, keepDim: Bool = false) throws -> Tensor {
        try ReductionKernels.truth(ReductionPlan(self, dimensions: [dimension], keepDim: keepDim), every: true)
    }

    /// `t.any()`: true when some element is nonzero.
    public func any() throws -> Tensor { try ReductionKernels.truth(ReductionPlan(self, dimensions: nil, keepDim: false), every: false) }

    /// `t.any(dim, keepdim)`.
    public func any(dimension: Int, keepDim: Bool = false) throws -> Tensor {
        try ReductionKernels.truth(ReductionPlan(self, dimensions: [dimension], keepDim: keepDim), every: false)
    }

    // MARK: - norm

    /// `t.norm(p, dim, keepdim)`: the vector p-norm (default 2) over the given
    /// dimensions or all elements (`LinalgVectorNormBackward0`).
    public func norm(p: Double = 2, dimensions: [Int]? = nil, keepDim: Bool = false) throws -> Tensor {
        guard dtype.isFloatingPoint else { throw TensorError.normNonFloating(dtype) }
        let (magnitude, inputShape) = (try withoutGradients { try absolute() }, shape)
        let plan = try ReductionPlan(self, dimensions: dimensions, keepDim: keepDim)
        let result: Tensor = try withoutGradients {
            if p == .infinity { return try ReductionKernels.extremum(plan.replacingInput(magnitude), largest: true).values }
            if p == 0 { return try ReductionKernels.sum(plan.replacingInput(magnitude.notEqual(.int(0)).to(dtype))) }
            if p == 1 { return try ReductionKernels.sum(plan.replacingInput(magnitude)) }
            if p == 2 { return try ReductionKernels.sum(plan.replacingInput(magnitude.multiplied(by: magnitude))).sqrt() }
            let powered = try magnitude.raised(toPower: .float(p))
            return try ReductionKernels.sum(plan.replacingInput(powered)).raised(toPower: .float(1 / p))
        }
        let (input, norm, reduced) = (saved(self), result.detach(), plan.dimensions)
        return result.recordGradient("LinalgVectorNormBackward0", inputs: [self]) { g, _ in
            if p == 0 { return [try Tensor.zerosLike(input)] }  // a count of nonzeros is piecewise constant
            let expandedNorm = try Tensor.broadcastGradient(norm, over: reduced, keepDim: keepDim, to: inputShape)
            let expandedGradient = try Tensor.broadcastGradient(g, over: reduced, keepDim: keepDim, to: inputShape)
            let sign = try input.greater(.int(0)).to(input.dtype).subtracting(input.less(.int(0)).to(input.dtype))
            let local: Tensor
            if p == 1 {
                local = sign
            } else if p == .infinity {
                let mask = try magnitude.equal(expandedNorm).to(input.dtype)
                local = try sign.multiplied(by: mask).divided(by: mask.sum(dimensions: reduced, keepDim: true))
            } else {
                let scaled = try sign.multiplied(by: magnitude.raised(toPower: .float(p - 1)))
                local = try scaled.divided(by: expandedNorm.raised(toPower: .float(p - 1)))
            }
            let safe = try Tensor.selecting(expandedNorm.equal(.int(0)), Tensor.zerosLike(local), local)
            return [try safe.multiplied(by: expandedGradient)]
        }
    }
}
