/// How one convolution call runs: which images go to which thread, the
/// scratch each worker needs, and the per-image GEMMs.
struct ConvolutionPlan<T: KernelScalar> {
    let geometry: Conv2dGeometry
    let threads: Int

    /// Below this many multiply-adds a whole convolution runs on the caller's thread.
    static var parallelLimit: Int { 1 << 16 }

    init(_ geometry: Conv2dGeometry, threads: Int) {
        self.geometry = geometry
        self.threads = max(1, threads)
    }

    /// A 1×1 kernel with stride 1 and no padding reads the input planes as
    /// they are: the patch matrix is the input itself, so no unfolding.
    var needsUnfold: Bool {
        let g = geometry
        return !(g.kernelHeight == 1 && g.kernelWidth == 1 && g.strideY == 1 && g.strideX == 1
            && g.padY == 0 && g.padX == 0)
    }

    /// Elements of one group's patch matrix.
    var patchMatrixCount: Int { needsUnfold ? geometry.patchSize * geometry.outPlane : 0 }

    // MARK: - Scheduling

    /// Calls `body(image, scratch, gemmThreads)` for every image.
    ///
    /// Large batches give each thread a contiguous run of images (GEMMs inside
    /// stay single-threaded); a batch smaller than the thread count runs the
    /// images in turn and lets each GEMM use the threads; small problems run
    /// inline. Every image's result is the same either way.
    func forEachImage(_ body: (Int, UnsafeMutablePointer<T>, Int) -> Void) {
        let g = geometry
        let parallel = threads > 1 && g.multiplyAddCount >= Self.parallelLimit
        if !parallel || g.batch < threads {
            let scratch = ScratchBuffer<T>(count: patchMatrixCount)
            defer { scratch.deallocate() }
            for image in 0..<g.batch { body(image, scratch.base, parallel ? threads : 1) }
            return
        }
        let chunks = min(threads, g.batch)
        ForkJoin.forEach(items: chunks, threads: chunks) { chunk in
            let scratch = ScratchBuffer<T>(count: patchMatrixCount)
            defer { scratch.deallocate() }
            for image in (chunk * g.batch / chunks)..<((chunk + 1) * g.batch / chunks) {
                body(image, scratch.base, 1)
            }
        }
    }

    // MARK: - Per-image passes

    func forwardImage(
        _ image: Int, input: UnsafePointer<T>, weight: UnsafePointer<T>, bias: UnsafePointer<T>?,
        output: UnsafeMutablePointer<T>, scratch: UnsafeMutablePointer<T>, threads: Int
    ) {
        let g = geometry
        let unfold = Im2col<T>(geometry: g)
        let outPlane = g.outPlane
        for group in 0..<g.groups {
            let channels = input + (image * g.inChannels + group * g.inChannelsPerGroup) * g.inPlane
            var patches = channels
            if needsUnfold {
                unfold.unfold(channels, into: scratch)
                patches = UnsafePointer(scratch)
            }
            MatrixMultiply.gemm(
                transA: false, transB: false, m: g.outChannelsPerGroup, n: outPlane, k: g.patchSize,
                alpha: 1, a: weight + group * g.outChannelsPerGroup * g.patchSize, lda: g.patchSize,
                b: patches, ldb: outPlane, beta: 0,
                c: output + (image * g.outChannels + group * g.outChannelsPerGroup) * outPlane,
                ldc: outPlane, threads: threads)
        }
        guard let bias else { return }
        for channel in 0..<g.outChannels {
            let plane = output + (image * g.outChannels + channel) * outPlane
            let value = bias[channel]
            for pixel in 0..<outPlane { plane[pixel] += value }
        }
    }

    func backwardInputImage(
        _ image: Int, gradOutput: UnsafePointer<T>, weight: UnsafePointer<T>,
        gradInput: UnsafeMutablePointer<T>, scratch: UnsafeMutablePointer<T>, threads: Int
    ) {
        let g = geometry
        let fold = Im2col<T>(geometry: g)
        for group in 0..<g.groups {
            let channels = gradInput + (image * g.inChannels + group * g.inChannelsPerGroup) * g.inPlane
            // ∂L/∂patches = weightᵀ · ∂L/∂output, then each patch entry flows back to its pixel.
            let target = needsUnfold ? scratch : channels
            MatrixMultiply.gemm(
                transA: true, transB: false, m: g.patchSize, n: g.outPlane, k: g.outChannelsPerGroup,
                alpha: 1, a: weight + group * g.outChannelsPerGroup * g.patchSize, lda: g.patchSize,
                b: gradOutput + (image * g.outChannels + group * g.outChannelsPerGroup) * g.outPlane,
                ldb: g.outPlane, beta: 0, c: target, ldc: g.outPlane, threads: threads)
            if needsUnfold {
                channels.update(repeating: 0, count: g.inChannelsPerGroup * g.inPlane)
                fold.foldAdding(scratch, into: channels)
            }
        }
    }

    /// ∂L/∂weight = Σ over images of ∂L/∂output · patchesᵀ, image after image
    /// (the threads split each GEMM's output, never the sum over images).
    func backwardWeight(
        input: UnsafePointer<T>, gradOutput: UnsafePointer<T>, gradWeight: UnsafeMutablePointer<T>
    ) {
        let g = geometry
        guard g.batch > 0 else {
            gradWeight.update(repeating: 0, count: g.weightCount)
            return
        }
        let unfold = Im2col<T>(geometry: g)
        let scratch = ScratchBuffer<T>(count: patchMatrixCount)
        defer { scratch.deallocate() }
        let gemmThreads = g.multiplyAddCount >= Self.parallelLimit ? threads : 1
        for group in 0..<g.groups {
            for image in 0..<g.batch {
                let channels = input + (image * g.inChannels + group * g.inChannelsPerGroup) * g.inPlane
                var patches = channels
                if needsUnfold {
                    unfold.unfold(channels, into: scratch.base)
                    patches = UnsafePointer(scratch.base)
                }
                MatrixMultiply.gemm(
                    transA: false, transB: true, m: g.outChannelsPerGroup, n: g.patchSize, k: g.outPlane,
                    alpha: 1,
                    a: gradOutput + (image * g.outChannels + group * g.outChannelsPerGroup) * g.outPlane,
                    lda: g.outPlane, b: patches, ldb: g.outPlane, beta: image == 0 ? 0 : 1,
                    c: gradWeight + group * g.outChannelsPerGroup * g.patchSize, ldc: g.patchSize,
                    threads: gemmThreads)
            }
        }
    }
}
