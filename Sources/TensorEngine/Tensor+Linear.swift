/// `torch.nn.functional.linear` and `torch.addmm`.
extension Tensor {
    /// `F.linear(x, W, b)` = x · Wᵀ + b.
    ///
    /// Shapes: x `[…, in]`, weight `[out, in]`, bias `[out]` → `[…, out]`.
    /// A 2-D input with a bias is one `addmm` (`AddmmBackward0`), as in
    /// PyTorch; without a bias it is `mm` (`MmBackward0`).
    public func linear(weight: Tensor, bias: Tensor? = nil) throws -> Tensor {
        let transposedWeight = try weight.transposed()
        switch rank {
        case 2:
            guard let bias else { return try mm(transposedWeight) }
            return try Tensor.addmm(bias, self, transposedWeight)
        case 1:
            // PyTorch: without a bias vector·matrix (`SqueezeBackward4`); with
            // one, a one-row addmm viewed back (`ViewBackward0`).
            guard let bias else { return try matmul(transposedWeight) }
            let row = try Tensor.addmm(bias, reshaped([1, shape[0]]), transposedWeight)
            return try row.reshaped([row.shape[1]])
        case 0:
            throw TensorError.matmulZeroDimensional(rankA: 0, rankB: weight.rank)
        default:
            let rows = try reshaped([-1, shape[rank - 1]]).linear(weight: weight, bias: bias)
            return try rows.reshaped(Array(shape.dropLast()) + [rows.shape[1]])
        }
    }

    /// `torch.addmm(bias, a, b)` = bias + a · b, with `bias` broadcast to
    /// `[n, p]` (`AddmmBackward0`).
    public static func addmm(_ bias: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        try a.checkMatrices(b, operation: "addmm")
        guard a.dtype == bias.dtype else { throw TensorError.addmmDTypeMismatch(a: a.dtype, b: bias.dtype) }
        let outputShape = [a.shape[0], b.shape[1]]
        let broadcast = try ShapeRules.broadcast(bias.shape, outputShape)
        guard broadcast == outputShape else {
            throw TensorError.expandMismatch(
                expandedSize: outputShape[outputShape.count - 1], existingSize: bias.shape.last ?? 1,
                dimension: bias.rank - 1, target: outputShape, actual: bias.shape)
        }
        let result = try withoutGradients { try MatrixProduct.multiply(a, b).adding(bias) }
        let biasShape = bias.shape
        let (savedA, savedB) = (saved(a), saved(b))
        return result.recordGradient("AddmmBackward0", inputs: [bias, a, b]) { g, needs in
            [
                needs[0] ? try g.sumToShape(biasShape) : nil,
                needs[1] ? try g.mm(savedB.transposed()) : nil,
                needs[2] ? try savedA.transposed().mm(g) : nil,
            ]
        }
    }
}
