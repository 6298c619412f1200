/// NumPy/PyTorch advanced indexing (`X[mask]`, `X[[0, 2]]`, `X[:, idx]`)
/// reduced to offsets: one source offset per broadcast index position, and a
/// strided sub-block (the dimensions not indexed) copied at each of them.
///
/// Index tensors broadcast together to shape B. When the indexed dimensions
/// are adjacent, B replaces them in place; otherwise B comes first.
struct AdvancedIndexPlan {
    let resultShape: [Int]
    /// Source storage offset (relative to the source's own offset) per b.
    let sourceOffsets: [Int]
    let broadcastShape: [Int]
    /// Dimensions of `resultShape` occupied by B.
    let broadcastRange: Range<Int>
    /// The non-indexed dimensions, as source shape/strides.
    let blockShape: [Int]
    let blockSourceStrides: [Int]
    /// Where each non-indexed dimension sits in `resultShape`.
    let blockResultDimensions: [Int]
    /// Per-position flat element indices (for autograd and `indexPut`).
    let indexTensors: [(dimension: Int, positions: [Int])]

    init(source: Tensor, components: [(dimension: Int, index: Tensor)]) throws {
        // Expand masks into one position tensor per masked dimension.
        var expanded: [(dimension: Int, index: Tensor)] = []
        for (dimension, index) in components {
            switch index.dtype {
            case .bool, .uint8:
                let width = Swift.max(index.rank, 1)
                for offset in 0..<index.rank where index.shape[offset] != source.shape[dimension + offset] {
                    throw TensorError.maskShapeMismatch(
                        mask: index.shape, tensor: source.shape, index: dimension + offset)
                }
                let positions = try index.nonzero()
                for column in 0..<width {
                    expanded.append((dimension + column, try positions.select(1, index: column)))
                }
            case .int32, .int64:
                expanded.append((dimension, index))
            case .float32, .float64:
                throw TensorError.invalidIndexTensorDType
            }
        }
        var broadcast: [Int] = []
        for (_, index) in expanded {
            do { broadcast = try ShapeRules.broadcast(broadcast, index.shape) } catch {
                throw TensorError.indexShapesNotBroadcastable(expanded.map { $0.index.shape })
            }
        }
        let dimensions = expanded.map(\.dimension)
        let adjacent = zip(dimensions, dimensions.dropFirst()).allSatisfy { $1 == $0 + 1 }
        let others = (0..<source.rank).filter { !dimensions.contains($0) }
        let first = dimensions.first ?? 0
        let before = adjacent ? others.filter { $0 < first } : []
        let after = adjacent ? others.filter { $0 > first } : others
        resultShape = before.map { source.shape[$0] } + broadcast + after.map { source.shape[$0] }
        broadcastRange = before.count..<(before.count + broadcast.count)
        broadcastShape = broadcast
        blockShape = (before + after).map { source.shape[$0] }
        blockSourceStrides = (before + after).map { source.strides[$0] }
        blockResultDimensions = Array(0..<before.count) + Array(broadcastRange.upperBound..<resultShape.count)

        // Bounds-check, wrap negatives, and sum each position's source offset.
        let positionCount = broadcast.reduce(1, *)
        var offsets = [Int](repeating: 0, count: positionCount)
        var tensors: [(dimension: Int, positions: [Int])] = []
        // PyTorch moves the indexed dimensions to the front before checking,
        // so its message counts among the index tensors, not the source's dims.
        for (position, (dimension, index)) in expanded.enumerated() {
            let size = source.shape[dimension]
            let values = try index.expanded(to: broadcast).integers()
            var wrapped: [Int] = []
            wrapped.reserveCapacity(values.count)
            for value in values {
                guard value >= Int64(-size) && value < Int64(size) else {
                    throw TensorError.indexOutOfBounds(index: Int(clamping: value), dimension: position, size: size)
                }
                wrapped.append(value < 0 ? Int(value) + size : Int(value))
            }
            for position in 0..<positionCount { offsets[position] += wrapped[position] * source.strides[dimension] }
            tensors.append((dimension, wrapped))
        }
        sourceOffsets = offsets
        indexTensors = tensors
    }

    /// Strides of a tensor laid out as `resultShape` restricted to the block
    /// dimensions, and the flat stride offsets of B's positions in it.
    func blockStrides(of resultStrides: [Int]) -> [Int] { blockResultDimensions.map { resultStrides[$0] } }

    func broadcastOffsets(of resultStrides: [Int]) -> [Int] {
        let strides = Array(resultStrides[broadcastRange])
        var offsets: [Int] = []
        offsets.reserveCapacity(sourceOffsets.count)
        IndexWalk.forEach(broadcastShape) { index in
            offsets.append(IndexWalk.offset(of: index, strides: strides, base: 0))
        }
        return offsets
    }
}
