import CellLanguage
import TensorEngine

/// The methods every `nn.Module` has: traversal (`parameters`, `children`,
/// `modules`, `apply`), modes (`train`, `eval`), gradients (`zero_grad`),
/// devices (`to`), and registration (`add_module`, `register_parameter`, …).
enum ModuleMethods {
    static func install(_ c: NativeClassBuilder) {
        installTraversal(c)
        installModes(c)
        installRegistration(c)
    }

    /// A lazy iterator over values, as PyTorch's generators are.
    static func generator(_ values: [Value]) -> Value {
        var position = 0
        return .object(NativeIterator(name: "generator") { _ in
            guard position < values.count else { return nil }
            defer { position += 1 }
            return values[position]
        })
    }

    private static func prefixed(_ prefix: String, _ name: String) -> String {
        prefix.isEmpty ? name : prefix + "." + name
    }

    private static func installTraversal(_ c: NativeClassBuilder) {
        c.method("parameters", "parameters(recurse=True)") { _, this, a in
            let module = try ModuleValues.receiver(this)
            let tensors = try PythonArguments.bool(a["recurse"], "parameters", argument: "recurse")
                ? module.parameters() : module.parameterSlots.compactMap(\.item)
            return generator(tensors.map { .object($0) })
        }
        c.method("named_parameters", "named_parameters(prefix='', recurse=True, remove_duplicate=True)") { _, this, a in
            let module = try ModuleValues.receiver(this)
            let prefix = try a.string("prefix")
            let named = try PythonArguments.bool(a["recurse"], "named_parameters", argument: "recurse")
                ? module.namedParameters() : module.parameterSlots.compactMap { slot in slot.item.map { (slot.name, $0) } }
            return generator(named.map { .tuple([.str(prefixed(prefix, $0.0)), .object($0.1)]) })
        }
        c.method("buffers", "buffers(recurse=True)") { _, this, _ in
            generator(try ModuleValues.receiver(this).namedBuffers().map { .object($0.tensor) })
        }
        c.method("named_buffers", "named_buffers(prefix='', recurse=True, remove_duplicate=True)") { _, this, a in
            let prefix = try a.string("prefix")
            return generator(try ModuleValues.receiver(this).namedBuffers().map {
                .tuple([.str(prefixed(prefix, $0.name)), .object($0.tensor)])
            })
        }
        c.method("children") { _, this, _ in
            generator(try ModuleValues.receiver(this).children.map(ModuleValues.value))
        }
        c.method("named_children") { _, this, _ in
            generator(try ModuleValues.receiver(this).namedChildren.map { .tuple([.str($0.name), ModuleValues.value($0.module)]) })
        }
        c.method("modules") { _, this, _ in
            generator(try ModuleValues.receiver(this).modules.map(ModuleValues.value))
        }
        c.method("named_modules", "named_modules(memo=None, prefix='', remove_duplicate=True)") { _, this, a in
            let module = try ModuleValues.receiver(this)
            return generator(module.namedModules(prefix: try a.string("prefix")).map {
                .tuple([.str($0.name), ModuleValues.value($0.module)])
            })
        }
        c.method("apply", "apply(fn)") { interp, this, a in
            let function = a["fn"]
            try ModuleValues.receiver(this).apply { module in
                _ = try interp.call(function, [ModuleValues.value(module)])
            }
            return this
        }
        c.method("state_dict", "state_dict(*, destination=None, prefix='', keep_vars=False)") { _, this, a in
            let module = try ModuleValues.receiver(this)
            let prefix = try a.string("prefix")
            let keep = try PythonArguments.bool(a["keep_vars"], "state_dict", argument: "keep_vars")
            // Each module writes its own parameters and buffers, then its children's.
            let state = PyDict()
            for (path, owner) in module.namedModules() {
                for slot in owner.parameterSlots + owner.bufferSlots {
                    guard let tensor = slot.item else { continue }
                    let name = prefix + (path.isEmpty ? slot.name : path + "." + slot.name)
                    state[string: name] = .object(keep ? tensor : tensor.detach())
                }
            }
            return .dict(state)
        }
        c.method("load_state_dict", "load_state_dict(state_dict, strict=True, assign=False)") { interp, this, a in
            let module = try ModuleValues.receiver(this)
            guard case .dict(let state) = a["state_dict"] else {
                throw PythonError.typeError("Expected state_dict to be dict-like, got \(a["state_dict"].typeName).")
            }
            let targets = module.namedParameters() + module.namedBuffers()
            for (name, tensor) in targets {
                guard let source = try state.get(.str(name), interp)?.as(Tensor.self) else {
                    throw PythonError.runtimeError("Error(s) in loading state_dict for \(module.typeName):\n\tMissing key(s) in state_dict: \"\(name)\".")
                }
                _ = try withoutGradients { try tensor.copy_(source) }
            }
            return .none
        }
    }

