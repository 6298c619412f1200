import CellLanguage
import TensorEngine

/// Conversions from Python values to engine arguments, with PyTorch's
/// TypeError texts. Tensors pass through without copies.
enum PythonArguments {
    /// The receiver of a Tensor method.
    @inline(__always)
    static func receiver(_ value: Value) throws -> Tensor {
        if case .object(let object) = value, let tensor = object as? Tensor { return tensor }
        throw PythonError.typeError("descriptor requires a 'torch.Tensor' object but received a '\(value.typeName)'")
    }

    /// A tensor argument (not a number or a list).
    static func tensor(_ value: Value) throws -> Tensor {
        if case .object(let object) = value, let tensor = object as? Tensor { return tensor }
        throw PythonError.typeError("expected Tensor as element 0 in argument 0, but got \(value.typeName)")
    }
}
