import CellLanguage
import TensorEngine

/// Native layers are Python values themselves; their class is found by
/// engine type (`type(m) == nn.Linear`).
extension Module: PythonObject {
    public var pythonClass: PyClass { LayerClasses.pythonClass(of: self) }
}

/// Moving between Python values and engine modules.
enum ModuleValues {
    /// The engine module behind a Python value: a native layer, or the
    /// registry of a Python `nn.Module` subclass instance; nil otherwise.
    @inline(__always)
    static func module(_ value: Value) -> Module? {
        guard case .object(let object) = value else { return nil }
        if let instance = object as? PyInstance { return instance.payload as? PythonModule }
        if object is PythonModule { return nil }
        return object as? Module
    }

    /// The module receiving a method call; a clear error for a Python
    /// subclass whose `__init__` did not call `super().__init__()`.
    static func receiver(_ value: Value) throws -> Module {
        if let module = module(value) { return module }
        if case .object(let instance as PyInstance) = value {
            throw PythonError.attributeError(
                "'\(instance.pythonClass.name)' object has no attribute '_modules' (did its __init__ call super().__init__()?)"
            )
        }
        throw PythonError.typeError("expected an nn.Module, not \(value.typeName)")
    }

    /// The Python value of an engine module (the instance for Python modules).
    static func value(_ module: Module) -> Value {
        if let python = module as? PythonModule { return python.instance.map { .object($0) } ?? .none }
        return .object(module)
    }
}
