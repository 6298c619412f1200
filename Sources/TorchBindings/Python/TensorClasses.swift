import CellLanguage
import TensorEngine

/// The Python classes of tensors: `torch.Tensor` and `torch.nn.Parameter`.
enum TensorClasses {
    static let tensor = PyClass.native("Tensor", module: "torch") { c in
        // torch.Tensor(data) is float32 whatever the data; torch.Tensor(2, 3)
        // is a tensor of that size (zero-filled here, uninitialised in PyTorch).
        c.constructor { interp, _, args in
            guard args.keywords.isEmpty else { throw PythonError.typeError("Tensor() takes no keyword arguments") }
            let items = args.positional
            if items.isEmpty { return .object(try Tensor.empty([0])) }
            if items.allSatisfy({ $0.intValue != nil && !PythonArguments.isBool($0) }) {
                return .object(try Tensor.empty(items.compactMap(\.intValue)))
            }
            guard items.count == 1 else {
                throw PythonError.typeError("new(): invalid combination of arguments to torch.Tensor")
            }
            if let size = items[0].as(SizeObject.self) { return .object(try Tensor.empty(size.dimensions)) }
            if let source = items[0].as(Tensor.self) { return .object(try source.to(.float32).detach()) }
            return .object(try Tensor(literal: PythonArguments.literal(items[0], interp), dtype: .float32))
        }
        TensorMethods.install(c)
    }

    static let parameter = PyClass.native("Parameter", base: tensor, module: "torch.nn.parameter") { c in
        c.constructor { _, _, args in
            let data =
                try args.positional.first.map { try PythonArguments.tensor($0, "Parameter", argument: "data") }
                ?? Tensor.empty([0])
            var requiresGrad = true
            if let flag = args.positional.dropFirst().first ?? args.keyword("requires_grad") {
                guard case .bool(let value) = flag else {
                    throw PythonError.typeError(
                        "Parameter(): argument 'requires_grad' must be bool, not \(flag.typeName)")
                }
                requiresGrad = value
            }
            return .object(try data.asParameter(requiresGrad: requiresGrad))
        }
    }
}
