import CellLanguage
import TensorEngine

/// Elementwise functions, arithmetic with a tensor or a number, comparisons
/// and matrix products.
enum MathOperations {
    typealias TensorBinary = (Tensor, Tensor) throws -> Tensor
    typealias ScalarBinary = (Tensor, Scalar) throws -> Tensor

    /// `t.op(other)` where `other` is a tensor or a number.
    static func binary(
        _ tensor: Tensor, _ other: Value, _ function: String, _ withTensor: TensorBinary, _ withScalar: ScalarBinary
    ) throws -> Value {
        switch PythonArguments.operand(other) {
        case .tensor(let right)?: return .tensor(try withTensor(tensor, right))
        case .scalar(let number)?: return .tensor(try withScalar(tensor, number))
        case nil:
            throw PythonError.typeError(
                "\(function)(): argument 'other' (position 1) must be Tensor, not \(other.typeName)")
        }
    }

    static let all: [TensorOperation] = unary + arithmetic + comparisons + products

    static let unary: [TensorOperation] = [
        TensorOperation("abs()") { _, t, _ in .tensor(try t.absolute()) },
        TensorOperation("neg()") { _, t, _ in .tensor(try t.negated()) },
        TensorOperation("negative()") { _, t, _ in .tensor(try t.negated()) },
        TensorOperation("exp()") { _, t, _ in .tensor(try t.exp()) },
        TensorOperation("log()") { _, t, _ in .tensor(try t.log()) },
        TensorOperation("sqrt()") { _, t, _ in .tensor(try t.sqrt()) },
        TensorOperation("rsqrt()") { _, t, _ in .tensor(try t.sqrt().reciprocal()) },
        TensorOperation("square()") { _, t, _ in .tensor(try t.raised(toPower: .int(2))) },
        TensorOperation("reciprocal()") { _, t, _ in .tensor(try t.reciprocal()) },
        TensorOperation("sigmoid()") { _, t, _ in .tensor(try t.sigmoid()) },
        TensorOperation("tanh()") { _, t, _ in .tensor(try t.tanh()) },
        TensorOperation("relu()") { _, t, _ in .tensor(try t.relu()) },
        TensorOperation("sign()") { _, t, _ in
            let sign = try withoutGradients {
                try t.greater(.int(0)).to(t.dtype).subtracting(t.less(.int(0)).to(t.dtype))
            }
            return .tensor(t.requiresGrad && GradientMode.isEnabled ? try t.multiplied(by: .int(0)).adding(sign) : sign)
        },
        TensorOperation("logical_not()") { _, t, _ in .tensor(try t.logicalNot()) },
        TensorOperation("bitwise_not()") { _, t, _ in .tensor(try t.bitwiseNot()) },
        TensorOperation("clamp(min=None, max=None)") { _, t, a in
            let lower = try PythonArguments.optionalNumber(a["min"], "clamp", argument: "min")
            let upper = try PythonArguments.optionalNumber(a["max"], "clamp", argument: "max")
            guard lower != nil || upper != nil else {
                throw PythonError.runtimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
            }
            return .tensor(try t.clamped(min: lower, max: upper))
        },
        TensorOperation("clip(min=None, max=None)") { _, t, a in
            let lower = try PythonArguments.optionalNumber(a["min"], "clip", argument: "min")
            let upper = try PythonArguments.optionalNumber(a["max"], "clip", argument: "max")
            guard lower != nil || upper != nil else {
                throw PythonError.runtimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
            }
            return .tensor(try t.clamped(min: lower, max: upper))
        },
        TensorOperation("softmax(dim, dtype=None)") { _, t, a in
            let input = try PythonArguments.dtype(a["dtype"], "softmax").map { try t.to($0) } ?? t
            return .tensor(try input.softmax(dimension: PythonArguments.dimension(a["dim"], "softmax")))
        },
        TensorOperation("log_softmax(dim, dtype=None)") { _, t, a in
            let input = try PythonArguments.dtype(a["dtype"], "log_softmax").map { try t.to($0) } ?? t
            return .tensor(try input.logSoftmax(dimension: PythonArguments.dimension(a["dim"], "log_softmax")))
        },
    ]

