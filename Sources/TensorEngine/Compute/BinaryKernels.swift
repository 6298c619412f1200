/// Broadcasting binary kernels on raw tensors (no autograd): promotion,
/// dtype checks, and one specialised loop per (op, dtype).
enum BinaryKernels {
    enum Arithmetic {
        case add, subtract, multiply, divide, floorDivide, remainder, power, maximum, minimum
    }

    enum Comparison {
        case equal, notEqual, less, lessEqual, greater, greaterEqual
    }

    enum Logical {
        case and, or, xor
    }

    // MARK: - Arithmetic

    /// The dtype `op` computes and returns in for operands `a` and `b`.
    static func resultDType(_ op: Arithmetic, _ a: Tensor, _ b: Tensor) -> DType {
        let promoted = resultType([PromotionOperand(a), PromotionOperand(b)])
        if op == .divide && !promoted.isFloatingPoint { return .float32 }
        return promoted
    }

    /// `a op b` with broadcasting into a fresh contiguous tensor of `dtype`
    /// (the promoted dtype unless an in-place caller asks otherwise).
    static func arithmetic(_ op: Arithmetic, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        let dtype = resultDType(op, a, b)
        try validate(op, a, b, dtype: dtype)
        if op == .power, dtype.isFloatingPoint, b.isWrappedNumber, let special = try specialPower(a, b, dtype: dtype) {
            return special
        }
        let shape = try ShapeRules.broadcast(a.shape, b.shape)
        let left = try withoutGradients { try a.to(dtype) }
        let right = try withoutGradients { try b.to(dtype) }
        let output = try Tensor(uninitializedShape: shape, dtype: dtype)
        let layout = StridedLayout(shape: shape, strides: [
            output.strides,
            ShapeRules.broadcastStrides(shape: left.shape, strides: left.strides, to: shape),
            ShapeRules.broadcastStrides(shape: right.shape, strides: right.strides, to: shape),
        ])
        switch dtype {
        case .bool: booleanArithmetic(op, layout, output, left, right)
        case .uint8: run(op, layout, output, left, right, UInt8.self)
        case .int32: run(op, layout, output, left, right, Int32.self)
        case .int64: run(op, layout, output, left, right, Int64.self)
        case .float32: run(op, layout, output, left, right, Float.self)
        case .float64: run(op, layout, output, left, right, Double.self)
        }
        return output
    }

    /// Refuses what PyTorch refuses before computing: bool subtraction, integer
    /// division by zero, negative integer powers, ops without a bool kernel.
    private static func validate(_ op: Arithmetic, _ a: Tensor, _ b: Tensor, dtype: DType) throws {
        // PyTorch refuses `-` whenever an operand is bool, whatever the result type.
        if op == .subtract && (a.dtype == .bool || b.dtype == .bool) {
            throw TensorError.boolSubtraction(bothTensors: a.dtype == .bool && b.dtype == .bool)
        }
        if dtype == .bool {
            switch op {
            case .add, .multiply, .maximum, .minimum, .subtract: break
            case .divide: break
            case .floorDivide: throw TensorError.notImplemented(kernel: "div_floor_cpu", dtype: .bool)
            case .remainder: throw TensorError.notImplemented(kernel: "remainder_cpu", dtype: .bool)
            case .power: throw TensorError.notImplemented(kernel: "pow", dtype: .bool)
            }
        }
        guard dtype.isIntegral else { return }
        switch op {
        case .floorDivide, .remainder:
            if try withoutGradients({ try b.equal(.int(0)).any().item().boolValue }) {
                throw TensorError.integerDivisionByZero
            }
        case .power:
            if b.dtype != .bool, try withoutGradients({ try b.less(.int(0)).any().item().boolValue }) {
                throw TensorError.negativeIntegerPower
            }
        default: break
        }
    }

    private static func booleanArithmetic(_ op: Arithmetic, _ layout: StridedLayout, _ output: Tensor, _ a: Tensor, _ b: Tensor) {
        let out = output.basePointer(as: Bool.self)
        let left = UnsafePointer(a.basePointer(as: Bool.self))
        let right = UnsafePointer(b.basePointer(as: Bool.self))
        switch op {
        case .add, .maximum: ElementwiseLoops.map(layout, output: out, left, right) { $0 || $1 }
        default: ElementwiseLoops.map(layout, output: out, left, right) { $0 && $1 }
        }
    }

