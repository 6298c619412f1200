/// Which elements of a tensor print, and where the `...` go.
///
/// When a tensor has more elements than the threshold, PyTorch keeps only
/// `edgeItems` rows at each end of every dimension longer than twice that,
/// and puts `...` in between. The formatter's width then comes from just the
/// kept elements. A shape of n dimensions gives one list of entries per
/// dimension; the printed elements are their cartesian product.
struct SummaryLayout {
    /// One position along a dimension: an index, or the `...` marker.
    enum Entry: Equatable {
        case index(Int)
        case ellipsis
    }

    let shape: [Int]
    /// Row-major strides of `shape`.
    let strides: [Int]
    /// Entries per dimension, in print order.
    let entries: [[Entry]]
    /// Whether the whole tensor is summarised.
    let summarized: Bool
    /// With `edgeItems == 0` a summarised tensor prints only `...`.
    let elided: Bool

    /// The layout of a tensor of `shape` (with a valid, nonzero element count).
    init(shape: [Int], elementCount: Int, options: PrintOptions) {
        self.shape = shape
        var strides = [Int](repeating: 1, count: shape.count)
        var stride = 1
        for dimension in shape.indices.reversed() {
            strides[dimension] = stride
            stride = stride &* shape[dimension]
        }
        self.strides = strides
        let summarized = Double(elementCount) > options.threshold
        let edges = options.edges
        self.summarized = summarized
        elided = summarized && edges == 0
        entries = shape.map { size in
            guard summarized, size - edges > edges else { return (0..<size).map(Entry.index) }
            return (0..<edges).map(Entry.index) + [.ellipsis] + ((size - edges)..<size).map(Entry.index)
        }
    }

    /// Flat offsets of the printed elements, in print order.
    ///
    /// Built with an odometer over the dimensions rather than by recursion,
    /// so that a tensor with very many dimensions cannot exhaust the stack.
    var printedOffsets: [Int] {
        if elided { return [] }
        let indices = entries.map { $0.compactMap { entry -> Int? in
            if case .index(let index) = entry { return index } else { return nil }
        } }
        if indices.contains(where: \.isEmpty) { return [] }
        var offsets: [Int] = []
        var position = [Int](repeating: 0, count: indices.count)
        while true {
            var offset = 0
            for dimension in indices.indices {
                offset += indices[dimension][position[dimension]] * strides[dimension]
            }
            offsets.append(offset)
            // Advance the odometer from the last dimension.
            var dimension = indices.count - 1
            while dimension >= 0 {
                position[dimension] += 1
                if position[dimension] < indices[dimension].count { break }
                position[dimension] = 0
                dimension -= 1
            }
            if dimension < 0 { return offsets }
        }
    }
}
