import CellLanguage
import TensorEngine

/// The Python classes of tensors: `torch.Tensor` and `torch.nn.Parameter`.
enum TensorClasses {
    static let tensor = PyClass.native("Tensor", module: "torch") { c in
        TensorMethods.install(c)
    }

    static let parameter = PyClass.native("Parameter", base: tensor, module: "torch.nn.parameter") { c in
        c.constructor { _, _, args in
            let data = try args.positional.first.map { try PythonArguments.tensor($0, "Parameter", argument: "data") } ?? Tensor.empty([0])
            var requiresGrad = true
            if let flag = args.positional.dropFirst().first ?? args.keyword("requires_grad") {
                guard case .bool(let value) = flag else {
                    throw PythonError.typeError("Parameter(): argument 'requires_grad' must be bool, not \(flag.typeName)")
                }
                requiresGrad = value
            }
            return .object(try data.asParameter(requiresGrad: requiresGrad))
        }
    }
}