    private static func installModes(_ c: NativeClassBuilder) {
        c.property("training") { _, this in .bool(try ModuleValues.receiver(this).isTraining) }
        c.method("train", "train(mode=True)") { _, this, a in
            try ModuleValues.receiver(this).train(PythonArguments.bool(a["mode"], "train", argument: "mode"))
            return this
        }
        c.method("eval") { _, this, _ in
            try ModuleValues.receiver(this).eval()
            return this
        }
        c.method("zero_grad", "zero_grad(set_to_none=True)") { _, this, a in
            try ModuleValues.receiver(this).zeroGrad(setToNone: PythonArguments.bool(a["set_to_none"], "zero_grad", argument: "set_to_none"))
            return .none
        }
        c.method("requires_grad_", "requires_grad_(requires_grad=True)") { _, this, a in
            let flag = try PythonArguments.bool(a["requires_grad"], "requires_grad_", argument: "requires_grad")
            for parameter in try ModuleValues.receiver(this).parameters() { try parameter.requiresGrad_(flag) }
            return this
        }
        c.method("to") { _, this, args in
            for argument in args.positional + args.keywords.map(\.value) {
                if argument.as(DeviceObject.self) != nil || argument.stringValue != nil { try DeviceObject.requireCPU(argument) }
                if let dtype = argument.as(DTypeObject.self), try ModuleValues.receiver(this).parameters().contains(where: { $0.dtype != dtype.dtype }) {
                    throw PythonError.runtimeError("litbook cannot convert a module's parameters to \(dtype.dtype)")
                }
            }
            return this
        }
        c.method("cpu") { _, this, _ in this }
        c.method("cuda") { _, _, _ in throw PythonError(BuiltinTypes.assertionError, "Torch not compiled with CUDA enabled") }
    }

    private static func installRegistration(_ c: NativeClassBuilder) {
        c.method("add_module", "add_module(name, module)") { _, this, a in
            let module = try ModuleValues.receiver(this)
            let name = try a.string("name")
            guard a["module"].isNone || ModuleValues.module(a["module"]) != nil else {
                throw PythonError.typeError("\(a["module"].typeName) is not a Module subclass")
            }
            module.unregister(name)
            module.registerChild(name, ModuleValues.module(a["module"]))
            if case .object(let instance as PyInstance) = this { instance.attributes[name] = a["module"] }
            return .none
        }
        c.method("register_module", "register_module(name, module)") { interp, this, a in
            try interp.callMethod(this, "add_module", [a["name"], a["module"]])
        }
        c.method("register_parameter", "register_parameter(name, param)") { _, this, a in
            let module = try ModuleValues.receiver(this)
            let name = try a.string("name")
            let tensor = a["param"].as(Tensor.self)
            guard a["param"].isNone || tensor?.isParameter == true else {
                throw PythonError.typeError("cannot assign '\(ModuleClass.typeDescription(a["param"]))' object to parameter '\(name)' (torch.nn.Parameter or None required)")
            }
            module.unregister(name)
            module.registerParameter(name, tensor)
            if case .object(let instance as PyInstance) = this { instance.attributes[name] = a["param"] }
            return .none
        }
        c.method("register_buffer", "register_buffer(name, tensor, persistent=True)") { _, this, a in
            let module = try ModuleValues.receiver(this)
            let name = try a.string("name")
            guard a["tensor"].isNone || a["tensor"].as(Tensor.self) != nil else {
                throw PythonError.typeError("cannot assign '\(a["tensor"].typeName)' object to buffer '\(name)' (torch Tensor or None required)")
            }
            module.unregister(name)
            module.registerBuffer(name, a["tensor"].as(Tensor.self))
            if case .object(let instance as PyInstance) = this { instance.attributes[name] = a["tensor"] }
            return .none
        }
    }
}
