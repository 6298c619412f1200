import CellLanguage
import TensorEngine

/// The methods and properties of `torch.Tensor`.
enum TensorMethods {
    static func install(_ c: NativeClassBuilder) {
        c.method("__repr__") { interp, this, _ in
            .str(try PythonArguments.receiver(this).repr(options: TorchContext.of(interp).printOptions))
        }
    }
}
