/// How a loss combines per-element losses (`reduction=` in PyTorch).
public enum LossReduction: String, Sendable, CaseIterable {
    case none, mean, sum
}

/// Losses of `torch.nn.functional`: `mse_loss`, `nll_loss`, `cross_entropy`.
extension Tensor {
    // MARK: - Mean squared error

    /// `F.mse_loss(input, target, reduction)`: (input − target)², reduced
    /// (`MseLossBackward0`). Shapes broadcast, as in PyTorch.
    public func mseLoss(target: Tensor, reduction: LossReduction = .mean) throws -> Tensor {
        let dtype = resultType([PromotionOperand(self), PromotionOperand(target)])
        guard dtype.isFloatingPoint else { throw TensorError.notImplemented(kernel: "mse_cpu", dtype: dtype) }
        let (input, goal) = try withoutGradients { (saved(try to(dtype)), saved(try target.to(dtype))) }
        let squares = try FusedKernels.combine(
            input, goal, float: { ($0 - $1) * ($0 - $1) }, double: { ($0 - $1) * ($0 - $1) })
        let result: Tensor = try withoutGradients {
            switch reduction {
            case .none: squares
            case .sum: try squares.sum()
            case .mean: try squares.mean()
            }
        }
        let count = squares.count
        let (inputShape, targetShape) = (shape, target.shape)
        return result.recordGradient("MseLossBackward0", inputs: [self, target]) { g, needs in
            let scale = reduction == .mean ? 2.0 / Double(count) : 2.0
            let local = try input.subtracting(goal).multiplied(by: .float(scale)).multiplied(by: g)
            return [
                needs[0] ? try local.sumToShape(inputShape) : nil,
                needs[1] ? try local.negated().sumToShape(targetShape) : nil,
            ]
        }
    }

    // MARK: - Negative log likelihood and cross entropy

    /// `F.cross_entropy(logits, target)`: `nll_loss(log_softmax(logits, 1), target)`
    /// for class indices; a floating `target` of the logits' shape is read as
    /// class probabilities.
    ///
    /// Shapes: logits `[N, C]` (or `[C]`, or `[N, C, d…]`), target `[N]` (or
    /// `[]`, or `[N, d…]`) of int64 class indices.
    public func crossEntropy(
        target: Tensor, reduction: LossReduction = .mean, ignoreIndex: Int64 = -100
    ) throws -> Tensor {
        guard rank >= 1 else { throw TensorError.crossEntropyInputRank(rank) }
        let classDimension = rank == 1 ? 0 : 1
        let logProbabilities = try logSoftmax(dimension: classDimension)
        if target.dtype.isFloatingPoint && target.shape == shape {
            let perSample = try logProbabilities.multiplied(by: target).sum(dimension: classDimension).negated()
            switch reduction {
            case .none: return perSample
            case .sum: return try perSample.sum()
            case .mean: return try perSample.sum().divided(by: .int(Int64(rank == 1 ? 1 : perSample.count)))
            }
        }
        return try logProbabilities.nllLoss(target: target, reduction: reduction, ignoreIndex: ignoreIndex)
    }

    /// `F.nll_loss(logProbabilities, target)`: −logp[i, target[i]], reduced;
    /// targets equal to `ignoreIndex` count for nothing (`NllLossBackward0`).
    public func nllLoss(target: Tensor, reduction: LossReduction = .mean, ignoreIndex: Int64 = -100) throws -> Tensor {
        guard rank >= 1 else { throw TensorError.crossEntropyInputRank(rank) }
        guard target.dtype == .int64 || target.dtype == .uint8 else { throw TensorError.nllTargetDType(target.dtype) }
        let target = target.dtype == .uint8 ? try target.to(.int64) : target
        let batched = rank >= 2
        if batched, target.shape.first != shape[0] {
            throw TensorError.batchSizeMismatch(input: shape[0], target: target.shape.first ?? 0)
        }
        if rank <= 2 {
            // One sample is `[C]` with a 0-d (or one-element) target; a batch `[N, C]` with `[N]`.
            guard target.rank <= 1 else { throw TensorError.multiTargetNotSupported }
            if !batched && target.count != 1 { throw TensorError.batchSizeMismatch(input: 1, target: target.count) }
        } else if target.shape != [shape[0]] + Array(shape.dropFirst(2)) {
            throw TensorError.spatialTargetMismatch(input: shape, target: target.shape)
        }
        // Rows of class scores: move the class dimension last and flatten.
        let classes = batched ? shape[1] : shape[0]
        let rows: Tensor = batched && rank > 2
            ? try permuted([0] + Array(2..<rank) + [1]).reshaped([-1, classes])
            : try reshaped([-1, classes])
        let targets = target.integers()
        for value in targets where value != ignoreIndex && (value < 0 || value >= Int64(classes)) {
            throw TensorError.targetOutOfBounds(value)
        }
        let counted = targets.filter { $0 != ignoreIndex }.count
        let result: Tensor = try withoutGradients {
            switch reduction {
            case .none:
                return try NLLKernel.rowLosses(rows, targets: targets, ignoreIndex: ignoreIndex).reshaped(target.shape)
            case .sum, .mean:
                return try NLLKernel.reducedLoss(rows, targets: targets, ignoreIndex: ignoreIndex, mean: reduction == .mean)
            }
        }
        let (rowsShape, rowsDType) = (rows.shape, rows.dtype)
        return result.recordGradient("NllLossBackward0", inputs: [rows]) { g, _ in
            [try NLLKernel.gradient(g, reduction: reduction, rows: rowsShape, dtype: rowsDType, targets: targets,
                                    ignoreIndex: ignoreIndex, counted: counted)]
        }
    }
}
