/// Matrix products: `matmul` (`@`) with PyTorch's 1-D/2-D/batched rules, and
/// the strict `mm`, `mv`, `dot`, `bmm`. Operands must share a dtype.
extension Tensor {
    // MARK: - matmul

    /// `a @ b`: dot for 1-D·1-D, `mv` for 2-D·1-D, `mm` for 2-D·2-D, and
    /// batched products (leading dimensions broadcast) for anything larger.
    ///
    /// Shapes: `[2, 3] @ [3]` → `[2]`; `[3] @ [3, 2]` → `[2]`;
    /// `[5, 2, 3] @ [3, 4]` → `[5, 2, 4]`; `[5, 1, 2, 3] @ [4, 3, 2]` → `[5, 4, 2, 2]`.
    public func matmul(_ other: Tensor) throws -> Tensor {
        switch (rank, other.rank) {
        case (0, _), (_, 0):
            throw TensorError.matmulZeroDimensional(rankA: rank, rankB: other.rank)
        case (1, 1): return try dot(other)
        case (2, 1): return try mv(other)
        case (1, 2): return try unsqueezed(at: 0).mm(other).squeezingInPlaceName(at: 0)
        case (2, 2): return try mm(other)
        case (_, 1), (_, 2):
            // Fold the batch into the rows of one matrix product.
            let vector = other.rank == 1
            let right = vector ? try other.unsqueezed(at: 1) : other
            let rows = try reshaped([-1, shape[rank - 1]]).mm(right)
            let outputShape = Array(shape.dropLast()) + (vector ? [] : [other.shape[1]])
            return try rows.reshaped(outputShape)
        default:
            return try batchedMatmul(other)
        }
    }

    /// The general case: broadcast the batch dimensions and run `bmm`.
    private func batchedMatmul(_ other: Tensor) throws -> Tensor {
        let left = rank == 1 ? try unsqueezed(at: 0) : self
        let right = other.rank == 1 ? try other.unsqueezed(at: 1) : other
        let (n, k) = (left.shape[left.rank - 2], left.shape[left.rank - 1])
        let (k2, p) = (right.shape[right.rank - 2], right.shape[right.rank - 1])
        let batch = try ShapeRules.broadcast(Array(left.shape.dropLast(2)), Array(right.shape.dropLast(2)))
        let batchCount = batch.reduce(1, *)
        // Inner sizes that differ are reported by `bmm`, as in PyTorch.
        let a = try left.expanded(to: batch + [n, k]).reshaped([batchCount, n, k])
        let b = try right.expanded(to: batch + [k2, p]).reshaped([batchCount, k2, p])
        var outputShape = batch
        if rank > 1 { outputShape.append(n) }
        if other.rank > 1 { outputShape.append(p) }
        return try a.bmm(b).reshaped(outputShape)
    }

    // MARK: - mm, mv, dot, bmm

    /// `torch.mm(a, b)`: `[n, k] · [k, p]` → `[n, p]` (`MmBackward0`).
    public func mm(_ other: Tensor) throws -> Tensor {
        try checkMatrices(other, operation: "mm")
        let result = try MatrixProduct.multiply(self, other)
        let (a, b) = (saved(self), saved(other))
        return result.recordGradient("MmBackward0", inputs: [self, other]) { g, needs in
            [
                needs[0] ? try g.mm(b.transposed()) : nil,
                needs[1] ? try a.transposed().mm(g) : nil,
            ]
        }
    }

    /// Checks what `mm` and `addmm` require: two matrices, matching inner
    /// sizes, one dtype.
    func checkMatrices(_ other: Tensor, operation: String) throws {
        guard rank == 2 else { throw TensorError.notAMatrix(operation: operation, operand: "self", rank: rank) }
        guard other.rank == 2 else {
            throw TensorError.notAMatrix(operation: operation, operand: "mat2", rank: other.rank)
        }
        guard shape[1] == other.shape[0] else {
            throw TensorError.matrixShapesCannotBeMultiplied(
                operation: operation, rowsA: shape[0], columnsA: shape[1], rowsB: other.shape[0],
                columnsB: other.shape[1])
        }
        guard dtype == other.dtype else { throw TensorError.matmulDTypeMismatch(a: dtype, b: other.dtype) }
    }

