import CellLanguage
import TensorEngine

/// One optimizer class of `torch.optim` (`SGD`, `Adam`): its defaults, in
/// PyTorch's order, and how to build the engine optimizer for a group.
final class OptimizerKind {
    let name: String
    /// The constructor's signature after `params`.
    let signature: FastSignature
    /// The settings each group stores, in PyTorch's order.
    let settingNames: [String]
    let build: ([Tensor], PyDict, Interpreter) throws -> Optimizer
    private(set) var pythonClass: PyClass!

    init(name: String, spec: String, settings: [String], build: @escaping ([Tensor], PyDict, Interpreter) throws -> Optimizer) {
        self.name = name
        self.signature = FastSignature(spec)
        self.settingNames = settings
        self.build = build
        self.pythonClass = OptimizerClass.make(self)
    }

    static let sgd = OptimizerKind(
        name: "SGD",
        spec: "SGD(params, lr=0.001, momentum=0, dampening=0, weight_decay=0, nesterov=False, *, maximize=False, foreach=None, differentiable=False, fused=None)",
        settings: ["lr", "momentum", "dampening", "weight_decay", "nesterov", "maximize", "foreach", "differentiable", "fused"]
    ) { parameters, settings, interp in
        func number(_ key: String) throws -> Double { try PythonArguments.double(settings[string: key] ?? .int(0), "SGD", argument: key) }
        func flag(_ key: String) throws -> Bool { try interp.isTruthy(settings[string: key] ?? .bool(false)) }
        return try SGD(
            parameters: parameters, learningRate: number("lr"), momentum: number("momentum"), dampening: number("dampening"),
            weightDecay: number("weight_decay"), nesterov: flag("nesterov"), maximize: flag("maximize"))
    }

    static let adam = OptimizerKind(
        name: "Adam",
        spec: "Adam(params, lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0, amsgrad=False, *, foreach=None, maximize=False, capturable=False, differentiable=False, fused=None)",
        settings: ["lr", "betas", "eps", "weight_decay", "amsgrad", "foreach", "maximize", "capturable", "differentiable", "fused"]
    ) { parameters, settings, interp in
        func number(_ key: String) throws -> Double { try PythonArguments.double(settings[string: key] ?? .int(0), "Adam", argument: key) }
        guard let betas = settings[string: "betas"]?.sequenceItems, betas.count == 2 else {
            throw PythonError.valueError("Adam's betas must be a pair of floats")
        }
        if try interp.isTruthy(settings[string: "amsgrad"] ?? .bool(false)) {
            throw PythonError.valueError("litbook's Adam has no amsgrad variant")
        }
        return try Adam(
            parameters: parameters, learningRate: number("lr"),
            betas: (PythonArguments.double(betas[0], "Adam", argument: "betas"), PythonArguments.double(betas[1], "Adam", argument: "betas")),
            epsilon: number("eps"), weightDecay: number("weight_decay"))
    }
}
