/// A walk over several equally shaped strided operands, with dimensions merged
/// wherever every operand is contiguous across them.
///
/// Kernels run one tight loop per innermost row (`count` elements with a fixed
/// stride per operand) and only the outer dimensions pay for index arithmetic;
/// a contiguous tensor becomes a single row of `count` elements.
struct StridedLayout {
    /// Coalesced sizes, outermost first; never empty (a 0-d walk is `[1]`).
    private(set) var sizes: [Int]
    /// `strides[operand][dimension]`, in elements.
    private(set) var strides: [[Int]]

    init(shape: [Int], strides operandStrides: [[Int]]) {
        var sizes: [Int] = []
        var strides = [[Int]](repeating: [], count: operandStrides.count)
        for dimension in 0..<shape.count where shape[dimension] != 1 {
            let size = shape[dimension]
            if let lastSize = sizes.last,
                (0..<operandStrides.count).allSatisfy({ operand in
                    strides[operand].last == operandStrides[operand][dimension] * size
                })
            {
                // The previous (outer) dimension steps exactly over this one: merge.
                sizes[sizes.count - 1] = lastSize * size
                for operand in 0..<operandStrides.count {
                    strides[operand][strides[operand].count - 1] = operandStrides[operand][dimension]
                }
            } else {
                sizes.append(size)
                for operand in 0..<operandStrides.count {
                    strides[operand].append(operandStrides[operand][dimension])
                }
            }
        }
        if sizes.isEmpty {
            sizes = [shape.contains(0) ? 0 : 1]
            strides = strides.map { _ in [0] }
        }
        self.sizes = sizes
        self.strides = strides
    }

    /// Elements in each innermost row.
    var rowLength: Int { sizes[sizes.count - 1] }

    /// The innermost stride of one operand.
    func rowStride(_ operand: Int) -> Int { strides[operand][sizes.count - 1] }

    /// Total number of elements visited.
    var count: Int { sizes.reduce(1, *) }

    /// Calls `body` once per innermost row with each operand's element offset.
    @inline(__always)
    func forEachRow(_ body: (UnsafePointer<Int>) -> Void) {
        let outerRank = sizes.count - 1
        let operands = strides.count
        if sizes.contains(0) { return }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: operands + outerRank + 1) { buffer in
            guard let offsets = buffer.baseAddress else { return }
            let counters = offsets + operands
            for operand in 0..<operands { offsets[operand] = 0 }
            for dimension in 0..<outerRank { counters[dimension] = 0 }
            while true {
                body(UnsafePointer(offsets))
                // Odometer increment over the outer dimensions, innermost first.
                var dimension = outerRank - 1
                while dimension >= 0 {
                    counters[dimension] += 1
                    for operand in 0..<operands { offsets[operand] += strides[operand][dimension] }
                    if counters[dimension] < sizes[dimension] { break }
                    for operand in 0..<operands {
                        offsets[operand] -= strides[operand][dimension] * sizes[dimension]
                    }
                    counters[dimension] = 0
                    dimension -= 1
                }
                if dimension < 0 { return }
            }
        }
    }
}
