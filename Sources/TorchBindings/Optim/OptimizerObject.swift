import CellLanguage
import TensorEngine

/// A `torch.optim` optimizer as a Python value: one engine optimizer per
/// parameter group, with `param_groups` as live dicts (a changed `'lr'`
/// takes effect at the next step, as in PyTorch).
final class OptimizerObject: PythonObject {
    let kind: OptimizerKind
    let groups: [(optimizer: Optimizer, settings: PyDict)]

    init(kind: OptimizerKind, groups: [(optimizer: Optimizer, settings: PyDict)]) {
        self.kind = kind
        self.groups = groups
    }

    var pythonClass: PyClass { kind.pythonClass }

    /// Copies the numbers in each group's dict into its engine optimizer.
    func applySettings(_ interp: Interpreter) throws {
        for (optimizer, settings) in groups {
            func number(_ key: String) throws -> Double? {
                guard let value = settings[string: key] else { return nil }
                return try PythonArguments.double(value, kind.name, argument: key)
            }
            if let sgd = optimizer as? SGD {
                if let lr = try number("lr") { sgd.learningRate = lr }
                if let momentum = try number("momentum") { sgd.momentum = momentum }
                if let dampening = try number("dampening") { sgd.dampening = dampening }
                if let decay = try number("weight_decay") { sgd.weightDecay = decay }
            } else if let adam = optimizer as? Adam {
                if let lr = try number("lr") { adam.learningRate = lr }
                if let decay = try number("weight_decay") { adam.weightDecay = decay }
                if let eps = try number("eps") { adam.epsilon = eps }
            }
        }
    }
}
