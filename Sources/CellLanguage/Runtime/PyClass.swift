/// A Python class: user-defined (`class Dog(Animal): ...`), built in (`int`,
/// `list`, `ValueError`) or native (defined from Swift with `NativeClass`).
///
/// All three are the same type so that every rule — attribute lookup along the
/// base chain, `isinstance`, operator dispatch through dunder methods,
/// subclassing a native class from Python — is written once.
public final class PyClass: PythonObject {
    public let name: String
    public let base: PyClass?
    /// The module name shown in default reprs (`<__main__.Point object at …>`).
    public var moduleName: String
    /// The class namespace: methods (functions or `NativeFunction`s), properties
    /// (`NativeProperty`), class attributes.
    public var attributes = AttributeTable()

    /// Native construction: creates the object for `cls(...)`, where `cls` may be
    /// a Python subclass. If it returns an instance of `cls`, `__init__` runs
    /// after it, as in Python's `__new__`/`__init__` protocol.
    public var constructor: ((Interpreter, PyClass, Arguments) throws -> Value)?

    /// Called before `instance.name = value` stores into the instance's
    /// attribute table, for this class and its subclasses; it may throw to refuse.
    public var attributeObserver: ((Interpreter, PyInstance, String, Value) throws -> Void)?

    public init(name: String, base: PyClass?, moduleName: String = "builtins") {
        self.name = name
        self.base = base
        self.moduleName = moduleName
    }

    public var pythonClass: PyClass { BuiltinTypes.type }

    // MARK: - Lookup along the base chain

    /// The attribute `name` from this class or the nearest base that defines it.
    public func lookup(_ name: String) -> Value? {
        var cls: PyClass? = self
        while let c = cls {
            if let v = c.attributes[name] { return v }
            cls = c.base
        }
        return nil
    }

    /// The class that defines `name`, starting the search at this class.
    func owner(of name: String) -> PyClass? {
        var cls: PyClass? = self
        while let c = cls {
            if c.attributes[name] != nil { return c }
            cls = c.base
        }
        return nil
    }

    public func isSubclass(of other: PyClass) -> Bool {
        var cls: PyClass? = self
        while let c = cls {
            if c === other { return true }
            cls = c.base
        }
        return false
    }

    var nearestConstructor: ((Interpreter, PyClass, Arguments) throws -> Value)? {
        var cls: PyClass? = self
        while let c = cls {
            if let k = c.constructor { return k }
            cls = c.base
        }
        return nil
    }

    var nearestAttributeObserver: ((Interpreter, PyInstance, String, Value) throws -> Void)? {
        var cls: PyClass? = self
        while let c = cls {
            if let k = c.attributeObserver { return k }
            cls = c.base
        }
        return nil
    }

    /// `A.B` style qualified name used in messages.
    var qualifiedName: String { name }
}

/// An instance of a user class or of a native class constructed from Python:
/// an insertion-ordered attribute table plus an optional Swift payload that
/// native `__init__`s attach (a module's parameter registry, an exception's args).
public final class PyInstance: PythonObject {
    public let pythonClass: PyClass
    public var attributes = AttributeTable()
    /// Opaque native state; the native class that set it knows its type.
    public var payload: AnyObject?

    public init(of cls: PyClass) {
        self.pythonClass = cls
    }

    /// The payload cast to `T`, for native methods.
    public func payload<T: AnyObject>(as type: T.Type) -> T? { payload as? T }
}
