import CellLanguage
import TensorEngine

/// The Python class of one optimizer kind: construction from parameters or
/// parameter groups, `step`, `zero_grad`, `param_groups` and the repr.
enum OptimizerClass {
    /// `torch.optim.Optimizer`, the common base (for `isinstance`).
    static let base = PyClass.native("Optimizer", module: "torch.optim.optimizer") { _ in }

    static func make(_ kind: OptimizerKind) -> PyClass {
        PyClass.native(kind.name, base: base, module: "torch.optim.\(kind.name.lowercased())") { c in
            c.constructor { interp, _, args in try construct(kind, args, interp) }
            c.method("step", "step(closure=None)") { interp, this, a in
                let optimizer = try receiver(this)
                var loss = Value.none
                if !a["closure"].isNone { loss = try withGradients { try interp.call(a["closure"], []) } }
                try optimizer.applySettings(interp)
                for group in optimizer.groups { try group.optimizer.step() }
                return loss
            }
            c.method("zero_grad", "zero_grad(set_to_none=True)") { _, this, a in
                let flag = try PythonArguments.bool(a["set_to_none"], "zero_grad", argument: "set_to_none")
                for group in try receiver(this).groups { try group.optimizer.zeroGrad(setToNone: flag) }
                return .none
            }
            c.property("param_groups") { _, this in .list(PyList(try receiver(this).groups.map { .dict($0.settings) }))
            }
            c.property("defaults") { _, this in
                let defaults = PyDict()
                if let first = try receiver(this).groups.first {
                    for key in kind.settingNames { defaults[string: key] = first.settings[string: key] }
                }
                return .dict(defaults)
            }
            c.method("__repr__") { interp, this, _ in
                var text = "\(kind.name) ("
                for (number, group) in try receiver(this).groups.enumerated() {
                    text += "\nParameter Group \(number)"
                    let keys = group.settings.keys.compactMap(\.stringValue).filter { $0 != "params" }.sorted()
                    for key in keys { text += "\n    \(key): \(try interp.str(group.settings[string: key] ?? .none))" }
                }
                return .str(text + "\n)")
            }
        }
    }

    /// `SGD(params, lr=…, …)` where `params` is an iterable of tensors or of
    /// dicts (`{'params': …, 'weight_decay': …}`) with per-group settings.
    private static func construct(_ kind: OptimizerKind, _ args: Arguments, _ interp: Interpreter) throws -> Value {
        let a = try kind.signature.bind(args)
        if let tensor = a["params"].as(Tensor.self) {
            throw PythonError.typeError(
                "params argument given to the optimizer should be an iterable of Tensors or dicts, but got \(ModuleClass.typeDescription(.object(tensor)))"
            )
        }
        let items = try interp.collect(a["params"])
        guard !items.isEmpty else { throw PythonError.valueError("optimizer got an empty parameter list") }
        let groupSpecs: [(Value, PyDict?)] =
            items.allSatisfy { if case .dict = $0 { true } else { false } }
            ? items.map { item in
                guard case .dict(let dict) = item else { return (item, nil) }
                return (dict[string: "params"] ?? .none, dict)
            }
            : [(.list(PyList(items)), nil)]
        var groups: [(optimizer: Optimizer, settings: PyDict)] = []
        for (parameters, overrides) in groupSpecs {
            let tensors = try parameterList(parameters, interp)
            let settings = PyDict()
            settings[string: "params"] = .list(PyList(tensors.map { .object($0) }))
            for key in kind.settingNames { settings[string: key] = overrides?[string: key] ?? a[key] }
            groups.append((try kind.build(tensors, settings, interp), settings))
        }
        return .object(OptimizerObject(kind: kind, groups: groups))
    }

    private static func parameterList(_ value: Value, _ interp: Interpreter) throws -> [Tensor] {
        if let tensor = value.as(Tensor.self) { return [tensor] }
        return try interp.collect(value).map { item in
            guard let tensor = item.as(Tensor.self) else {
                throw PythonError.typeError(
                    "optimizer can only optimize Tensors, but one of the params is \(item.typeName)")
            }
            guard tensor.isLeaf else { throw PythonError.valueError("can't optimize a non-leaf Tensor") }
            return tensor
        }
    }

    private static func receiver(_ value: Value) throws -> OptimizerObject {
        guard let optimizer = value.as(OptimizerObject.self) else {
            throw PythonError.typeError("expected an optimizer")
        }
        return optimizer
    }
}
