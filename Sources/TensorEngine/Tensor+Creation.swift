/// Factories: `torch.tensor`, `zeros`, `ones`, `full`, `arange`, `linspace`, `eye`, `*_like`.
extension Tensor {
    // MARK: - From values

    /// `torch.tensor(data, dtype=)`: infers bool < int64 < float32 from the
    /// values unless `dtype` is given; ragged lists are a ValueError.
    ///
    /// ```swift
    /// try Tensor(literal: [[1, 2.5], [3, 4]])   // float32, shape [2, 2]
    /// ```
    public convenience init(literal: TensorLiteral, dtype: DType? = nil) throws {
        let flat = try LiteralFlattener(literal)
        let resolved = dtype ?? flat.inferredDType ?? .float32
        try self.init(uninitializedShape: flat.shape, dtype: resolved)
        writeContiguous(flat.values)
    }

    /// A 0-d tensor holding `value` (float32 for a Python float by default).
    public convenience init(_ value: Scalar, dtype: DType? = nil) {
        // A 0-d tensor needs one element: allocation cannot fail in practice.
        let storage = try! TensorStorage(dtype: dtype ?? value.defaultDType, count: 1)
        self.init(storage: storage, shape: [], strides: [], storageOffset: 0)
        ElementCopy.fill(self, with: value)
    }

    /// A Python number wrapped for arithmetic: it takes part in type promotion
    /// only by kind (see `resultType`).
    static func wrapping(_ value: Scalar) -> Tensor {
        let tensor = Tensor(value, dtype: value.defaultDType == .float32 ? .float64 : value.defaultDType)
        tensor.isWrappedNumber = true
        return tensor
    }

    /// A tensor of `shape` from row-major doubles, converted to `dtype`.
    public convenience init(shape: [Int], values: [Double], dtype: DType = .float32) throws {
        try self.init(uninitializedShape: shape, dtype: dtype)
        guard values.count == count else { throw TensorError.invalidReshape(requested: shape, size: values.count) }
        writeContiguous(values.map { Scalar.float($0) })
    }

    /// A tensor of `shape` from row-major integers, converted to `dtype`.
    public convenience init(shape: [Int], integers: [Int64], dtype: DType = .int64) throws {
        try self.init(uninitializedShape: shape, dtype: dtype)
        guard integers.count == count else { throw TensorError.invalidReshape(requested: shape, size: integers.count) }
        writeContiguous(integers.map { Scalar.int($0) })
    }

    /// A tensor of `shape` from row-major booleans, converted to `dtype`.
    public convenience init(shape: [Int], booleans: [Bool], dtype: DType = .bool) throws {
        try self.init(uninitializedShape: shape, dtype: dtype)
        guard booleans.count == count else { throw TensorError.invalidReshape(requested: shape, size: booleans.count) }
        writeContiguous(booleans.map { Scalar.bool($0) })
    }

    /// Fills a freshly allocated contiguous tensor from scalars.
    private func writeContiguous(_ values: [Scalar]) {
        switch dtype {
        case .bool: writeContiguous(values, as: Bool.self)
        case .uint8: writeContiguous(values, as: UInt8.self)
        case .int32: writeContiguous(values, as: Int32.self)
        case .int64: writeContiguous(values, as: Int64.self)
        case .float32: writeContiguous(values, as: Float.self)
        case .float64: writeContiguous(values, as: Double.self)
        }
    }

    private func writeContiguous<T: TensorElement>(_ values: [Scalar], as type: T.Type) {
        let pointer = basePointer(as: T.self)
        for (index, value) in values.enumerated() { pointer[index] = value.element(as: T.self) }
    }

    // MARK: - Constant fills

    /// `torch.zeros(shape, dtype=)`.
    public static func zeros(_ shape: [Int], dtype: DType = .float32) throws -> Tensor {
        let count = try ShapeRules.elementCount(shape)
        let storage = try TensorStorage.zeroed(dtype: dtype, count: count)
        return Tensor(storage: storage, shape: shape, strides: ShapeRules.contiguousStrides(shape), storageOffset: 0)
    }

    /// `torch.ones(shape, dtype=)`.
    public static func ones(_ shape: [Int], dtype: DType = .float32) throws -> Tensor {
        try full(shape, value: .int(1), dtype: dtype)
    }

    /// `torch.empty(shape)`: zero-filled here, so runs stay deterministic.
    public static func empty(_ shape: [Int], dtype: DType = .float32) throws -> Tensor {
        try zeros(shape, dtype: dtype)
    }

    /// `torch.full(shape, value)`: the dtype follows the value (7 → int64,
    /// 7.0 → float32, True → bool) unless given.
    public static func full(_ shape: [Int], value: Scalar, dtype: DType? = nil) throws -> Tensor {
        let tensor = try Tensor(uninitializedShape: shape, dtype: dtype ?? value.defaultDType)
        ElementCopy.fill(tensor, with: value)
        return tensor
    }

    /// `torch.zeros_like(t, dtype=)`: same shape, same dtype unless given.
    public static func zerosLike(_ other: Tensor, dtype: DType? = nil) throws -> Tensor {
        try zeros(other.shape, dtype: dtype ?? other.dtype)
    }

