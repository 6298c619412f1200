import CellLanguage
import TensorEngine

/// The engine side of a module written in Python (`class Net(nn.Module)`):
/// the registry of its parameters and submodules, kept as the payload of the
/// Python instance, so that a native container (`nn.Sequential`) can hold it
/// and the module system (parameters, apply, repr, train/eval) treats it like
/// any layer.
///
/// The instance and this object refer to each other (the instance owns this
/// payload; this object keeps the instance alive while a container holds
/// it). The session breaks the cycle when the notebook ends (`release()`).
final class PythonModule: Module {
    private(set) var instance: PyInstance?
    /// The interpreter that created the instance: forward runs in it.
    private weak var interpreter: Interpreter?

    init(instance: PyInstance, interpreter: Interpreter) {
        self.instance = instance
        self.interpreter = interpreter
        super.init()
    }

    override var typeName: String { instance?.pythonClass.name ?? "Module" }

    /// The Python class's `extra_repr()`, if it defines one.
    override var extraRepr: String {
        guard let instance, let interpreter, instance.pythonClass.lookup("extra_repr") != nil,
            case .str(let text)? = try? interpreter.callMethod(.object(instance), "extra_repr", [])
        else { return "" }
        return text
    }

    /// Runs the Python `forward` (through `__call__`) on one tensor: how a
    /// native container calls a Python child.
    override func forward(_ input: Tensor) throws -> Tensor {
        guard let instance, let interpreter else { throw ModuleError.missingForward(typeName) }
        let output = try interpreter.call(.object(instance), [.object(input)])
        guard let tensor = output.as(Tensor.self) else {
            throw PythonError.typeError(
                "\(typeName).forward() returned \(output.typeName), but a layer of a container must return a Tensor")
        }
        return tensor
    }

    /// Breaks the reference cycle with the instance.
    func release() {
        instance = nil
    }
}
