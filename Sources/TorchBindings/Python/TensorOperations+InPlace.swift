import CellLanguage
import TensorEngine

/// In-place methods (`add_`, `zero_`, `normal_`, …) and autograd methods.
/// In-place methods return the tensor itself, as in PyTorch.
enum InPlaceOperations {
    static func inPlaceBinary(
        _ t: Tensor, _ other: Value, _ function: String, _ withTensor: (Tensor, Tensor) throws -> Tensor,
        _ withScalar: (Tensor, Scalar) throws -> Tensor
    ) throws -> Value {
        switch PythonArguments.operand(other) {
        case .tensor(let right)?: _ = try withTensor(t, right)
        case .scalar(let number)?: _ = try withScalar(t, number)
        case nil:
            throw PythonError.typeError(
                "\(function)(): argument 'other' (position 1) must be Tensor, not \(other.typeName)")
        }
        return .tensor(t)
    }

    static let all: [TensorOperation] = [
        TensorOperation("add_(other, *, alpha=1)", methodOnly: true) { _, t, a in
            let alpha = try PythonArguments.number(a["alpha"], "add_", argument: "alpha")
            if alpha != .int(1), let other = a["other"].as(Tensor.self) {
                return .tensor(try t.add_(other, alpha: alpha))
            }
            if alpha != .int(1), let number = PythonArguments.scalar(a["other"]) {
                return .tensor(try t.add_(.float(number.doubleValue * alpha.doubleValue)))
            }
            return try inPlaceBinary(t, a["other"], "add_", { try $0.add_($1) }, { try $0.add_($1) })
        },
        TensorOperation("sub_(other, *, alpha=1)", methodOnly: true) { _, t, a in
            let alpha = try PythonArguments.number(a["alpha"], "sub_", argument: "alpha")
            if alpha != .int(1), let other = a["other"].as(Tensor.self) {
                return .tensor(try t.add_(other, alpha: .float(-alpha.doubleValue)))
            }
            return try inPlaceBinary(t, a["other"], "sub_", { try $0.subtract_($1) }, { try $0.subtract_($1) })
        },
        TensorOperation("mul_(other)", methodOnly: true) { _, t, a in
            try inPlaceBinary(t, a["other"], "mul_", { try $0.multiply_($1) }, { try $0.multiply_($1) })
        },
        TensorOperation("div_(other)", methodOnly: true) { _, t, a in
            try inPlaceBinary(t, a["other"], "div_", { try $0.divide_($1) }, { try $0.divide_($1) })
        },
        TensorOperation("pow_(exponent)", methodOnly: true) { _, t, a in
            try inPlaceBinary(t, a["exponent"], "pow_", { try $0.pow_($1) }, { try $0.pow_($1) })
        },
        TensorOperation("clamp_(min=None, max=None)", methodOnly: true) { _, t, a in
            .tensor(
                try t.clamp_(
                    min: PythonArguments.optionalNumber(a["min"], "clamp_", argument: "min"),
                    max: PythonArguments.optionalNumber(a["max"], "clamp_", argument: "max")))
        },
        TensorOperation("relu_()") { _, t, _ in .tensor(try t.relu_()) },
        TensorOperation("sigmoid_()", methodOnly: true) { _, t, _ in .tensor(try t.sigmoid_()) },
        TensorOperation("exp_()", methodOnly: true) { _, t, _ in .tensor(try t.exp_()) },
        TensorOperation("neg_()", methodOnly: true) { _, t, _ in .tensor(try t.negate_()) },
        TensorOperation("abs_()", methodOnly: true) { _, t, _ in .tensor(try t.absolute_()) },
        TensorOperation("zero_()", methodOnly: true) { _, t, _ in .tensor(try t.zero_()) },
        TensorOperation("fill_(value)", methodOnly: true) { _, t, a in
            if let value = a["value"].as(Tensor.self) { return .tensor(try t.fill_(value)) }
            return .tensor(try t.fill_(PythonArguments.number(a["value"], "fill_", argument: "value")))
        },
        TensorOperation("copy_(src, non_blocking=False)", methodOnly: true) { interp, t, a in
            .tensor(try t.copy_(PythonArguments.tensorLike(a["src"], interp)))
        },
        TensorOperation("normal_(mean=0, std=1, *, generator=None)", methodOnly: true) { interp, t, a in
            .tensor(
                try t.normal_(
                    mean: PythonArguments.double(a["mean"], "normal_", argument: "mean"),
                    std: PythonArguments.double(a["std"], "normal_", argument: "std"),
                    generator: GeneratorObject.resolve(a["generator"], interp)))
        },
        // PyTorch names the bounds `from` and `to`, which Python code can only pass by position.
        TensorOperation("uniform_(low=0, high=1, *, generator=None)", methodOnly: true) { interp, t, a in
            .tensor(
                try t.uniform_(
                    from: PythonArguments.double(a["low"], "uniform_", argument: "from"),
                    to: PythonArguments.double(a["high"], "uniform_", argument: "to"),
                    generator: GeneratorObject.resolve(a["generator"], interp)))
        },
        TensorOperation("masked_fill(mask, value)") { _, t, a in
            let mask = try PythonArguments.tensor(a["mask"], "masked_fill", argument: "mask")
            guard mask.dtype == .bool else {
                throw PythonError.runtimeError(
                    "masked_fill_ only supports boolean masks, but got mask with dtype \(mask.dtype.scalarTypeName)")
            }
            let value =
                try a["value"].as(Tensor.self)
                ?? Tensor(PythonArguments.number(a["value"], "masked_fill", argument: "value"), dtype: t.dtype)
            return .tensor(try Tensor.selecting(mask, value.to(t.dtype), t))
        },
        // MARK: Autograd
        TensorOperation("requires_grad_(requires_grad=True)", methodOnly: true) { _, t, a in
            .tensor(
                try t.requiresGrad_(
                    PythonArguments.bool(a["requires_grad"], "requires_grad_", argument: "requires_grad")))
        },
        TensorOperation("retain_grad()", methodOnly: true) { _, t, _ in
            t.retainGrad()
            return .none
        },
        TensorOperation("backward(gradient=None, retain_graph=None, create_graph=False, inputs=None)", methodOnly: true)
        { _, t, a in
            let gradient = try PythonArguments.optionalTensor(a["gradient"], "backward", argument: "gradient")
            let retain =
                a["retain_graph"].isNone
                ? false : try PythonArguments.bool(a["retain_graph"], "backward", argument: "retain_graph")
            if case .bool(true) = a["create_graph"] {
                throw PythonError.runtimeError(
                    "litbook does not support backward(create_graph=True) (higher-order gradients)")
            }
            try t.backward(gradient: gradient, retainGraph: retain)
            return .none
        },
    ]
}
