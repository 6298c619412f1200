import CellLanguage
import Datasets
import TensorEngine

/// Engine errors reach Python as the exception PyTorch raises, with its text.
extension TensorError: PythonConvertibleError {
    public var pythonExceptionClass: PyClass {
        switch kind {
        case .runtimeError: BuiltinTypes.runtimeError
        case .indexError: BuiltinTypes.indexError
        case .valueError: BuiltinTypes.valueError
        case .typeError: BuiltinTypes.typeError
        case .notImplementedError: BuiltinTypes.notImplementedError
        }
    }

    public var pythonMessage: String { message }
}

/// A dataset that cannot be read is an `OSError` naming the file (and the
/// Debian package when it is missing), like Python's `FileNotFoundError`.
extension DatasetError: PythonConvertibleError {
    public var pythonExceptionClass: PyClass { BuiltinTypes.osError }
    public var pythonMessage: String { description }
}
