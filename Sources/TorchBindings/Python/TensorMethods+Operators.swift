import CellLanguage
import TensorEngine

/// Python's operators on tensors: arithmetic (normal, reflected, in place),
/// comparisons, bitwise/logical operators and `@`. An operand that is neither
/// a tensor nor a number makes the method return `NotImplemented`, so Python
/// reports `unsupported operand type(s)`.
extension TensorMethods {
    typealias TensorBinary = (Tensor, Tensor) throws -> Tensor
    typealias ScalarBinary = (Tensor, Scalar) throws -> Tensor

    static func installOperators(_ c: NativeClassBuilder) {
        arithmetic(
            c, .add, { try $0.adding($1) }, { try $0.adding($1) }, reflected: { try $0.adding($1) },
            inPlace: ({ try $0.add_($1) }, { try $0.add_($1) }))
        arithmetic(
            c, .subtract, { try $0.subtracting($1) }, { try $0.subtracting($1) },
            reflected: { try $0.subtracted(from: $1) },
            inPlace: ({ try $0.subtract_($1) }, { try $0.subtract_($1) }))
        arithmetic(
            c, .multiply, { try $0.multiplied(by: $1) }, { try $0.multiplied(by: $1) },
            reflected: { try $0.multiplied(by: $1) },
            inPlace: ({ try $0.multiply_($1) }, { try $0.multiply_($1) }))
        arithmetic(
            c, .trueDivide, { try $0.divided(by: $1) }, { try $0.divided(by: $1) },
            reflected: { try $0.divided(into: $1) },
            inPlace: ({ try $0.divide_($1) }, { try $0.divide_($1) }))
        arithmetic(
            c, .floorDivide, { try $0.floorDivided(by: $1) }, { try $0.floorDivided(by: $1) },
            reflected: { try $0.floorDivided(into: $1) },
            inPlace: ({ try $0.floorDivide_($1) }, { try $0.floorDivide_(Tensor($1)) }))
        arithmetic(
            c, .modulo, { try $0.remainder(dividingBy: $1) }, { try $0.remainder(dividingBy: $1) },
            reflected: { try $0.remainder(of: $1) },
            inPlace: ({ try $0.remainder_($1) }, { try $0.remainder_(Tensor($1)) }))
        arithmetic(
            c, .power, { try $0.raised(toPower: $1) }, { try $0.raised(toPower: $1) },
            reflected: { try $0.raising($1) },
            inPlace: ({ try $0.pow_($1) }, { try $0.pow_($1) }))
        arithmetic(
            c, .and, { try $0.bitwiseAnd($1) }, { try $0.bitwiseAnd($1) }, reflected: { try $0.bitwiseAnd($1) },
            inPlace: ({ try $0.copy_($0.bitwiseAnd($1)) }, { try $0.copy_($0.bitwiseAnd($1)) }))
        arithmetic(
            c, .or, { try $0.bitwiseOr($1) }, { try $0.bitwiseOr($1) }, reflected: { try $0.bitwiseOr($1) },
            inPlace: ({ try $0.copy_($0.bitwiseOr($1)) }, { try $0.copy_($0.bitwiseOr($1)) }))
        arithmetic(
            c, .xor, { try $0.bitwiseXor($1) }, { try $0.bitwiseXor($1) }, reflected: { try $0.bitwiseXor($1) },
            inPlace: ({ try $0.copy_($0.bitwiseXor($1)) }, { try $0.copy_($0.bitwiseXor($1)) }))
        installMatrixProduct(c)
        installComparisons(c)
        installUnaryOperators(c)
    }

    /// `__op__`, `__rop__` and `__iop__` for one operator.
    private static func arithmetic(
        _ c: NativeClassBuilder, _ op: BinaryOperator, _ withTensor: @escaping TensorBinary,
        _ withScalar: @escaping ScalarBinary, reflected: @escaping ScalarBinary,
        inPlace: (tensor: TensorBinary, scalar: ScalarBinary)
    ) {
        c.binaryOperator(op) { _, this, other in
            let tensor = try PythonArguments.receiver(this)
            switch PythonArguments.operand(other) {
            case .tensor(let right)?: return .object(try withTensor(tensor, right))
            case .scalar(let number)?: return .object(try withScalar(tensor, number))
            case nil: return .notImplemented
            }
        }
        c.binaryOperator(op, variant: .reflected) { _, this, other in
            let tensor = try PythonArguments.receiver(this)
            switch PythonArguments.operand(other) {
            case .tensor(let left)?: return .object(try withTensor(left, tensor))
            case .scalar(let number)?: return .object(try reflected(tensor, number))
            case nil: return .notImplemented
            }
        }
        let (inPlaceTensor, inPlaceScalar) = inPlace
        c.binaryOperator(op, variant: .inPlace) { _, this, other in
            let tensor = try PythonArguments.receiver(this)
            switch PythonArguments.operand(other) {
            case .tensor(let right)?: _ = try inPlaceTensor(tensor, right)
            case .scalar(let number)?: _ = try inPlaceScalar(tensor, number)
            case nil: return .notImplemented
            }
            return this
        }
    }

    private static func installMatrixProduct(_ c: NativeClassBuilder) {
        c.binaryOperator(.matrixMultiply) { _, this, other in
            guard let right = other.as(Tensor.self) else { return .notImplemented }
            return .object(try PythonArguments.receiver(this).matmul(right))
        }
        c.binaryOperator(.matrixMultiply, variant: .reflected) { _, this, other in
            guard let left = other.as(Tensor.self) else { return .notImplemented }
            return .object(try left.matmul(PythonArguments.receiver(this)))
        }
    }

    private static func installComparisons(_ c: NativeClassBuilder) {
        let comparisons: [(String, TensorBinary, ScalarBinary)] = [
            ("__eq__", { try $0.equal($1) }, { try $0.equal($1) }),
            ("__ne__", { try $0.notEqual($1) }, { try $0.notEqual($1) }),
            ("__lt__", { try $0.less($1) }, { try $0.less($1) }),
            ("__le__", { try $0.lessEqual($1) }, { try $0.lessEqual($1) }),
            ("__gt__", { try $0.greater($1) }, { try $0.greater($1) }),
            ("__ge__", { try $0.greaterEqual($1) }, { try $0.greaterEqual($1) }),
        ]
        for (name, withTensor, withScalar) in comparisons {
            c.method(name) { _, this, args in
                let tensor = try PythonArguments.receiver(this)
                switch args.positional.first.flatMap(PythonArguments.operand) {
                case .tensor(let other)?: return .object(try withTensor(tensor, other))
                case .scalar(let number)?: return .object(try withScalar(tensor, number))
                case nil: return .notImplemented
                }
            }
        }
    }

    private static func installUnaryOperators(_ c: NativeClassBuilder) {
        c.method("__neg__") { _, this, _ in .object(try PythonArguments.receiver(this).negated()) }
        c.method("__pos__") { _, this, _ in this }
        c.method("__abs__") { _, this, _ in .object(try PythonArguments.receiver(this).absolute()) }
        c.method("__invert__") { _, this, _ in .object(try PythonArguments.receiver(this).bitwiseNot()) }
    }
}
