/// # The extension API
///
/// Other modules (TorchBindings) plug Python names into the cell language with:
///
/// - **Native classes** — `PyClass.native("Linear", base: module, module: "torch.nn") { c in … }`
///   declares methods, properties, class attributes, dunder operators, an
///   `__init__`, an optional constructor, an attribute-assignment observer and a
///   `__getattr__` fallback. Native classes are ordinary `PyClass`es: callable,
///   `type(x)`, `isinstance`, and subclassable from Python (`class Net(nn.Module)`),
///   where user methods override native ones and `super().__init__()` reaches
///   the native initializer.
/// - **Native objects** — any Swift class conforming to `PythonObject` is a value
///   (`.object(tensor)`); identity is the Swift object's identity. Instances of
///   native classes created from Python are `PyInstance`s carrying a `payload`.
/// - **Native functions and modules** — `NativeFunction`, `PyModule`, and
///   `Interpreter.register(module:)` for `import torch.nn.functional as F`.
/// - **Signatures** — `Signature("f(x, *, dim=None)").bind(args)` and typed accessors.
/// - **Errors** — `throw PythonError.valueError("…")`, or conform Swift errors to
///   `PythonConvertibleError`; the interpreter adds the Python call site.
/// - **Callbacks** — `Interpreter.call`, `callMethod`, `getAttribute`,
///   `setAttribute`, `repr`, `str`, `format`, `isTruthy`, `collect`/`forEach`,
///   `hash`, `equals`.
///
/// See `Sources/CellLanguage/README.md` for a complete example.
public final class NativeClassBuilder {
    public let cls: PyClass

    init(_ cls: PyClass) { self.cls = cls }

    /// A method; `self` is the receiver (a native object or a `PyInstance` of a subclass).
    public func method(_ name: String, _ body: @escaping (Interpreter, Value, Arguments) throws -> Value) {
        cls.attributes[name] = .object(NativeFunction(name) { interpreter, args in
            guard let receiver = args.positional.first else {
                throw PythonError.typeError("descriptor '\(name)' of '\(self.cls.name)' object needs an argument")
            }
            // `str.upper(5)`: a method only applies to instances of its class.
            guard receiver.pythonClass.isSubclass(of: self.cls) else {
                throw PythonError.typeError("descriptor '\(name)' for '\(self.cls.name)' objects doesn't apply to a '\(receiver.typeName)' object")
            }
            var rest = args
            rest.positional.removeFirst()
            return try body(interpreter, receiver, rest)
        })
    }

    /// A method whose arguments (after `self`) are bound to a Python signature,
    /// e.g. `method("sum", "sum(dim=None, keepdim=False)") { interp, this, args in … }`.
    public func method(_ name: String, _ signature: String, _ body: @escaping (Interpreter, Value, BoundArguments) throws -> Value) {
        let sig = Signature(signature)
        method(name) { interpreter, receiver, args in try body(interpreter, receiver, try sig.bind(args)) }
    }

    /// A computed attribute; without a setter, assignment raises AttributeError.
    public func property(
        _ name: String, get: @escaping (Interpreter, Value) throws -> Value,
        set: ((Interpreter, Value, Value) throws -> Void)? = nil
    ) {
        cls.attributes[name] = .object(NativeProperty(name, get: get, set: set))
    }

    public func classAttribute(_ name: String, _ value: Value) {
        cls.attributes[name] = value
    }

    /// A function reached through the class that does not bind `self` (`Tensor.from_list`).
    public func staticMethod(_ name: String, _ body: @escaping NativeFunction.Body) {
        cls.attributes[name] = .object(NativeFunction(name, bindsToInstance: false, body))
    }

