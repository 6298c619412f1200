import CellLanguage
import TensorEngine

/// The Python modules one session installs in one interpreter. Each
/// interpreter gets fresh module objects (a notebook that sets `torch.x = 1`
/// does not change the next one); the classes inside them are shared.
struct TorchModules {
    let torch = PyModule(name: "torch")
    let cuda = PyModule(name: "torch.cuda")
    let nn = PyModule(name: "torch.nn")
    let functional = PyModule(name: "torch.nn.functional")
    let initialization = PyModule(name: "torch.nn.init")
    let optim = PyModule(name: "torch.optim")
    let utils = PyModule(name: "torch.utils")
    let data = PyModule(name: "torch.utils.data")
    let d2l = PyModule(name: "d2l.torch")

    var all: [PyModule] { [torch, cuda, nn, functional, initialization, optim, utils, data, d2l] }

    /// Builds the modules and registers them in `interpreter` (d2l last: its
    /// Python half imports torch).
    static func install(context: TorchContext, interpreter: Interpreter, saved: [(String, Value)]) throws {
        let modules = TorchModules()
        modules.torch["cuda"] = .object(modules.cuda)
        modules.torch["nn"] = .object(modules.nn)
        modules.torch["optim"] = .object(modules.optim)
        modules.torch["utils"] = .object(modules.utils)
        modules.nn["functional"] = .object(modules.functional)
        modules.nn["init"] = .object(modules.initialization)
        modules.utils["data"] = .object(modules.data)

        TorchNamespace.install(in: modules.torch, cuda: modules.cuda, context: context)
        modules.nn["Module"] = .object(ModuleClass.base)
        modules.nn["Parameter"] = .object(TensorClasses.parameter)
        for (name, cls) in LayerClasses.exported { modules.nn[name] = .object(cls) }
        FunctionalModule.install(in: modules.functional)
        InitModule.install(in: modules.initialization)
        modules.optim["SGD"] = .object(OptimizerKind.sgd.pythonClass)
        modules.optim["Adam"] = .object(OptimizerKind.adam.pythonClass)
        modules.optim["Optimizer"] = .object(OptimizerClass.base)
        modules.data["TensorDataset"] = .object(TensorDatasetObject.pythonClass)
        modules.data["DataLoader"] = .object(DataLoaderObject.pythonClass)

        for module in modules.all where module !== modules.d2l { interpreter.register(module: module) }
        try D2LModule.install(in: modules.d2l, context: context, interpreter: interpreter)
        for (name, value) in saved { modules.d2l[name] = value }
        interpreter.register(module: modules.d2l)
    }
}