    private static func run<T: ArithmeticElement>(
        _ op: Arithmetic, _ layout: StridedLayout, _ output: Tensor, _ a: Tensor, _ b: Tensor, _ type: T.Type
    ) {
        let out = output.basePointer(as: T.self)
        let left = UnsafePointer(a.basePointer(as: T.self))
        let right = UnsafePointer(b.basePointer(as: T.self))
        switch op {
        case .add: ElementwiseLoops.map(layout, output: out, left, right) { T.add($0, $1) }
        case .subtract: ElementwiseLoops.map(layout, output: out, left, right) { T.subtract($0, $1) }
        case .multiply: ElementwiseLoops.map(layout, output: out, left, right) { T.multiply($0, $1) }
        case .divide: divide(layout, out, left, right)
        case .floorDivide: ElementwiseLoops.map(layout, output: out, left, right) { T.floorDivide($0, $1) }
        case .remainder: ElementwiseLoops.map(layout, output: out, left, right) { T.remainder($0, $1) }
        case .power: ElementwiseLoops.map(layout, output: out, left, right) { T.power($0, $1) }
        case .maximum:
            ElementwiseLoops.map(layout, output: out, left, right) { ($0.isNaNValue || $0 > $1) ? $0 : $1 }
        case .minimum:
            ElementwiseLoops.map(layout, output: out, left, right) { ($0.isNaNValue || $0 < $1) ? $0 : $1 }
        }
    }

    /// `x ** s` for the exponents PyTorch computes without `pow` (its
    /// `pow_tensor_scalar_optimized_kernel` and friends): 2 → x·x, 3 → x·x·x,
    /// −2 → 1/(x·x), 0.5 → √x, −0.5 → 1/√x, −1 → 1/x. Nil for other exponents.
    private static func specialPower(_ a: Tensor, _ b: Tensor, dtype: DType) throws -> Tensor? {
        let exponent = try b.item().doubleValue
        guard [2, 3, -2, 0.5, -0.5, -1].contains(exponent) else { return nil }
        let base = try withoutGradients { try a.to(dtype) }
        if dtype == .float32 { return try specialPower(base, exponent, Float.self) }
        return try specialPower(base, exponent, Double.self)
    }

    private static func specialPower<T: FloatingElement>(_ base: Tensor, _ exponent: Double, _ type: T.Type) throws -> Tensor {
        switch exponent {
        case 2: try UnaryKernels.map(base, T.self, T.self) { $0 * $0 }
        case 3: try UnaryKernels.map(base, T.self, T.self) { $0 * $0 * $0 }
        case -2: try UnaryKernels.map(base, T.self, T.self) { 1 / ($0 * $0) }
        case 0.5: try UnaryKernels.map(base, T.self, T.self) { $0.squareRoot() }
        case -0.5: try UnaryKernels.map(base, T.self, T.self) { 1 / $0.squareRoot() }
        default: try UnaryKernels.map(base, T.self, T.self) { 1 / $0 }
        }
    }

    /// True division exists only for floating dtypes (integers were promoted).
    private static func divide<T: ArithmeticElement>(
        _ layout: StridedLayout, _ out: UnsafeMutablePointer<T>, _ left: UnsafePointer<T>, _ right: UnsafePointer<T>
    ) {
        if T.self == Float.self {
            ElementwiseLoops.map(
                layout, output: UnsafeMutableRawPointer(out).assumingMemoryBound(to: Float.self),
                UnsafeRawPointer(left).assumingMemoryBound(to: Float.self),
                UnsafeRawPointer(right).assumingMemoryBound(to: Float.self)) { $0 / $1 }
        } else if T.self == Double.self {
            ElementwiseLoops.map(
                layout, output: UnsafeMutableRawPointer(out).assumingMemoryBound(to: Double.self),
                UnsafeRawPointer(left).assumingMemoryBound(to: Double.self),
                UnsafeRawPointer(right).assumingMemoryBound(to: Double.self)) { $0 / $1 }
        }
    }

    // MARK: - Comparisons and logic

    /// `a op b` → bool, compared in the promoted dtype.
    static func comparison(_ op: Comparison, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        let dtype = resultType([PromotionOperand(a), PromotionOperand(b)])
        let shape = try ShapeRules.broadcast(a.shape, b.shape)
        let left = try withoutGradients { try a.to(dtype) }
        let right = try withoutGradients { try b.to(dtype) }
        let output = try Tensor(uninitializedShape: shape, dtype: .bool)
        let layout = StridedLayout(shape: shape, strides: [
            output.strides,
            ShapeRules.broadcastStrides(shape: left.shape, strides: left.strides, to: shape),
            ShapeRules.broadcastStrides(shape: right.shape, strides: right.strides, to: shape),
        ])
        switch dtype {
        case .bool: compare(op, layout, output, left, right, UInt8.self, storedAs: Bool.self)
        case .uint8: compare(op, layout, output, left, right, UInt8.self, storedAs: UInt8.self)
        case .int32: compare(op, layout, output, left, right, Int32.self, storedAs: Int32.self)
        case .int64: compare(op, layout, output, left, right, Int64.self, storedAs: Int64.self)
        case .float32: compare(op, layout, output, left, right, Float.self, storedAs: Float.self)
        case .float64: compare(op, layout, output, left, right, Double.self, storedAs: Double.self)
        }
        return output
    }

