import CellLanguage
import Datasets
import TensorEngine

/// Engine errors reach Python as the exception PyTorch raises, with its text.
extension TensorError: PythonConvertibleError {
    public var pythonExceptionClass: PyClass { kind.pythonClass }

    public var pythonMessage: String { message }
}

/// A dataset that cannot be read is an `OSError` naming the file (and the
/// Debian package when it is missing), like Python's `FileNotFoundError`.
extension DatasetError: PythonConvertibleError {
    public var pythonExceptionClass: PyClass { BuiltinTypes.osError }
    public var pythonMessage: String { description }
}

/// The module system's own errors, with the exception classes PyTorch raises.
extension ModuleError: PythonConvertibleError {
    public var pythonExceptionClass: PyClass { kind.pythonClass }
    public var pythonMessage: String { message }
}

extension LayerError: PythonConvertibleError {
    public var pythonExceptionClass: PyClass { kind.pythonClass }
    public var pythonMessage: String { message }
}

extension InitError: PythonConvertibleError {
    public var pythonExceptionClass: PyClass { kind.pythonClass }
    public var pythonMessage: String { message }
}

extension OptimizerError: PythonConvertibleError {
    public var pythonExceptionClass: PyClass { kind.pythonClass }
    public var pythonMessage: String { message }
}

extension PythonExceptionKind {
    /// The builtin exception class of this kind.
    var pythonClass: PyClass {
        switch self {
        case .runtimeError: BuiltinTypes.runtimeError
        case .indexError: BuiltinTypes.indexError
        case .valueError: BuiltinTypes.valueError
        case .typeError: BuiltinTypes.typeError
        case .notImplementedError: BuiltinTypes.notImplementedError
        }
    }
}
