/// Positional and keyword arguments of a call, after `*` and `**` are expanded.
public struct Arguments {
    public var positional: [Value]
    public var keywords: [(name: String, value: Value)]

    public init(_ positional: [Value] = [], keywords: [(name: String, value: Value)] = []) {
        self.positional = positional
        self.keywords = keywords
    }

    /// The keyword argument `name`, if given.
    public func keyword(_ name: String) -> Value? {
        keywords.first { $0.name == name }?.value
    }
}

/// A builtin function value implemented in Swift (`len`, `torch.zeros`, a
/// native method). Stored in a class namespace it binds to the instance like a
/// Python function: the instance arrives as `arguments.positional[0]`.
public final class NativeFunction: PythonObject {
    public typealias Body = (Interpreter, Arguments) throws -> Value
    public let name: String
    /// Whether attribute access on an instance binds it (false for static helpers).
    public let bindsToInstance: Bool
    let body: Body

    public init(_ name: String, bindsToInstance: Bool = true, _ body: @escaping Body) {
        self.name = name
        self.bindsToInstance = bindsToInstance
        self.body = body
    }

    public var pythonClass: PyClass { BuiltinTypes.builtinFunction }
}

/// A computed attribute defined in Swift (`tensor.shape`, `x.grad = None`).
public final class NativeProperty: PythonObject {
    public typealias Getter = (Interpreter, Value) throws -> Value
    public typealias Setter = (Interpreter, Value, Value) throws -> Void
    public let name: String
    let getter: Getter
    let setter: Setter?

    public init(_ name: String, get: @escaping Getter, set: Setter? = nil) {
        self.name = name
        self.getter = get
        self.setter = set
    }

    public var pythonClass: PyClass { BuiltinTypes.property }
}

/// A function defined in the cell language (`def` or `lambda`).
final class PyFunction: PythonObject {
    let code: FunctionCode
    let defaults: [Value]
    let keywordDefaults: [String: Value]
    let closure: [Cell]
    let globals: Namespace
    /// The class whose body defined this function: what zero-argument `super()` uses.
    var definingClass: PyClass?
    var attributes = AttributeTable()

    init(code: FunctionCode, defaults: [Value], keywordDefaults: [String: Value], closure: [Cell], globals: Namespace) {
        self.code = code
        self.defaults = defaults
        self.keywordDefaults = keywordDefaults
        self.closure = closure
        self.globals = globals
    }

    var pythonClass: PyClass { BuiltinTypes.function }
}

/// `obj.method` with `obj` bound as the first argument.
final class PyBoundMethod: PythonObject {
    let receiver: Value
    let function: Value
    init(receiver: Value, function: Value) {
        self.receiver = receiver
        self.function = function
    }
    var pythonClass: PyClass { BuiltinTypes.method }
}

/// The result of `super()`: attribute lookup starts above `startClass`.
final class PySuper: PythonObject {
    let startClass: PyClass
    let receiver: Value
    init(startClass: PyClass, receiver: Value) {
        self.startClass = startClass
        self.receiver = receiver
    }
    var pythonClass: PyClass { BuiltinTypes.superType }
}

/// `staticmethod(f)`, `classmethod(f)` and `property(fget, fset)` wrappers for user classes.
final class PyDescriptor: PythonObject {
    enum Kind { case staticMethod, classMethod, property }
    let kind: Kind
    let function: Value
    var setter: Value?
    init(_ kind: Kind, _ function: Value, setter: Value? = nil) {
        self.kind = kind
        self.function = function
        self.setter = setter
    }
    var pythonClass: PyClass {
        switch kind {
        case .staticMethod: return BuiltinTypes.staticMethod
        case .classMethod: return BuiltinTypes.classMethod
        case .property: return BuiltinTypes.property
        }
    }
}

/// A module: an attribute namespace registered under a dotted name
/// (`torch`, `torch.nn.functional`). Mutable, so the runner can add `#@save`
/// definitions to `d2l` as later notebooks need them.
public final class PyModule: PythonObject {
    public let name: String
    public var attributes = AttributeTable()
    public init(name: String) { self.name = name }
    public var pythonClass: PyClass { BuiltinTypes.module }

    /// Adds a native function attribute.
    public func addFunction(_ name: String, _ body: @escaping NativeFunction.Body) {
        attributes[name] = .object(NativeFunction(name, bindsToInstance: false, body))
    }

    public subscript(name: String) -> Value? {
        get { attributes[name] }
        set { attributes[name] = newValue }
    }
}
