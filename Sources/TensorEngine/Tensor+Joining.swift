/// `torch.cat` and `torch.stack`.
extension Tensor {
    /// `torch.cat(tensors, dim)`: joins along an existing dimension; dtypes are
    /// promoted, and 1-d empty tensors are skipped as PyTorch does.
    ///
    /// Shapes: `[2, 3]` and `[4, 3]` along 0 → `[6, 3]` (`CatBackward0`).
    public static func concatenate(_ tensors: [Tensor], dimension: Int = 0) throws -> Tensor {
        guard let first = tensors.first else { throw TensorError.emptyTensorList(operation: "cat") }
        for (position, tensor) in tensors.enumerated() where tensor.rank == 0 {
            throw TensorError.catZeroDimensional(position: position)
        }
        let participants = tensors.enumerated().filter { !($0.element.rank == 1 && $0.element.count == 0) }
        let reference = participants.first?.element ?? first
        let axis = try ShapeRules.normalize(dimension: dimension, rank: reference.rank)
        var outputShape = reference.shape
        outputShape[axis] = 0
        for (number, tensor) in participants {
            guard tensor.rank == reference.rank else {
                throw TensorError.catRankMismatch(rankA: reference.rank, rankB: tensor.rank)
            }
            for index in 0..<tensor.rank where index != axis && tensor.shape[index] != reference.shape[index] {
                throw TensorError.catSizeMismatch(
                    dimension: axis, expected: reference.shape[index], actual: tensor.shape[index], tensorNumber: number)
            }
            outputShape[axis] += tensor.shape[axis]
        }
        let dtype = tensors.dropFirst().reduce(first.dtype) { DType.promoted($0, $1.dtype) }
        let output = try Tensor.zeros(outputShape, dtype: dtype)
        var offset = 0
        var ranges: [Range<Int>?] = Array(repeating: nil, count: tensors.count)
        for (number, tensor) in participants {
            let size = tensor.shape[axis]
            ElementCopy.copy(from: tensor, to: output.sliced(axis, start: offset, end: offset + size, step: 1).detach())
            ranges[number] = offset..<(offset + size)
            offset += size
        }
        let shapes = tensors.map(\.shape)
        let dtypes = tensors.map(\.dtype)
        return output.recordGradient("CatBackward0", inputs: tensors, savesTensors: false) { g, needs in
            try (0..<shapes.count).map { number -> Tensor? in
                guard needs[number] else { return nil }
                guard let range = ranges[number] else { return try Tensor.zeros(shapes[number], dtype: dtypes[number]) }
                return try g.narrowed(axis, start: range.lowerBound, length: range.count)
            }
        }
    }

    /// `torch.stack(tensors, dim)`: joins equal shapes along a new dimension.
    ///
    /// Shapes: two `[2, 3]` along 0 → `[2, 2, 3]` (`StackBackward0`).
    public static func stack(_ tensors: [Tensor], dimension: Int = 0) throws -> Tensor {
        guard let first = tensors.first else { throw TensorError.emptyTensorList(operation: "stack") }
        for (entry, tensor) in tensors.enumerated() where tensor.shape != first.shape {
            throw TensorError.stackShapeMismatch(first: first.shape, other: tensor.shape, entry: entry)
        }
        let axis = try ShapeRules.normalize(dimension: dimension, rank: first.rank + 1)
        var outputShape = first.shape
        outputShape.insert(tensors.count, at: axis)
        let dtype = tensors.dropFirst().reduce(first.dtype) { DType.promoted($0, $1.dtype) }
        let output = try Tensor.zeros(outputShape, dtype: dtype)
        for (position, tensor) in tensors.enumerated() {
            ElementCopy.copy(from: tensor, to: try output.detach().select(axis, index: position))
        }
        return output.recordGradient("StackBackward0", inputs: tensors, savesTensors: false) { g, needs in
            try (0..<needs.count).map { position in needs[position] ? try g.select(axis, index: position) : nil }
        }
    }
}
