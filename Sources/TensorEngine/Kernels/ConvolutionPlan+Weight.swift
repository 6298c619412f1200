extension ConvolutionPlan {
    /// ∂L/∂weight = Σ over images of ∂L/∂output · patchesᵀ, image after image.
    ///
    /// Small patch matrices (they fit in L2) go to `WeightGradientKernel`, with
    /// the threads splitting the output channels or the taps; larger ones run
    /// one GEMM per image, the threads splitting each GEMM's output. None
    /// splits the sum over images.
    func backwardWeight(
        input: UnsafePointer<T>, gradOutput: UnsafePointer<T>, gradWeight: UnsafeMutablePointer<T>
    ) {
        let g = geometry
        guard g.batch > 0 else {
            gradWeight.update(repeating: 0, count: g.weightCount)
            return
        }
        let parallel = g.multiplyAddCount >= Self.parallelLimit ? threads : 1
        let implicit = prefersImplicit && FiniteCheck.allFinite(input, count: g.inputCount)
        let kernel = WeightGradientKernel<T>(g, implicit: implicit)
        if g.patchSize * kernel.rowLength * MemoryLayout<T>.size <= Self.weightKernelPatchBytes {
            let outputs = g.outChannelsPerGroup
            if outputs >= parallel {
                // Output channels split evenly: each thread reads only its gradients.
                ForkJoin.forEach(items: parallel, threads: parallel) { item in
                    let range = (item * outputs / parallel)..<((item + 1) * outputs / parallel)
                    for group in 0..<g.groups {
                        kernel.run(
                            group: group, outputs: range, taps: 0..<g.patchSize, input: input,
                            gradOutput: gradOutput, gradWeight: gradWeight)
                    }
                }
                return
            }
            let blocks = (g.patchSize + 5) / 6
            let items = min(parallel, blocks)
            ForkJoin.forEach(items: items, threads: items) { item in
                let taps = (item * blocks / items * 6)..<min(g.patchSize, (item + 1) * blocks / items * 6)
                for group in 0..<g.groups {
                    kernel.run(
                        group: group, outputs: 0..<outputs, taps: taps, input: input, gradOutput: gradOutput,
                        gradWeight: gradWeight)
                }
            }
            return
        }
        backwardWeightByGEMM(input: input, gradOutput: gradOutput, gradWeight: gradWeight, threads: parallel)
    }

    /// Patch matrices up to this size (one image, one group) take `WeightGradientKernel`.
    static var weightKernelPatchBytes: Int { 256 << 10 }

    func backwardWeightByGEMM(
        input: UnsafePointer<T>, gradOutput: UnsafePointer<T>, gradWeight: UnsafeMutablePointer<T>, threads: Int
    ) {
        let g = geometry
        let unfold = Im2col<T>(geometry: g)
        let scratch = ScratchBuffer<T>(count: patchMatrixCount)
        defer { scratch.deallocate() }
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
                    threads: threads)
            }
        }
    }
}
