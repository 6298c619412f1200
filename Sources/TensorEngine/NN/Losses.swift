/// A loss layer: a module whose forward takes an input and a target.
open class Loss: Module {
    public let reduction: LossReduction

    public init(reduction: LossReduction = .mean) {
        self.reduction = reduction
        super.init()
    }

    /// The loss of `input` against `target`.
    open func loss(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        throw ModuleError.missingForward(typeName)
    }

    /// A loss needs a target: calling it with one tensor is an error.
    public override func forward(_ input: Tensor) throws -> Tensor {
        throw ModuleError.needsTarget(typeName)
    }
}

/// `nn.MSELoss(reduction)`: mean (or sum, or each) of squared differences.
public final class MSELoss: Loss {
    public override func loss(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        try input.mseLoss(target: target, reduction: reduction)
    }
}

/// `nn.CrossEntropyLoss(reduction, ignore_index)`: log-softmax over the class
/// dimension followed by the negative log likelihood of the targets.
///
/// Shapes: logits `[N, C]`, targets `[N]` (int64 class indices) → `[]`
/// (or `[N]` with `reduction: .none`).
public final class CrossEntropyLoss: Loss {
    public let ignoreIndex: Int64

    public init(reduction: LossReduction = .mean, ignoreIndex: Int64 = -100) {
        self.ignoreIndex = ignoreIndex
        super.init(reduction: reduction)
    }

    public override func loss(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        try input.crossEntropy(target: target, reduction: reduction, ignoreIndex: ignoreIndex)
    }
}

/// `nn.NLLLoss(reduction, ignore_index)` on log-probabilities.
public final class NLLLoss: Loss {
    public let ignoreIndex: Int64

    public init(reduction: LossReduction = .mean, ignoreIndex: Int64 = -100) {
        self.ignoreIndex = ignoreIndex
        super.init(reduction: reduction)
    }

    public override func loss(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        try input.nllLoss(target: target, reduction: reduction, ignoreIndex: ignoreIndex)
    }
}