    /// Bools compare as 0/1 bytes; every other dtype compares as itself.
    private static func compare<T: Comparable, S: TensorElement>(
        _ op: Comparison, _ layout: StridedLayout, _ output: Tensor, _ a: Tensor, _ b: Tensor,
        _ type: T.Type, storedAs storage: S.Type
    ) {
        let out = output.basePointer(as: Bool.self)
        let left = UnsafeRawPointer(a.basePointer(as: S.self)).assumingMemoryBound(to: T.self)
        let right = UnsafeRawPointer(b.basePointer(as: S.self)).assumingMemoryBound(to: T.self)
        switch op {
        case .equal: ElementwiseLoops.map(layout, output: out, left, right) { $0 == $1 }
        case .notEqual: ElementwiseLoops.map(layout, output: out, left, right) { $0 != $1 }
        case .less: ElementwiseLoops.map(layout, output: out, left, right) { $0 < $1 }
        case .lessEqual: ElementwiseLoops.map(layout, output: out, left, right) { $0 <= $1 }
        case .greater: ElementwiseLoops.map(layout, output: out, left, right) { $0 > $1 }
        case .greaterEqual: ElementwiseLoops.map(layout, output: out, left, right) { $0 >= $1 }
        }
    }

    /// `logical_and/or/xor`: any dtypes, nonzero is true, bool result.
    static func logical(_ op: Logical, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        let shape = try ShapeRules.broadcast(a.shape, b.shape)
        let left = try withoutGradients { try a.to(.bool) }
        let right = try withoutGradients { try b.to(.bool) }
        let output = try Tensor(uninitializedShape: shape, dtype: .bool)
        let layout = StridedLayout(shape: shape, strides: [
            output.strides,
            ShapeRules.broadcastStrides(shape: left.shape, strides: left.strides, to: shape),
            ShapeRules.broadcastStrides(shape: right.shape, strides: right.strides, to: shape),
        ])
        let out = output.basePointer(as: Bool.self)
        let l = UnsafePointer(left.basePointer(as: Bool.self))
        let r = UnsafePointer(right.basePointer(as: Bool.self))
        switch op {
        case .and: ElementwiseLoops.map(layout, output: out, l, r) { $0 && $1 }
        case .or: ElementwiseLoops.map(layout, output: out, l, r) { $0 || $1 }
        case .xor: ElementwiseLoops.map(layout, output: out, l, r) { $0 != $1 }
        }
        return output
    }

    /// `&`, `|`, `^` for bool and integer tensors (bitwise on integers).
    static func bitwise(_ op: Logical, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        let dtype = resultType([PromotionOperand(a), PromotionOperand(b)])
        let name: String = switch op {
        case .and: "bitwise_and_cpu"
        case .or: "bitwise_or_cpu"
        case .xor: "bitwise_xor_cpu"
        }
        switch dtype {
        case .bool: return try logical(op, a, b)
        case .float32, .float64: throw TensorError.notImplemented(kernel: name, dtype: dtype)
        case .uint8, .int32, .int64:
            let left = try withoutGradients { try a.to(.int64) }
            let right = try withoutGradients { try b.to(.int64) }
            let shape = try ShapeRules.broadcast(a.shape, b.shape)
            let output = try Tensor(uninitializedShape: shape, dtype: .int64)
            let layout = StridedLayout(shape: shape, strides: [
                output.strides,
                ShapeRules.broadcastStrides(shape: left.shape, strides: left.strides, to: shape),
                ShapeRules.broadcastStrides(shape: right.shape, strides: right.strides, to: shape),
            ])
            let out = output.basePointer(as: Int64.self)
            let l = UnsafePointer(left.basePointer(as: Int64.self))
            let r = UnsafePointer(right.basePointer(as: Int64.self))
            switch op {
            case .and: ElementwiseLoops.map(layout, output: out, l, r) { $0 & $1 }
            case .or: ElementwiseLoops.map(layout, output: out, l, r) { $0 | $1 }
            case .xor: ElementwiseLoops.map(layout, output: out, l, r) { $0 ^ $1 }
            }
            return try output.to(dtype)
        }
    }
}
