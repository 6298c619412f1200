import CellLanguage
import TensorEngine

/// Engine tensors are Python values themselves: no wrapper object, so
/// identity (`x.grad is g`, `id(x)`, dict keys) is the tensor's identity and
/// an op result reaches Python without an extra allocation.
///
/// `nn.Parameter` is a subclass of `torch.Tensor`; the engine marks parameters
/// with `isParameter`.
extension Tensor: PythonObject {
    public var pythonClass: PyClass { isParameter ? TensorClasses.parameter : TensorClasses.tensor }
}
