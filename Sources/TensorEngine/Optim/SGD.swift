/// `torch.optim.SGD(params, lr, momentum, dampening, weight_decay, nesterov)`.
///
/// Each step, for every parameter p with a gradient g (PyTorch's
/// single-tensor algorithm, in its order of operations):
///
///     g ← g + weight_decay · p
///     b ← g (first step) or momentum · b + (1 − dampening) · g
///     g ← g + momentum · b (Nesterov) or b
///     p ← p − lr · g        (one fused multiply-add per element)
public final class SGD: Optimizer {
    /// Settings may change between steps (learning-rate schedules do that).
    public var learningRate: Double
    public var momentum: Double
    public var dampening: Double
    public var weightDecay: Double
    public var nesterov: Bool
    public var maximize: Bool
    /// The momentum buffer of each parameter, created at its first step.
    private var momentumBuffers: [ObjectIdentifier: Tensor] = [:]

    public init(
        parameters: [Tensor], learningRate: Double, momentum: Double = 0, dampening: Double = 0,
        weightDecay: Double = 0, nesterov: Bool = false, maximize: Bool = false
    ) throws {
        guard learningRate >= 0 else { throw OptimizerError.invalidSetting(name: "learning rate", value: learningRate) }
        guard momentum >= 0 else { throw OptimizerError.invalidSetting(name: "momentum value", value: momentum) }
        guard weightDecay >= 0 else {
            throw OptimizerError.invalidSetting(name: "weight_decay value", value: weightDecay)
        }
        if nesterov && (momentum <= 0 || dampening != 0) { throw OptimizerError.nesterovNeedsMomentum }
        self.learningRate = learningRate
        self.momentum = momentum
        self.dampening = dampening
        self.weightDecay = weightDecay
        self.nesterov = nesterov
        self.maximize = maximize
        try super.init(parameters: parameters)
    }

    public override func step() throws {
        try withoutGradients {
            for parameter in parameters {
                guard let gradient = parameter.grad else { continue }
                var direction = maximize ? try gradient.negated() : gradient
                if weightDecay != 0 { direction = try direction.adding(parameter, alpha: .float(weightDecay)) }
                if momentum != 0 {
                    let key = ObjectIdentifier(parameter)
                    let buffer: Tensor
                    if let existing = momentumBuffers[key] {
                        try existing.multiply_(.float(momentum)).add_(direction, alpha: .float(1 - dampening))
                        buffer = existing
                    } else {
                        buffer = try direction.clone().detach()
                        momentumBuffers[key] = buffer
                    }
                    direction = nesterov ? try direction.adding(buffer, alpha: .float(momentum)) : buffer
                }
                try parameter.add_(direction, alpha: .float(-learningRate))
            }
        }
    }
}
