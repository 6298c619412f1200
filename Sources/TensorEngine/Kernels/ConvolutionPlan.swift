/// How one convolution call runs: which images go to which thread, the
/// scratch each worker needs, and the per-image passes.
///
/// Forward with stride 1 reads the implicit patch matrix of a zero-padded copy
/// of the image (`PaddedImage`) when that is cheaper than unfolding it
/// (`Im2col`); other cases unfold. A 1×1 kernel with stride 1 and no padding
/// uses the input planes themselves as the patch matrix.
struct ConvolutionPlan<T: KernelScalar> {
    let geometry: ConvolutionLayout
    let threads: Int
    /// False forces unfolding everywhere; tests use it to check that both
    /// schemes give the same bits.
    let allowsImplicit: Bool

    /// Below this many multiply-adds a whole convolution runs on the caller's
    /// thread (~20 µs of work, the same reasoning as `GEMMBlocking.parallelLimit`).
    static var parallelLimit: Int { 1 << 18 }

    init(_ geometry: Conv2dGeometry, threads: Int, allowsImplicit: Bool = true) {
        self.init(ConvolutionLayout(geometry), threads: threads, allowsImplicit: allowsImplicit)
    }

    init(_ geometry: ConvolutionLayout, threads: Int, allowsImplicit: Bool = true) {
        self.geometry = geometry
        self.threads = max(1, threads)
        self.allowsImplicit = allowsImplicit
    }

    /// Whether the stride-1 implicit scheme (`PaddedImage`) applies and pays.
    var prefersImplicit: Bool { allowsImplicit && needsUnfold && PaddedImage<T>.suits(geometry) }

    /// False for a 1×1 kernel with stride 1 and no padding: the input planes
    /// are the patch matrix.
    var needsUnfold: Bool {
        let g = geometry
        return !(g.kernelHeight == 1 && g.kernelWidth == 1 && g.strideY == 1 && g.strideX == 1
            && g.padY == 0 && g.padX == 0)
    }

    /// Elements of one group's unfolded patch matrix.
    var patchMatrixCount: Int { needsUnfold ? geometry.patchSize * geometry.outPlane : 0 }

    // MARK: - Scheduling

    /// Per-worker scratch: a buffer and, for the implicit scheme, a padded image.
    struct Workspace {
        let scratch: ScratchBuffer<T>
        let padded: PaddedImage<T>?
        let arena = PackingArena<T>()

        func deallocate() {
            scratch.deallocate()
            padded?.deallocate()
        }
    }

    /// Calls `body(image, workspace, gemmThreads)` for every image.
    ///
    /// Large batches give each thread a contiguous run of images (GEMMs inside
    /// stay single-threaded); a batch smaller than the thread count runs the
    /// images in turn and lets each GEMM use the threads; small problems run
    /// inline. Every image's result is the same either way.
    func forEachImage(scratchCount: Int, padded: Bool, _ body: (Int, Workspace, Int) -> Void) {
        let g = geometry
        func makeWorkspace() -> Workspace {
            Workspace(scratch: ScratchBuffer(count: scratchCount), padded: padded ? PaddedImage(g) : nil)
        }
        let parallel = threads > 1 && g.multiplyAddCount >= Self.parallelLimit
        if !parallel || g.batch < threads {
            let workspace = makeWorkspace()
            defer { workspace.deallocate() }
            for image in 0..<g.batch { body(image, workspace, parallel ? threads : 1) }
            return
        }
        let chunks = min(threads, g.batch)
        ForkJoin.forEach(items: chunks, threads: chunks) { chunk in
            let workspace = makeWorkspace()
            defer { workspace.deallocate() }
            for image in (chunk * g.batch / chunks)..<((chunk + 1) * g.batch / chunks) {
                body(image, workspace, 1)
            }
        }
    }

    /// One group's weights `[outChannelsPerGroup, patchSize]` as a GEMM operand, or its transpose.
    func weightOperand(_ weight: UnsafePointer<T>, group: Int, transposed: Bool) -> MatrixOperand<T> {
        let g = geometry
        return MatrixOperand(
            weight + group * g.outChannelsPerGroup * g.patchSize, leadingDimension: g.patchSize, transposed: transposed)
    }

    // MARK: - Forward

    func forward(
        input: UnsafePointer<T>, weight: UnsafePointer<T>, bias: UnsafePointer<T>?,
        output: UnsafeMutablePointer<T>
    ) {
        let g = geometry
        let implicit = prefersImplicit
        let scratchCount =
            implicit
            ? g.outChannelsPerGroup * ((g.outHeight - 1) * (g.inWidth + 2 * g.padX) + g.outWidth)
            : patchMatrixCount
        let packedWeights = (0..<g.groups).map { group in
            PackedPanels(weightOperand(weight, group: group, transposed: false), m: g.outChannelsPerGroup, k: g.patchSize)
        }
        defer { packedWeights.forEach { $0.deallocate() } }
        forEachImage(scratchCount: scratchCount, padded: implicit) { image, workspace, gemmThreads in
            for group in 0..<g.groups {
                forwardGroup(
                    image, group: group, input: input, weights: packedWeights[group], output: output,
                    workspace: workspace, threads: gemmThreads)
            }
            guard let bias else { return }
            for channel in 0..<g.outChannels {
                let plane = output + (image * g.outChannels + channel) * g.outPlane
                let value = bias[channel]
                for pixel in 0..<g.outPlane { plane[pixel] += value }
            }
        }
    }

