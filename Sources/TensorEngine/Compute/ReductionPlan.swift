/// How a reduction over some dimensions maps input elements to outputs.
///
/// The kept dimensions enumerate the outputs in row-major order; the reduced
/// dimensions enumerate, for each output, the elements folded into it. When the
/// reduced dimensions collapse to one strided run (the usual case: a
/// contiguous tensor reduced over trailing dimensions, or over one dimension),
/// kernels read them in place; otherwise they are gathered into a scratch
/// buffer first. Either way every output is folded in a fixed order.
struct ReductionPlan {
    let input: Tensor
    /// Normalised reduced dimensions, ascending.
    let dimensions: [Int]
    let keepDim: Bool
    let outputShape: [Int]
    let reducedCount: Int
    private let keptShape: [Int]
    private let keptStrides: [Int]
    private let reducedShape: [Int]
    private let reducedStrides: [Int]

    /// `dimensions` nil or empty means every dimension (PyTorch's `dim=None`).
    init(_ input: Tensor, dimensions requested: [Int]?, keepDim: Bool) throws {
        self.input = input
        self.keepDim = keepDim
        let rank = input.rank
        var normal = try ShapeRules.normalize(dimensions: requested ?? [], rank: rank)
        if requested == nil || requested?.isEmpty == true { normal = Array(0..<rank) }
        if rank == 0 { normal = [] }
        normal.sort()
        dimensions = normal
        var kept: [Int] = []
        var keptStrides: [Int] = []
        var reduced: [Int] = []
        var reducedStrides: [Int] = []
        var output: [Int] = []
        for dimension in 0..<rank {
            if normal.contains(dimension) {
                reduced.append(input.shape[dimension])
                reducedStrides.append(input.strides[dimension])
                if keepDim { output.append(1) }
            } else {
                kept.append(input.shape[dimension])
                keptStrides.append(input.strides[dimension])
                output.append(input.shape[dimension])
            }
        }
        self.keptShape = kept
        self.keptStrides = keptStrides
        self.reducedShape = reduced
        self.reducedStrides = reducedStrides
        self.outputShape = output
        self.reducedCount = reduced.reduce(1, *)
    }

    /// The same reduction over another tensor of the same shape (e.g. the
    /// input converted to another dtype).
    func replacingInput(_ other: Tensor) throws -> ReductionPlan {
        try ReductionPlan(other, dimensions: dimensions.isEmpty ? nil : dimensions, keepDim: keepDim)
    }

    /// Calls `visit(firstOutputIndex, startOffset, length, stride)` once per
    /// innermost run of kept elements (outputs `firstOutputIndex..<+length`).
    @inline(__always)
    func forEachKeptRow(_ visit: (Int, Int, Int, Int) -> Void) {
        let keptLayout = StridedLayout(shape: keptShape, strides: [keptStrides])
        let keptLength = keptLayout.rowLength
        let keptStep = keptLayout.rowStride(0)
        var outputIndex = 0
        keptLayout.forEachRow { offsets in
            visit(outputIndex, offsets[0], keptLength, keptStep)
            outputIndex += keptLength
        }
    }

    /// The reduced elements of one output as runs: the innermost reduced
    /// dimension (after merging) and the outer ones to loop over.
    var reducedRuns: StridedLayout { StridedLayout(shape: reducedShape, strides: [reducedStrides]) }

    /// Number of outputs.
    var outputCount: Int { keptShape.reduce(1, *) }

    /// Calls `fold(outputIndex, elements, count, stride)` once per output, in
    /// row-major output order.
    @inline(__always)
    func forEachOutput<T: TensorElement>(
        _ type: T.Type, _ fold: (Int, UnsafePointer<T>, Int, Int) -> Void
    ) {
        let base = UnsafePointer(input.basePointer(as: T.self))
        let keptLayout = StridedLayout(shape: keptShape, strides: [keptStrides])
        let reducedLayout = StridedLayout(shape: reducedShape, strides: [reducedStrides])
        let inPlace = reducedLayout.sizes.count == 1
        let runLength = reducedLayout.rowLength
        let runStride = reducedLayout.rowStride(0)
        let scratch = UnsafeMutablePointer<T>.allocate(capacity: inPlace ? 1 : max(reducedCount, 1))
        defer { scratch.deallocate() }
        var outputIndex = 0
        let keptLength = keptLayout.rowLength
        let keptStep = keptLayout.rowStride(0)
        keptLayout.forEachRow { offsets in
            for position in 0..<keptLength {
                let start = base + offsets[0] + position * keptStep
                if inPlace {
                    fold(outputIndex, start, runLength, runStride)
                } else {
                    var filled = 0
                    reducedLayout.forEachRow { inner in
                        let run = start + inner[0]
                        for index in 0..<runLength {
                            (scratch + filled).initialize(to: run[index * runStride])
                            filled += 1
                        }
                    }
                    fold(outputIndex, UnsafePointer(scratch), filled, 1)
                }
                outputIndex += 1
            }
        }
    }
}