    /// `__init__`: runs on `cls(...)` and on `super().__init__(...)` from a Python subclass.
    /// Use it to attach a payload to the instance.
    public func initializer(_ body: @escaping (Interpreter, PyInstance, Arguments) throws -> Void) {
        method("__init__") { interpreter, receiver, args in
            guard case .object(let instance as PyInstance) = receiver else {
                throw PythonError.typeError("\(self.cls.name).__init__() needs an instance")
            }
            try body(interpreter, instance, args)
            return .none
        }
    }

    /// Replaces instance creation: for classes whose instances are native
    /// objects (`torch.Tensor(...)`), return the object. If it returns a
    /// `PyInstance` of the requested class, `__init__` still runs.
    public func constructor(_ body: @escaping (Interpreter, PyClass, Arguments) throws -> Value) {
        cls.constructor = body
    }

    /// Sees `instance.name = value` on instances of this class and its Python
    /// subclasses before the value is stored (to register parameters/submodules).
    public func observeAttributeAssignment(_ body: @escaping (Interpreter, PyInstance, String, Value) throws -> Void) {
        cls.attributeObserver = body
    }

    /// Called when normal lookup fails; return nil to raise the usual AttributeError.
    public func fallbackAttribute(_ body: @escaping (Interpreter, Value, String) throws -> Value?) {
        method("__getattr__") { interpreter, receiver, args in
            guard case .str(let name)? = args.positional.first else { return .none }
            if let v = try body(interpreter, receiver, name) { return v }
            throw PythonError.attributeError("'\(receiver.typeName)' object has no attribute '\(name)'")
        }
    }

    /// `__add__` (or `__radd__` / `__iadd__`) and the other operator dunders. Return
    /// `NotImplemented` (`Value.notImplemented`) to let Python try the other operand.
    public func binaryOperator(
        _ op: BinaryOperator, variant: OperatorVariant = .normal,
        _ body: @escaping (Interpreter, Value, Value) throws -> Value
    ) {
        let name = "__\(variant.prefix)\(op.stem)__"
        method(name) { interpreter, receiver, args in
            guard let other = args.positional.first else { throw PythonError.typeError("\(name) expected 1 argument") }
            return try body(interpreter, receiver, other)
        }
    }

    public enum OperatorVariant {
        case normal, reflected, inPlace
        var prefix: String {
            switch self {
            case .normal: return ""
            case .reflected: return "r"
            case .inPlace: return "i"
            }
        }
    }
}

extension PyClass {
    /// Declares a native class.
    ///
    ///     let vec = PyClass.native("Vec", module: "geometry") { c in
    ///         c.initializer { _, this, args in this.payload = VecBox(args.positional) }
    ///         c.binaryOperator(.add) { interp, a, b in … }
    ///     }
    public static func native(
        _ name: String, base: PyClass? = nil, module: String = "native", _ build: (NativeClassBuilder) -> Void
    ) -> PyClass {
        let cls = PyClass(name: name, base: base ?? BuiltinTypes.object, moduleName: module)
        build(NativeClassBuilder(cls))
        return cls
    }
}

extension Value {
    /// Python's `NotImplemented`, returned by operator methods that decline.
    public static var notImplemented: Value { .object(BuiltinTypes.notImplemented) }
    /// Python's `...` (`X[..., 0]`).
    public static var ellipsis: Value { .object(BuiltinTypes.ellipsis) }

    public var isEllipsis: Bool {
        if case .object(let o) = self { return o === BuiltinTypes.ellipsis }
        return false
    }

    // MARK: - Plain Swift values, for native code

    /// The int of an `int` or `bool`; nil otherwise.
    public var intValue: Int? {
        switch self {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// The number of an `int`, `float` or `bool` as a Double; nil otherwise.
    public var doubleValue: Double? {
        switch self {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    public var stringValue: String? {
        if case .str(let s) = self { return s }
        return nil
    }

    /// The items of a tuple or list (not of other iterables: use `Interpreter.collect`).
    public var sequenceItems: [Value]? {
        switch self {
        case .tuple(let t): return t
        case .list(let l): return l.items
        default: return nil
        }
    }
}
