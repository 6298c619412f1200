import CellLanguage
import TensorEngine

/// `torch.nn.Module`: the base of every layer, native or written in Python.
///
/// A Python subclass (`class Net(nn.Module)`) gets a `PythonModule` registry
/// from `super().__init__()`; attribute assignments of parameters and
/// submodules are registered there in assignment order, as PyTorch's
/// `__setattr__` does.
enum ModuleClass {
    static let base = PyClass.native("Module", module: "torch.nn.modules.module") { c in
        c.initializer { interp, instance, _ in
            if instance.payload is PythonModule { return }
            let module = PythonModule(instance: instance, interpreter: interp)
            instance.payload = module
            TorchContext.of(interp).track(module)
        }
        c.observeAttributeAssignment { _, instance, name, value in
            if let module = instance.payload as? PythonModule {
                try register(value, as: name, in: module)
            } else if value.as(Tensor.self)?.isParameter == true {
                throw PythonError.attributeError("cannot assign parameters before Module.__init__() call")
            } else if ModuleValues.module(value) != nil {
                throw PythonError.attributeError("cannot assign module before Module.__init__() call")
            }
        }
        c.method("__call__") { interp, this, args in
            if let native = this.as(Module.self), !(native is PythonModule) {
                return try callNative(native, args)
            }
            return try interp.callMethod(this, "forward", args)
        }
        c.method("forward") { _, this, args in
            let module = try ModuleValues.receiver(this)
            if module is PythonModule { throw ModuleError.missingForward(module.typeName) }
            return try callNative(module, args)
        }
        c.method("__repr__") { interp, this, _ in .str(repr(try ModuleValues.receiver(this), interp)) }
        c.method("extra_repr") { _, this, _ in
            let module = try ModuleValues.receiver(this)
            return .str(module is PythonModule ? "" : module.extraRepr)
        }
        c.fallbackAttribute { _, this, name in try attribute(this, name) }
        c.method("__setattr__") { interp, this, args in
            guard args.positional.count == 2, case .str(let name) = args.positional[0] else {
                throw PythonError.typeError("__setattr__ expected a name and a value")
            }
            try setNativeAttribute(this, name, args.positional[1], interp)
            return .none
        }
        ModuleMethods.install(c)
    }

    // MARK: - Calling native layers

    /// A native layer called from Python: one input, or input and target for a loss.
    static func callNative(_ module: Module, _ args: Arguments) throws -> Value {
        if let loss = module as? Loss {
            guard args.positional.count == 2 else {
                throw PythonError.typeError("\(module.typeName).forward() takes 3 positional arguments but \(args.positional.count + 1) were given")
            }
            return .object(try loss.loss(
                PythonArguments.tensor(args.positional[0], "forward"),
                PythonArguments.tensor(args.positional[1], "forward", argument: "target")))
        }
        guard args.positional.count == 1, args.keywords.isEmpty else {
            throw PythonError.typeError("\(module.typeName).forward() takes 2 positional arguments but \(args.positional.count + 1) were given")
        }
        return .object(try module.forward(PythonArguments.tensor(args.positional[0], "forward")))
    }

    // MARK: - Registration

    /// PyTorch's `Module.__setattr__` rules for parameters, submodules and
    /// buffers; returns whether `name` is one of the module's slots.
    @discardableResult
    static func register(_ value: Value, as name: String, in module: Module) throws -> Bool {
        if let tensor = value.as(Tensor.self), tensor.isParameter {
            module.unregister(name)
            module.registerParameter(name, tensor)
            return true
        }
        if let child = ModuleValues.module(value) {
            module.unregister(name)
            module.registerChild(name, child)
            return true
        }
        if module.parameter(named: name) != nil {
            guard value.isNone else {
                throw PythonError.typeError(
                    "cannot assign '\(typeDescription(value))' as parameter '\(name)' (torch.nn.Parameter or None expected)")
            }
            module.registerParameter(name, nil)
        } else if module.child(named: name) != nil {
            guard value.isNone else {
                throw PythonError.typeError("cannot assign '\(typeDescription(value))' as child module '\(name)' (torch.nn.Module or None expected)")
            }
            module.registerChild(name, nil)
        } else if module.buffer(named: name) != nil {
            guard value.isNone || value.as(Tensor.self) != nil else {
                throw PythonError.typeError("cannot assign '\(typeDescription(value))' as buffer '\(name)' (torch.Tensor or None expected)")
            }
            module.registerBuffer(name, value.as(Tensor.self))
        } else {
            return false
        }
        return true
    }

    /// `torch.FloatTensor` for tensors, the class name otherwise.
    static func typeDescription(_ value: Value) -> String {
        if let tensor = value.as(Tensor.self) { return ConversionOperations.legacyTypeName(tensor.dtype) }
        return value.typeName
    }

    // MARK: - Attributes of native layers

    /// `net.weight`, `net.hidden`, `net.training`, layer settings and extra
    /// attributes set from Python; nil when there is no such attribute.
    static func attribute(_ value: Value, _ name: String) throws -> Value? {
        guard let module = ModuleValues.module(value) else { return nil }
        if let slot = module.parameter(named: name) { return slot.map { .object($0) } ?? Value.none }
        if let slot = module.child(named: name) { return slot.map(ModuleValues.value) ?? Value.none }
        if let slot = module.buffer(named: name) { return slot.map { .object($0) } ?? Value.none }
        if module is PythonModule { return nil }
        if let extra = (module.hostAttributes as? ExtraAttributes)?.table[name] { return extra }
        return LayerSettings.value(of: module, name)
    }

    /// `layer.name = value` on a native layer: parameters, submodules and
    /// buffers are replaced in their slots; anything else is kept aside.
    static func setNativeAttribute(_ this: Value, _ name: String, _ value: Value, _ interp: Interpreter) throws {
        let module = try ModuleValues.receiver(this)
        if name == "training" {
            module.train(try PythonArguments.bool(value, "training", argument: "training"))
            return
        }
        if try !register(value, as: name, in: module) {
            let extras = (module.hostAttributes as? ExtraAttributes) ?? ExtraAttributes()
            extras.table[name] = value
            module.hostAttributes = extras
        }
    }

    // MARK: - repr

    /// PyTorch's module repr; a Python child with its own `__repr__` prints
    /// through it.
    static func repr(_ module: Module, _ interp: Interpreter) -> String {
        module.repr { child in
            guard let python = child as? PythonModule, let instance = python.instance,
                let method = instance.pythonClass.lookup("__repr__"), method.as(NativeFunction.self) == nil,
                let text = try? interp.repr(.object(instance))
            else { return nil }
            return text
        }
    }
}

/// Attributes that Python code sets on a native layer (`conv.note = "x"`).
final class ExtraAttributes {
    var table = AttributeTable()
}
