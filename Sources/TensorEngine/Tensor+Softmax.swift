import Foundation

/// `softmax` and `log_softmax` along one dimension, computed stably
/// (shifted by the maximum) in one pass per row.
extension Tensor {
    /// `F.softmax(x, dim)`: exp(x − max) / Σ exp(x − max) (`SoftmaxBackward0`).
    public func softmax(dimension: Int) throws -> Tensor {
        let result = try SoftmaxKernel.run(self, dimension: dimension, logarithm: false)
        let (output, axis) = (result.detach(), try ShapeRules.normalize(dimension: dimension, rank: rank))
        return result.recordGradient("SoftmaxBackward0", inputs: [self]) { g, _ in
            // y · (g − Σ g·y)
            let weighted = try g.multiplied(by: output).sum(dimension: axis, keepDim: true)
            return [try output.multiplied(by: g.subtracting(weighted))]
        }
    }

    /// `F.log_softmax(x, dim)`: x − max − log Σ exp(x − max) (`LogSoftmaxBackward0`).
    public func logSoftmax(dimension: Int) throws -> Tensor {
        let result = try SoftmaxKernel.run(self, dimension: dimension, logarithm: true)
        let (output, axis) = (result.detach(), try ShapeRules.normalize(dimension: dimension, rank: rank))
        return result.recordGradient("LogSoftmaxBackward0", inputs: [self]) { g, _ in
            // g − exp(y) · Σ g
            let total = try g.sum(dimension: axis, keepDim: true)
            return [try g.subtracting(output.exp().multiplied(by: total))]
        }
    }
}