    /// `torch.mv(a, v)`: `[n, k] · [k]` → `[n]` (`MvBackward0`).
    public func mv(_ vector: Tensor) throws -> Tensor {
        guard rank == 2 && vector.rank == 1 else {
            throw TensorError.matrixVectorRank(matrix: rank, vector: vector.rank)
        }
        guard shape[1] == vector.shape[0] else {
            throw TensorError.matrixVectorSizeMismatch(rows: shape[0], columns: shape[1], vector: vector.shape[0])
        }
        guard dtype == vector.dtype else { throw TensorError.matmulDTypeMismatch(a: dtype, b: vector.dtype) }
        let result = try MatrixProduct.multiply(self, vector.unsqueezed(at: 1).detach()).reshaped([shape[0]])
        let (a, v) = (saved(self), saved(vector))
        return result.recordGradient("MvBackward0", inputs: [self, vector]) { g, needs in
            [
                needs[0] ? try g.unsqueezed(at: 1).mm(v.unsqueezed(at: 0)) : nil,
                needs[1] ? try a.transposed().mv(g) : nil,
            ]
        }
    }

    /// `torch.dot(a, b)`: the inner product of two 1-D tensors (`DotBackward0`).
    public func dot(_ other: Tensor) throws -> Tensor {
        guard rank == 1 && other.rank == 1 else { throw TensorError.dotNotVectors(rankA: rank, rankB: other.rank) }
        guard count == other.count else { throw TensorError.dotSizeMismatch(countA: count, countB: other.count) }
        guard dtype == other.dtype else { throw TensorError.dotDTypeMismatch(a: dtype, b: other.dtype) }
        let result = try MatrixProduct.multiply(unsqueezed(at: 0).detach(), other.unsqueezed(at: 1).detach())
            .reshaped([])
        let (a, b) = (saved(self), saved(other))
        return result.recordGradient("DotBackward0", inputs: [self, other]) { g, needs in
            [needs[0] ? try b.multiplied(by: g) : nil, needs[1] ? try a.multiplied(by: g) : nil]
        }
    }

    /// `torch.bmm(a, b)`: `[B, n, k] · [B, k, p]` → `[B, n, p]` (`BmmBackward0`).
    public func bmm(_ other: Tensor) throws -> Tensor {
        guard rank == 3 else { throw TensorError.batchMatrixRank(operand: "batch1", rank: rank) }
        guard other.rank == 3 else { throw TensorError.batchMatrixRank(operand: "batch2", rank: other.rank) }
        guard other.shape[0] == shape[0] && other.shape[1] == shape[2] else {
            throw TensorError.batchMatrixSizeMismatch(expected: [shape[0], shape[2]], actual: [other.shape[0], other.shape[1]])
        }
        guard dtype == other.dtype else { throw TensorError.expectedDType(expected: dtype, actual: other.dtype) }
        let output = try Tensor.zeros([shape[0], shape[1], other.shape[2]], dtype: dtype)
        try withoutGradients {
            for index in 0..<shape[0] {
                let product = try MatrixProduct.multiply(select(0, index: index), other.select(0, index: index))
                ElementCopy.copy(from: product, to: try output.select(0, index: index))
            }
        }
        let (a, b) = (saved(self), saved(other))
        return output.recordGradient("BmmBackward0", inputs: [self, other]) { g, needs in
            [
                needs[0] ? try g.bmm(b.transposed(1, 2)) : nil,
                needs[1] ? try a.transposed(1, 2).bmm(g) : nil,
            ]
        }
    }

    /// PyTorch finishes vector·matrix with an in-place `squeeze_(0)`, whose
    /// node is `SqueezeBackward4`; the values are those of `squeezed(at:)`.
    private func squeezingInPlaceName(at dimension: Int) throws -> Tensor {
        let result = try withoutGradients { try squeezed(at: dimension) }.detach()
        let original = shape
        return result.recordGradient("SqueezeBackward4", inputs: [self], savesTensors: false) { g, _ in
            [try g.reshaped(original)]
        }
    }
}
