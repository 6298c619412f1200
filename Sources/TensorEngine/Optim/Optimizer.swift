/// What every optimizer shares (PyTorch's `torch.optim.Optimizer`): groups of
/// parameters and clearing their gradients.
///
/// Subclasses implement `step()`, which updates the parameters in place from
/// their `.grad` without recording gradients.
open class Optimizer {
    /// Every parameter, in the order given, each once (PyTorch refuses
    /// duplicates; here a repeated tensor is simply updated once).
    public let parameters: [Tensor]

    public init(parameters: [Tensor]) throws {
        guard !parameters.isEmpty else { throw OptimizerError.emptyParameterList }
        var seen = Set<ObjectIdentifier>()
        self.parameters = parameters.filter { seen.insert(ObjectIdentifier($0)).inserted }
        for parameter in self.parameters where !parameter.isLeaf {
            throw OptimizerError.nonLeafParameter
        }
    }

    /// Updates every parameter that has a gradient.
    open func step() throws {}

    /// `optimizer.zero_grad(set_to_none=True)`.
    public func zeroGrad(setToNone: Bool = true) throws {
        for parameter in parameters { try Optimizer.clearGradient(of: parameter, setToNone: setToNone) }
    }

    /// Forgets a gradient (`set_to_none`) or zeroes it in place, detached.
    static func clearGradient(of tensor: Tensor, setToNone: Bool) throws {
        guard let gradient = tensor.grad else { return }
        if setToNone {
            tensor.grad = nil
        } else {
            let detached = gradient.detach()
            _ = try withoutGradients { try detached.zero_() }
            tensor.grad = detached
        }
    }
}

/// Invalid optimizer settings, with PyTorch's messages.
public enum OptimizerError: Error, Equatable, CustomStringConvertible {
    case emptyParameterList
    case nonLeafParameter
    case invalidSetting(name: String, value: Double)
    case nesterovNeedsMomentum

    public var kind: PythonExceptionKind { .valueError }

    public var message: String {
        switch self {
        case .emptyParameterList: "optimizer got an empty parameter list"
        case .nonLeafParameter: "can't optimize a non-leaf Tensor"
        case .invalidSetting(let name, let value): "Invalid \(name): \(value)"
        case .nesterovNeedsMomentum: "Nesterov momentum requires a momentum and zero dampening"
        }
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
