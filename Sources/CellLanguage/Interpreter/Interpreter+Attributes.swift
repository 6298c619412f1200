extension Interpreter {
    // MARK: - Reading attributes

    /// `value.name` with Python's lookup order: data descriptors of the class,
    /// the instance's own attributes, other class attributes (functions bind to
    /// the instance), then a `__getattr__` fallback.
    public func getAttribute(_ value: Value, _ name: String) throws -> Value {
        if case .object(let o) = value {
            switch o {
            case let cls as PyClass:
                return try classAttribute(cls, name)
            case let module as PyModule:
                if let v = module.attributes[name] { return v }
                if let sub = modules["\(module.name).\(name)"] { return .object(sub) }
                if name == "__name__" { return .str(module.name) }
                throw PythonError.attributeError("module '\(module.name)' has no attribute '\(name)'")
            case let s as PySuper:
                if let base = s.startClass.base, let owner = base.owner(of: name), let attr = owner.attributes[name] {
                    return try bindAttribute(attr, to: s.receiver, owner: owner)
                }
                throw PythonError.attributeError("'super' object has no attribute '\(name)'")
            case let f as PyFunction:
                switch name {
                case "__name__": return .str(f.code.name)
                case "__qualname__": return .str(f.code.qualifiedName)
                case "__doc__": return f.code.docstring.map(Value.str) ?? .none
                default:
                    if let v = f.attributes[name] { return v }
                }
            case let f as NativeFunction:
                if name == "__name__" || name == "__qualname__" { return .str(f.name) }
            case let m as PyBoundMethod:
                if name == "__self__" { return m.receiver }
                if name == "__func__" { return m.function }
                return try getAttribute(m.function, name)
            case let instance as PyInstance:
                let cls = instance.pythonClass
                let classAttribute = cls.lookup(name)
                if let attr = classAttribute, attr.isDataDescriptor {
                    return try bindAttribute(attr, to: value, owner: cls)
                }
                if let own = instance.attributes[name] { return own }
                if let attr = classAttribute { return try bindAttribute(attr, to: value, owner: cls) }
                if name == "__class__" { return .object(cls) }
                if name == "__dict__" {
                    let d = PyDict()
                    for (k, v) in instance.attributes.entries { d[string: k] = v }
                    return .dict(d)
                }
                if cls.isSubclass(of: BuiltinTypes.baseException), name == "args" {
                    return .tuple(ExceptionState.args(of: instance))
                }
                if let fallback = cls.lookup("__getattr__") {
                    return try callBound(fallback, receiver: value, Arguments([.str(name)]))
                }
                throw PythonError.attributeError("'\(cls.name)' object has no attribute '\(name)'")
            default:
                break
            }
        }
        let cls = value.pythonClass
        if let attr = cls.lookup(name) { return try bindAttribute(attr, to: value, owner: cls) }
        if name == "__class__" { return .object(cls) }
        if let fallback = cls.lookup("__getattr__") {
            return try callBound(fallback, receiver: value, Arguments([.str(name)]))
        }
        throw PythonError.attributeError("'\(cls.name)' object has no attribute '\(name)'")
    }

    /// `getattr(value, name, default)`: nil when the attribute is missing.
    public func attributeIfPresent(_ value: Value, _ name: String) throws -> Value? {
        do {
            return try getAttribute(value, name)
        } catch let e as PythonError where e.exceptionClass.isSubclass(of: BuiltinTypes.attributeError) {
            return nil
        }
    }

    func classAttribute(_ cls: PyClass, _ name: String) throws -> Value {
        switch name {
        case "__name__": return .str(cls.name)
        case "__qualname__": return cls.attributes["__qualname__"] ?? .str(cls.name)
        case "__module__": return .str(cls.moduleName)
        case "__base__": return cls.base.map { .object($0) } ?? .none
        case "__bases__": return .tuple(cls.base.map { [.object($0)] } ?? [])
        case "__mro__":
            var chain: [Value] = []
            var c: PyClass? = cls
            while let k = c {
                chain.append(.object(k))
                c = k.base
            }
            return .tuple(chain)
        case "__doc__": return cls.lookup("__doc__") ?? .none
        default: break
        }
        guard let attr = cls.lookup(name) else {
            throw PythonError.attributeError("type object '\(cls.name)' has no attribute '\(name)'")
        }
        if case .object(let d as PyDescriptor) = attr {
            switch d.kind {
            case .classMethod: return .object(PyBoundMethod(receiver: .object(cls), function: d.function))
            case .staticMethod: return d.function
            case .property: return attr
            }
        }
        return attr
    }

    /// A class attribute as seen through an instance: functions become bound
    /// methods, properties run their getter.
    func bindAttribute(_ attr: Value, to receiver: Value, owner: PyClass) throws -> Value {
        guard case .object(let o) = attr else { return attr }
        switch o {
        case is PyFunction:
            return .object(PyBoundMethod(receiver: receiver, function: attr))
        case let f as NativeFunction:
            return f.bindsToInstance ? .object(PyBoundMethod(receiver: receiver, function: attr)) : attr
        case let p as NativeProperty:
            return try p.getter(self, receiver)
        case let d as PyDescriptor:
            switch d.kind {
            case .property: return try call(d.function, [receiver])
            case .staticMethod: return d.function
            case .classMethod: return .object(PyBoundMethod(receiver: .object(receiver.pythonClass), function: d.function))
            }
        default:
            return attr
        }
    }

    // MARK: - Writing attributes

    /// `value.name = newValue`: property setters first; on instances the class's
    /// attribute observer (if any) sees the assignment before it is stored.
    public func setAttribute(_ value: Value, _ name: String, _ newValue: Value) throws {
        let cls = value.pythonClass
        if !(value.objectIdentity is PyClass), let attr = cls.lookup(name), attr.isDataDescriptor {
            switch attr {
            case .object(let p as NativeProperty):
                guard let setter = p.setter else {
                    throw PythonError.attributeError("property '\(name)' of '\(cls.name)' object has no setter")
                }
                try setter(self, value, newValue)
                return
            case .object(let d as PyDescriptor):
                guard let setter = d.setter else {
                    throw PythonError.attributeError("property '\(name)' of '\(cls.name)' object has no setter")
                }
                _ = try call(setter, [value, newValue])
                return
            default: break
            }
        }
        guard case .object(let o) = value else {
            throw PythonError.attributeError("'\(cls.name)' object has no attribute '\(name)'")
        }
        switch o {
        case let instance as PyInstance:
            if let observer = instance.pythonClass.nearestAttributeObserver {
                try observer(self, instance, name, newValue)
            }
            instance.attributes[name] = newValue
        case let c as PyClass:
            if c.moduleName == "builtins" {
                throw PythonError.typeError("cannot set '\(name)' attribute of immutable type '\(c.name)'")
            }
            c.attributes[name] = newValue
        case let module as PyModule:
            module.attributes[name] = newValue
        case let f as PyFunction:
            f.attributes[name] = newValue
        default:
            if let setter = cls.lookup("__setattr__") {
                _ = try callBound(setter, receiver: value, Arguments([.str(name), newValue]))
                return
            }
            throw PythonError.attributeError("'\(cls.name)' object has no attribute '\(name)'")
        }
    }

    public func deleteAttribute(_ value: Value, _ name: String) throws {
        if case .object(let o) = value {
            if let instance = o as? PyInstance, instance.attributes[name] != nil {
                instance.attributes[name] = nil
                return
            }
            if let module = o as? PyModule, module.attributes[name] != nil {
                module.attributes[name] = nil
                return
            }
            if let cls = o as? PyClass, cls.attributes[name] != nil, cls.moduleName != "builtins" {
                cls.attributes[name] = nil
                return
            }
        }
        throw PythonError.attributeError("'\(value.typeName)' object has no attribute '\(name)'")
    }
}