    /// `torch.ones_like(t, dtype=)`.
    public static func onesLike(_ other: Tensor, dtype: DType? = nil) throws -> Tensor {
        try full(other.shape, value: .int(1), dtype: dtype ?? other.dtype)
    }

    /// `torch.full_like(t, value, dtype=)`.
    public static func fullLike(_ other: Tensor, value: Scalar, dtype: DType? = nil) throws -> Tensor {
        try full(other.shape, value: value, dtype: dtype ?? other.dtype)
    }

    // MARK: - Ranges

    /// `torch.arange(end)`.
    public static func arange(_ end: Scalar, dtype: DType? = nil) throws -> Tensor {
        try arange(start: .int(0), end: end, step: .int(1), dtype: dtype)
    }

    /// `torch.arange(start, end, step)`: int64 for integer arguments, float32
    /// when any is a float; `ceil((end - start) / step)` elements.
    public static func arange(start: Scalar, end: Scalar, step: Scalar = .int(1), dtype: DType? = nil) throws -> Tensor {
        let isFloating = [start, end, step].contains { if case .float = $0 { true } else { false } }
        let resolved = dtype ?? (isFloating ? .float32 : .int64)
        let (first, last, delta) = (start.doubleValue, end.doubleValue, step.doubleValue)
        guard first.isFinite && last.isFinite && delta.isFinite else { throw TensorError.arangeNonFinite }
        guard delta != 0 else { throw TensorError.arangeZeroStep }
        guard (delta > 0 && last >= first) || (delta < 0 && last <= first) else {
            throw TensorError.arangeBoundsInconsistent
        }
        let length: Int
        if !isFloating, case .int(let a) = start, case .int(let b) = end, case .int(let s) = step {
            // Exact integer arithmetic: ceil((b - a) / s) without a double round trip.
            let span = b.subtractingReportingOverflow(a)
            guard !span.overflow else { throw TensorError.arangeNonFinite }
            let magnitude = span.partialValue.magnitude
            let stepMagnitude = s.magnitude
            length = Int(clamping: (magnitude + stepMagnitude - 1) / stepMagnitude)
        } else {
            let exact = ((last - first) / delta).rounded(.up)
            guard exact < 1e15 else { throw TensorError.allocationFailed(bytes: Int.max) }
            length = Int(exact)
        }
        let tensor = try Tensor(uninitializedShape: [length], dtype: resolved)
        if resolved.isFloatingPoint || isFloating {
            tensor.writeContiguous((0..<length).map { Scalar.float(first + Double($0) * delta) })
        } else {
            let a = start.int64Value
            let s = step.int64Value
            tensor.writeContiguous((0..<length).map { Scalar.int(a &+ Int64($0) &* s) })
        }
        return tensor
    }

    /// `torch.linspace(start, end, steps)`: both ends included; computed in the
    /// output dtype from both ends toward the middle, like PyTorch's kernel.
    public static func linspace(start: Double, end: Double, steps: Int, dtype: DType = .float32) throws -> Tensor {
        guard steps >= 0 else { throw TensorError.negativeStepCount }
        let tensor = try Tensor(uninitializedShape: [steps], dtype: dtype)
        switch dtype {
        case .float32: tensor.fillLinspace(Float(start), Float(end), steps)
        case .float64: tensor.fillLinspace(start, end, steps)
        default:
            let values = (0..<steps).map { index -> Scalar in
                let step = steps > 1 ? (end - start) / Double(steps - 1) : 0
                let value = index < steps / 2 ? start + step * Double(index) : end - step * Double(steps - index - 1)
                return .float(value)
            }
            tensor.writeContiguous(values)
        }
        return tensor
    }

    private func fillLinspace<T: FloatingElement>(_ start: T, _ end: T, _ steps: Int) {
        let pointer = basePointer(as: T.self)
        guard steps > 1 else {
            if steps == 1 { pointer[0] = start }
            return
        }
        let step = (end - start) / T(steps - 1)
        let halfway = steps / 2
        for index in 0..<steps {
            pointer[index] = index < halfway ? start + step * T(index) : end - step * T(steps - index - 1)
        }
    }

    /// `torch.eye(n, m)`: ones on the main diagonal.
    public static func eye(_ rows: Int, _ columns: Int? = nil, dtype: DType = .float32) throws -> Tensor {
        let columns = columns ?? rows
        let tensor = try zeros([rows, columns], dtype: dtype)
        for index in 0..<Swift.min(rows, columns) {
            try tensor.select(0, index: index).select(0, index: index).fill_(.int(1))
        }
        return tensor
    }
}

// MARK: - From typed buffers

extension Tensor {
    /// A contiguous tensor of `T`'s dtype holding `elements` (row-major) as
    /// they are, in one copy — for data loaders that build large batches.
    ///
    /// ```swift
    /// try Tensor(shape: [2, 2], elements: [Float](repeating: 0.5, count: 4))   // float32
    /// ```
    public convenience init<T: TensorElement>(shape: [Int], elements: [T]) throws {
        try self.init(uninitializedShape: shape, dtype: T.dtype)
        guard elements.count == count else { throw TensorError.invalidReshape(requested: shape, size: elements.count) }
        let destination = basePointer(as: T.self)
        elements.withUnsafeBufferPointer { source in
            if let start = source.baseAddress { destination.update(from: start, count: source.count) }
        }
    }
}