    /// One image, one group: `output = weight · patches`.
    func forwardGroup(
        _ image: Int, group: Int, input: UnsafePointer<T>, weights: PackedPanels<T>,
        output: UnsafeMutablePointer<T>, workspace: Workspace, threads: Int
    ) {
        let g = geometry
        let channels = input + (image * g.inChannels + group * g.inChannelsPerGroup) * g.inPlane
        let target = output + (image * g.outChannels + group * g.outChannelsPerGroup) * g.outPlane
        if let padded = workspace.padded {
            // Surplus columns land in scratch; only the real pixels are copied out.
            padded.load(channels)
            let columns = padded.columnCount
            MatrixMultiply.multiply(
                m: g.outChannelsPerGroup, n: columns, k: g.patchSize, alpha: 1, a: weights.operand,
                b: padded.patches, beta: 0, c: workspace.scratch.base, ldc: columns, threads: threads,
                arena: workspace.arena, packedA: weights)
            for channel in 0..<g.outChannelsPerGroup {
                for oy in 0..<g.outHeight {
                    Im2col<T>.copy(
                        from: workspace.scratch.base + channel * columns + oy * padded.paddedWidth,
                        to: target + channel * g.outPlane + oy * g.outWidth, count: g.outWidth)
                }
            }
            return
        }
        var patches = channels
        if needsUnfold {
            Im2col<T>(geometry: g).unfold(channels, into: workspace.scratch.base)
            patches = UnsafePointer(workspace.scratch.base)
        }
        MatrixMultiply.multiply(
            m: g.outChannelsPerGroup, n: g.outPlane, k: g.patchSize, alpha: 1, a: weights.operand,
            b: MatrixOperand(patches, leadingDimension: g.outPlane, transposed: false),
            beta: 0, c: target, ldc: g.outPlane, threads: threads, arena: workspace.arena, packedA: weights)
    }

    // MARK: - Input gradient

    /// ∂L/∂input per image: ∂L/∂patches = weightᵀ · ∂L/∂output, then each
    /// patch entry flows back to the pixel it was read from (col2im), tap
    /// after tap.
    ///
    /// With stride 1 the patches live in the padded-width layout of
    /// `PaddedImage`: the output gradient is copied into it (zeros in the
    /// surplus columns), and folding a tap back is one contiguous vector add
    /// into a padded gradient image, cropped at the end. The surplus entries
    /// are exactly 0 when the weights are finite (otherwise 0 · ∞ would be
    /// NaN), and the taps are added in the same order as the general fold, so
    /// both schemes give the same bits.
    func backwardInput(
        gradOutput: UnsafePointer<T>, weight: UnsafePointer<T>, gradInput: UnsafeMutablePointer<T>
    ) {
        let g = geometry
        let implicit =
            prefersImplicit && FiniteCheck.allFinite(weight, count: g.weightCount)
        let columns = (g.outHeight - 1) * (g.inWidth + 2 * g.padX) + g.outWidth
        let scratchCount =
            implicit ? (g.patchSize + g.outChannelsPerGroup) * columns : patchMatrixCount
        let packedWeights = (0..<g.groups).map { group in
            PackedPanels(weightOperand(weight, group: group, transposed: true), m: g.patchSize, k: g.outChannelsPerGroup)
        }
        defer { packedWeights.forEach { $0.deallocate() } }
        forEachImage(scratchCount: scratchCount, padded: implicit) { image, workspace, threads in
            for group in 0..<g.groups {
                let channels = gradInput + (image * g.inChannels + group * g.inChannelsPerGroup) * g.inPlane
                let gradients = gradOutput + (image * g.outChannels + group * g.outChannelsPerGroup) * g.outPlane
                let weights = packedWeights[group]
                if let padded = workspace.padded {
                    let patchGradients = workspace.scratch.base
                    let spread = patchGradients + g.patchSize * columns
                    padded.spread(gradients, into: spread)
                    MatrixMultiply.multiply(
                        m: g.patchSize, n: columns, k: g.outChannelsPerGroup, alpha: 1, a: weights.operand,
                        b: MatrixOperand(spread, leadingDimension: columns, transposed: false),
                        beta: 0, c: patchGradients, ldc: columns, threads: threads, arena: workspace.arena,
                        packedA: weights)
                    padded.foldAdding(patchGradients, columns: columns, into: channels)
                    continue
                }
                let target = needsUnfold ? workspace.scratch.base : channels
                MatrixMultiply.multiply(
                    m: g.patchSize, n: g.outPlane, k: g.outChannelsPerGroup, alpha: 1, a: weights.operand,
                    b: MatrixOperand(gradients, leadingDimension: g.outPlane, transposed: false),
                    beta: 0, c: target, ldc: g.outPlane, threads: threads, arena: workspace.arena,
                    packedA: weights)
                if needsUnfold {
                    channels.update(repeating: 0, count: g.inChannelsPerGroup * g.inPlane)
                    Im2col<T>(geometry: g).foldAdding(workspace.scratch.base, into: channels)
                }
            }
        }
    }
}
