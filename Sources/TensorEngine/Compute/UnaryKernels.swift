/// Elementwise one-input kernels on raw tensors (no autograd).
enum UnaryKernels {
    enum Floating {
        case exp, log, sqrt, sigmoid, tanh, reciprocal
    }

    enum Numeric {
        case negate, absolute, relu
    }

    /// Runs `transform` for every element of `input` into a fresh contiguous
    /// tensor of `R`'s dtype.
    @inline(__always)
    static func map<A: TensorElement, R: TensorElement>(
        _ input: Tensor, _ inputType: A.Type, _ outputType: R.Type, _ transform: (A) -> R
    ) throws -> Tensor {
        let output = try Tensor(uninitializedShape: input.shape, dtype: R.dtype)
        let layout = StridedLayout(shape: input.shape, strides: [output.strides, input.strides])
        ElementwiseLoops.map(
            layout, output: output.basePointer(as: R.self), input: UnsafePointer(input.basePointer(as: A.self)),
            transform)
        return output
    }

    // MARK: - Floating functions

    /// `exp`, `log`, … : integer and bool inputs are promoted to float32 first,
    /// as PyTorch's unary float ops do.
    static func floating(_ op: Floating, _ input: Tensor) throws -> Tensor {
        let source = input.dtype.isFloatingPoint ? input : try withoutGradients { try input.to(.float32) }
        if source.dtype == .float32 {
            if op == .sigmoid { return try float32Sigmoid(source) }
            return try floating(op, source, Float.self)
        }
        return try floating(op, source, Double.self)
    }

    /// float32 sigmoid through PyTorch's exact vector/scalar split, on several
    /// threads for large tensors (split at multiples of the 16-element block, so
    /// only the tensor's own tail takes the scalar path).
    private static func float32Sigmoid(_ input: Tensor) throws -> Tensor {
        let source = try withoutGradients { try input.contiguous() }
        let output = try Tensor(uninitializedShape: input.shape, dtype: .float32)
        let from = UnsafePointer(source.basePointer(as: Float.self))
        let to = output.basePointer(as: Float.self)
        ForkJoin.forEachRange(count: output.count, alignment: 16) { range in
            VectorExponential.sigmoid(from + range.lowerBound, to + range.lowerBound, count: range.count)
        }
        return output
    }

    private static func floating<T: FloatingElement>(_ op: Floating, _ input: Tensor, _ type: T.Type) throws -> Tensor {
        switch op {
        case .exp: try map(input, T.self, T.self) { T.exponential($0) }
        case .log: try map(input, T.self, T.self) { T.logarithm($0) }
        case .sqrt: try map(input, T.self, T.self) { T.squareRoot($0) }
        case .sigmoid: try map(input, T.self, T.self) { 1 / (1 + T.exponential(-$0)) }
        case .tanh: try map(input, T.self, T.self) { T.hyperbolicTangent($0) }
        case .reciprocal: try map(input, T.self, T.self) { 1 / $0 }
        }
    }

    // MARK: - Numeric functions

    /// `-x`, `abs(x)`, `relu(x)` in the input's own dtype (bool is refused).
    static func numeric(_ op: Numeric, _ input: Tensor) throws -> Tensor {
        switch input.dtype {
        case .bool:
            switch op {
            case .negate: throw TensorError.boolNegation
            case .absolute: throw TensorError.notImplemented(kernel: "abs_cpu", dtype: .bool)
            case .relu: throw TensorError.notImplemented(kernel: "clamp_min_scalar_cpu", dtype: .bool)
            }
        case .uint8: return try numeric(op, input, UInt8.self)
        case .int32: return try numeric(op, input, Int32.self)
        case .int64: return try numeric(op, input, Int64.self)
        case .float32: return try numeric(op, input, Float.self)
        case .float64: return try numeric(op, input, Double.self)
        }
    }

    private static func numeric<T: ArithmeticElement>(_ op: Numeric, _ input: Tensor, _ type: T.Type) throws -> Tensor {
        switch op {
        case .negate: try map(input, T.self, T.self) { T.negate($0) }
        case .absolute: try map(input, T.self, T.self) { T.absolute($0) }
        case .relu: try map(input, T.self, T.self) { $0 < T.zero ? T.zero : $0 }
        }
    }

    // MARK: - clamp

    /// `clamp(x, min, max)` in the promoted dtype; NaN inputs stay NaN.
    static func clamp(_ input: Tensor, min lower: Scalar?, max upper: Scalar?) throws -> Tensor {
        var operands = [PromotionOperand(input)]
        if let lower { operands.append(PromotionOperand(lower)) }
        if let upper { operands.append(PromotionOperand(upper)) }
        let dtype = resultType(operands)
        let source = try withoutGradients { try input.to(dtype) }
        switch dtype {
        case .bool: throw TensorError.notImplemented(kernel: "clamp_scalar_cpu", dtype: .bool)
        case .uint8: return try clamp(source, lower, upper, UInt8.self)
        case .int32: return try clamp(source, lower, upper, Int32.self)
        case .int64: return try clamp(source, lower, upper, Int64.self)
        case .float32: return try clamp(source, lower, upper, Float.self)
        case .float64: return try clamp(source, lower, upper, Double.self)
        }
    }

    private static func clamp<T: ArithmeticElement>(
        _ input: Tensor, _ lower: Scalar?, _ upper: Scalar?, _ type: T.Type
    ) throws -> Tensor {
        let low = lower?.element(as: T.self)
        let high = upper?.element(as: T.self)
        return try map(input, T.self, T.self) { value in
            if value.isNaNValue { return value }
            var result = value
            if let low, result < low { result = low }
            if let high, result > high { result = high }
            return result
        }
    }

    // MARK: - Logic

    /// `logical_not`: bool result, nonzero is true.
    static func logicalNot(_ input: Tensor) throws -> Tensor {
        let source = try withoutGradients { try input.to(.bool) }
        return try map(source, Bool.self, Bool.self) { !$0 }
    }

    /// `~x`: logical not for bool, bitwise not for integers.
    static func bitwiseNot(_ input: Tensor) throws -> Tensor {
        switch input.dtype {
        case .bool: try map(input, Bool.self, Bool.self) { !$0 }
        case .uint8: try map(input, UInt8.self, UInt8.self) { ~$0 }
        case .int32: try map(input, Int32.self, Int32.self) { ~$0 }
        case .int64: try map(input, Int64.self, Int64.self) { ~$0 }
        case .float32, .float64: throw TensorError.bitwiseNotOfFloat
        }
    }
}
