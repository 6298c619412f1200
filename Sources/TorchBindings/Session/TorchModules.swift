import CellLanguage
import TensorEngine

/// The Python modules one session installs in one interpreter. Each
/// interpreter gets fresh module objects (a notebook that sets `torch.x = 1`
/// does not change the next one); the classes inside them are shared.
struct TorchModules {
    let torch: PyModule
    let nn: PyModule
    let functional: PyModule
    let initialization: PyModule
    let optim: PyModule
    let utils: PyModule
    let data: PyModule
    let d2l: PyModule

    var all: [PyModule] { [torch, nn, functional, initialization, optim, utils, data, d2l] }

    static func make(context: TorchContext, interpreter: Interpreter) throws -> TorchModules {
        let modules = TorchModules(
            torch: PyModule(name: "torch"), nn: PyModule(name: "torch.nn"),
            functional: PyModule(name: "torch.nn.functional"), initialization: PyModule(name: "torch.nn.init"),
            optim: PyModule(name: "torch.optim"), utils: PyModule(name: "torch.utils"),
            data: PyModule(name: "torch.utils.data"), d2l: PyModule(name: "d2l.torch"))
        modules.torch["nn"] = .object(modules.nn)
        modules.torch["optim"] = .object(modules.optim)
        modules.torch["utils"] = .object(modules.utils)
        modules.nn["functional"] = .object(modules.functional)
        modules.nn["init"] = .object(modules.initialization)
        modules.utils["data"] = .object(modules.data)
        modules.torch["Tensor"] = .object(TensorClasses.tensor)
        modules.nn["Parameter"] = .object(TensorClasses.parameter)
        modules.torch.addFunction("manual_seed") { _, args in
            guard let seed = args.positional.first?.intValue else {
                throw PythonError.typeError("manual_seed() expected an int seed")
            }
            context.generator.manualSeed(UInt64(bitPattern: Int64(seed)))
            return .none
        }
        return modules
    }
}
