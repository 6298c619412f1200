import Foundation

/// `torch.optim.Adam(params, lr, betas, eps, weight_decay)`: PyTorch's
/// single-tensor algorithm with bias correction.
///
///     m ← β₁·m + (1 − β₁)·g          v ← β₂·v + (1 − β₂)·g²
///     p ← p − lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)
public final class Adam: Optimizer {
    /// Settings may change between steps (learning-rate schedules do that).
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    public var weightDecay: Double
    private var state: [ObjectIdentifier: (step: Int, average: Tensor, squareAverage: Tensor)] = [:]

    public init(
        parameters: [Tensor], learningRate: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999),
        epsilon: Double = 1e-8, weightDecay: Double = 0
    ) throws {
        guard learningRate >= 0 else { throw OptimizerError.invalidSetting(name: "learning rate", value: learningRate) }
        guard epsilon >= 0 else { throw OptimizerError.invalidSetting(name: "epsilon value", value: epsilon) }
        guard betas.0 >= 0 && betas.0 < 1 else {
            throw OptimizerError.invalidSetting(name: "beta parameter at index 0", value: betas.0)
        }
        guard betas.1 >= 0 && betas.1 < 1 else {
            throw OptimizerError.invalidSetting(name: "beta parameter at index 1", value: betas.1)
        }
        guard weightDecay >= 0 else {
            throw OptimizerError.invalidSetting(name: "weight_decay value", value: weightDecay)
        }
        self.learningRate = learningRate
        (beta1, beta2) = betas
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        try super.init(parameters: parameters)
    }

    public override func step() throws {
        try withoutGradients {
            for parameter in parameters {
                guard var gradient = parameter.grad else { continue }
                let key = ObjectIdentifier(parameter)
                var entry = try state[key] ?? (0, Tensor.zerosLike(parameter), Tensor.zerosLike(parameter))
                entry.step += 1
                if weightDecay != 0 { gradient = try gradient.adding(parameter, alpha: .float(weightDecay)) }
                // m ← m + (1 − β₁)(g − m), PyTorch's lerp for a small weight.
                try entry.average.add_(gradient.subtracting(entry.average), alpha: .float(1 - beta1))
                try entry.squareAverage.multiply_(.float(beta2)).add_(
                    gradient.multiplied(by: gradient), alpha: .float(1 - beta2))
                let step = Double(entry.step)
                let correction1 = 1 - pow(beta1, step)
                let correction2 = 1 - pow(beta2, step)
                let denominator = try entry.squareAverage.sqrt().divided(by: .float(correction2.squareRoot())).adding(
                    .float(epsilon))
                try parameter.add_(entry.average.divided(by: denominator), alpha: .float(-learningRate / correction1))
                state[key] = entry
            }
        }
    }
}