    static let arithmetic: [TensorOperation] = [
        TensorOperation("add(other, *, alpha=1)") { _, t, a in
            let alpha = try PythonArguments.number(a["alpha"], "add", argument: "alpha")
            if alpha != .int(1), let other = a["other"].as(Tensor.self) {
                return .tensor(try t.adding(other, alpha: alpha))
            }
            if alpha != .int(1), let number = PythonArguments.scalar(a["other"]) {
                return .tensor(try t.adding(.float(number.doubleValue * alpha.doubleValue)))
            }
            return try binary(t, a["other"], "add", { try $0.adding($1) }, { try $0.adding($1) })
        },
        TensorOperation("sub(other, *, alpha=1)") { _, t, a in
            let alpha = try PythonArguments.number(a["alpha"], "sub", argument: "alpha")
            if alpha != .int(1), let other = a["other"].as(Tensor.self) {
                return .tensor(try t.adding(other, alpha: .float(-alpha.doubleValue)))
            }
            return try binary(t, a["other"], "sub", { try $0.subtracting($1) }, { try $0.subtracting($1) })
        },
        TensorOperation("subtract(other, *, alpha=1)") { _, t, a in
            try binary(t, a["other"], "subtract", { try $0.subtracting($1) }, { try $0.subtracting($1) })
        },
        TensorOperation("mul(other)") { _, t, a in
            try binary(t, a["other"], "mul", { try $0.multiplied(by: $1) }, { try $0.multiplied(by: $1) })
        },
        TensorOperation("multiply(other)") { _, t, a in
            try binary(t, a["other"], "multiply", { try $0.multiplied(by: $1) }, { try $0.multiplied(by: $1) })
        },
        TensorOperation("div(other, *, rounding_mode=None)") { _, t, a in
            if case .str(let mode) = a["rounding_mode"] {
                guard mode == "floor" else {
                    throw PythonError.runtimeError("litbook supports div(rounding_mode=None or 'floor'), not '\(mode)'")
                }
                return try binary(
                    t, a["other"], "div", { try $0.floorDivided(by: $1) }, { try $0.floorDivided(by: $1) })
            }
            return try binary(t, a["other"], "div", { try $0.divided(by: $1) }, { try $0.divided(by: $1) })
        },
        TensorOperation("divide(other)") { _, t, a in
            try binary(t, a["other"], "divide", { try $0.divided(by: $1) }, { try $0.divided(by: $1) })
        },
        TensorOperation("true_divide(other)") { _, t, a in
            try binary(t, a["other"], "true_divide", { try $0.divided(by: $1) }, { try $0.divided(by: $1) })
        },
        TensorOperation("floor_divide(other)") { _, t, a in
            try binary(t, a["other"], "floor_divide", { try $0.floorDivided(by: $1) }, { try $0.floorDivided(by: $1) })
        },
        TensorOperation("remainder(other)") { _, t, a in
            try binary(
                t, a["other"], "remainder", { try $0.remainder(dividingBy: $1) }, { try $0.remainder(dividingBy: $1) })
        },
        TensorOperation("pow(exponent)") { _, t, a in
            try binary(t, a["exponent"], "pow", { try $0.raised(toPower: $1) }, { try $0.raised(toPower: $1) })
        },
        TensorOperation("maximum(other)") { _, t, a in
            .tensor(try t.maximum(PythonArguments.tensor(a["other"], "maximum", argument: "other")))
        },
        TensorOperation("minimum(other)") { _, t, a in
            .tensor(try t.minimum(PythonArguments.tensor(a["other"], "minimum", argument: "other")))
        },
    ]

    static let comparisons: [TensorOperation] = [
        TensorOperation("eq(other)") { _, t, a in
            try binary(t, a["other"], "eq", { try $0.equal($1) }, { try $0.equal($1) })
        },
        TensorOperation("ne(other)") { _, t, a in
            try binary(t, a["other"], "ne", { try $0.notEqual($1) }, { try $0.notEqual($1) })
        },
        TensorOperation("lt(other)") { _, t, a in
            try binary(t, a["other"], "lt", { try $0.less($1) }, { try $0.less($1) })
        },
        TensorOperation("le(other)") { _, t, a in
            try binary(t, a["other"], "le", { try $0.lessEqual($1) }, { try $0.lessEqual($1) })
        },
        TensorOperation("gt(other)") { _, t, a in
            try binary(t, a["other"], "gt", { try $0.greater($1) }, { try $0.greater($1) })
        },
        TensorOperation("ge(other)") { _, t, a in
            try binary(t, a["other"], "ge", { try $0.greaterEqual($1) }, { try $0.greaterEqual($1) })
        },
        TensorOperation("logical_and(other)") { _, t, a in
            .tensor(try t.logicalAnd(PythonArguments.tensor(a["other"], "logical_and", argument: "other")))
        },
        TensorOperation("logical_or(other)") { _, t, a in
            .tensor(try t.logicalOr(PythonArguments.tensor(a["other"], "logical_or", argument: "other")))
        },
        TensorOperation("logical_xor(other)") { _, t, a in
            .tensor(try t.logicalXor(PythonArguments.tensor(a["other"], "logical_xor", argument: "other")))
        },
        TensorOperation("equal(other)") { _, t, a in
            .bool(try t.isEqual(to: PythonArguments.tensor(a["other"], "equal", argument: "other")))
        },
        TensorOperation("allclose(other, rtol=1e-05, atol=1e-08, equal_nan=False)") { _, t, a in
            .bool(
                try t.isClose(
                    to: PythonArguments.tensor(a["other"], "allclose", argument: "other"),
                    relativeTolerance: PythonArguments.double(a["rtol"], "allclose", argument: "rtol"),
                    absoluteTolerance: PythonArguments.double(a["atol"], "allclose", argument: "atol")))
        },
    ]

    static let products: [TensorOperation] = [
        TensorOperation("matmul(other)") { _, t, a in
            .tensor(try t.matmul(PythonArguments.tensor(a["other"], "matmul", argument: "other")))
        },
        TensorOperation("mm(mat2)") { _, t, a in
            .tensor(try t.mm(PythonArguments.tensor(a["mat2"], "mm", argument: "mat2")))
        },
        TensorOperation("mv(vec)") { _, t, a in
            .tensor(try t.mv(PythonArguments.tensor(a["vec"], "mv", argument: "vec")))
        },
        TensorOperation("dot(tensor)") { _, t, a in
            .tensor(try t.dot(PythonArguments.tensor(a["tensor"], "dot", argument: "tensor")))
        },
        TensorOperation("bmm(mat2)") { _, t, a in
            .tensor(try t.bmm(PythonArguments.tensor(a["mat2"], "bmm", argument: "mat2")))
        },
    ]
}
