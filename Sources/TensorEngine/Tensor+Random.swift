/// Random creation (`rand`, `randn`, `normal`, `randint`, `randperm`), the
/// in-place fills `uniform_`/`normal_`, and `dropout` — all drawing from a
/// `RandomGenerator` (PyTorch's default CPU generator unless given).
extension Tensor {
    // MARK: - Creation

    /// `torch.rand(shape)`: uniform in [0, 1).
    public static func rand(
        _ shape: [Int], dtype: DType = .float32, generator: RandomGenerator = .default
    ) throws -> Tensor {
        let tensor = try Tensor(uninitializedShape: shape, dtype: dtype)
        try tensor.fillUniform(from: 0, to: 1, generator: generator)
        return tensor
    }

    /// `torch.randn(shape)`: standard normal.
    public static func randn(
        _ shape: [Int], dtype: DType = .float32, generator: RandomGenerator = .default
    ) throws -> Tensor {
        try normal(mean: 0, std: 1, shape: shape, dtype: dtype, generator: generator)
    }

    /// `torch.normal(mean, std, size)`.
    public static func normal(
        mean: Double, std: Double, shape: [Int], dtype: DType = .float32, generator: RandomGenerator = .default
    ) throws -> Tensor {
        guard std >= 0 else { throw TensorError.negativeStandardDeviation(std) }
        let tensor = try Tensor(uninitializedShape: shape, dtype: dtype)
        try tensor.fillNormal(mean: mean, std: std, contiguous: true, generator: generator)
        return tensor
    }

    /// `torch.randint(low, high, size)`: int64 uniform in [low, high).
    public static func randint(
        low: Int64 = 0, high: Int64, shape: [Int], dtype: DType = .int64, generator: RandomGenerator = .default
    ) throws -> Tensor {
        guard low < high else { throw TensorError.invalidRandomRange(low: low, high: high) }
        let count = try ShapeRules.elementCount(shape)
        let values = generator.randint(count: count, low: low, high: high)
        return try Tensor(shape: shape, integers: values, dtype: dtype)
    }

    /// `torch.randperm(n)`: a random permutation of `0..<n` (int64).
    public static func randperm(_ n: Int, dtype: DType = .int64, generator: RandomGenerator = .default) throws -> Tensor {
        guard n >= 0 else { throw TensorError.negativeDimension(size: n, shape: [n]) }
        return try Tensor(shape: [n], integers: generator.randperm(n), dtype: dtype)
    }

    // MARK: - In-place fills

    /// `t.uniform_(from, to)`: refills with uniform numbers (in place; refused
    /// on a leaf that requires grad unless gradients are off, as in PyTorch).
    @discardableResult
    public func uniform_(from: Double = 0, to: Double = 1, generator: RandomGenerator = .default) throws -> Tensor {
        let order = memoryOrder
        return try updateInPlace(others: []) { current in
            let fresh = try Tensor(uninitializedShape: order.map { current.shape[$0] }, dtype: current.dtype)
            try fresh.fillUniform(from: from, to: to, generator: generator)
            return try fresh.inMemoryOrder(order)
        }
    }

    /// `t.normal_(mean, std)`: refills with normal numbers. A non-contiguous
    /// tensor draws one number at a time, as PyTorch's kernel does.
    @discardableResult
    public func normal_(mean: Double = 0, std: Double = 1, generator: RandomGenerator = .default) throws -> Tensor {
        guard std >= 0 else { throw TensorError.negativeStandardDeviation(std) }
        let contiguous = isContiguous
        let order = memoryOrder
        return try updateInPlace(others: []) { current in
            let fresh = try Tensor(uninitializedShape: order.map { current.shape[$0] }, dtype: current.dtype)
            try fresh.fillNormal(mean: mean, std: std, contiguous: contiguous, generator: generator)
            return try fresh.inMemoryOrder(order)
        }
    }

    /// The dimensions from outermost to innermost in memory: the order in
    /// which PyTorch's TensorIterator visits (and so fills) a strided view
    /// such as `w.t()`.
    private var memoryOrder: [Int] {
        // Dimensions of size 1 do not change the order; put them first.
        let units = (0..<rank).filter { shape[$0] == 1 }
        let others = (0..<rank).filter { shape[$0] != 1 }.sorted { a, b in
            strides[a] != strides[b] ? strides[a] > strides[b] : a < b
        }
        return units + others
    }

    /// Numbers drawn for the dimensions in `order`, laid back out in this
    /// tensor's own dimension order.
    private func inMemoryOrder(_ order: [Int]) throws -> Tensor {
        guard order != Array(0..<rank) else { return self }
        var inverse = [Int](repeating: 0, count: rank)
        for (position, dimension) in order.enumerated() { inverse[dimension] = position }
        return try permuted(inverse)
    }

    /// Writes uniform numbers into this freshly allocated contiguous tensor.
    private func fillUniform(from: Double, to: Double, generator: RandomGenerator) throws {
        switch dtype {
        case .float32: generator.fillUniform(UnsafeMutableBufferPointer(start: basePointer(as: Float.self), count: count), from: from, to: to)
        case .float64: generator.fillUniform(UnsafeMutableBufferPointer(start: basePointer(as: Double.self), count: count), from: from, to: to)
        default: throw TensorError.notImplemented(kernel: "check_uniform_bounds", dtype: dtype)
        }
    }

    /// Writes normal numbers into this freshly allocated contiguous tensor.
    private func fillNormal(mean: Double, std: Double, contiguous: Bool, generator: RandomGenerator) throws {
        switch dtype {
        case .float32:
            generator.fillNormal(
                UnsafeMutableBufferPointer(start: basePointer(as: Float.self), count: count), mean: mean, std: std,
                isContiguous: contiguous)
        case .float64:
            generator.fillNormal(
                UnsafeMutableBufferPointer(start: basePointer(as: Double.self), count: count), mean: mean, std: std,
                isContiguous: contiguous)
        default: throw TensorError.notImplemented(kernel: "normal_kernel_cpu", dtype: dtype)
        }
    }

    // MARK: - Dropout

    /// `F.dropout(x, p, training)`: zeroes each element with probability `p`
    /// and scales the rest by 1 / (1 − p) (`MulBackward0`); the identity when
    /// not training.
    public func dropout(probability: Double = 0.5, training: Bool = true, generator: RandomGenerator = .default) throws -> Tensor {
        guard probability >= 0 && probability <= 1 else { throw TensorError.invalidProbability(probability) }
        guard training && probability > 0 && count > 0 else { return self }
        if probability == 1 { return try multiplied(by: Tensor(.int(0), dtype: dtype)) }
        guard dtype.isFloatingPoint else { throw TensorError.notImplemented(kernel: "bernoulli_scalar_cpu_", dtype: dtype) }
        let keep = generator.bernoulli(count: count, probability: 1 - probability)
        let mask = try Tensor(shape: shape, booleans: keep, dtype: dtype)
        try withoutGradients { try mask.divide_(.float(1 - probability)) }
        return try multiplied(by: mask)
    }
}
