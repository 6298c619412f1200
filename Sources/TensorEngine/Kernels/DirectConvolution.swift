/// Convolution passes as plain loops, for problems so small that planning
/// them (scratch buffers, packing, padded copies, the thread pool) costs more
/// than the arithmetic — the lessons' 6 × 8 images with a 1 × 2 kernel, run
/// thousands of times from a Python loop.
///
/// Each pass repeats the arithmetic of the unfolded scheme step for step —
/// the same multiply-adds in the same order, the same lanes and fold order —
/// so for a given geometry it gives the bits `ConvolutionPlan` would (a test
/// checks this); the size threshold only decides speed. Taps that read
/// padding are skipped rather than multiplied by 0: a multiply-add chain
/// started at +0 never holds −0, so adding a zero product never changes it.
/// Only geometries whose sums fit one GEMM depth block take these loops.
enum DirectConvolution {
    /// Multiply-adds below which a convolution takes these loops. Measured
    /// (3×3, padding 1): at 324 the loops win the forward pass (0.52 vs
    /// 0.87 µs) and tie the gradients; at 1152 the planned scheme wins all.
    static var limit: Int { 512 }

    static func applies(to g: ConvolutionLayout) -> Bool {
        g.multiplyAddCount < limit && g.patchSize <= GEMMBlocking.depth
            && g.outChannelsPerGroup <= GEMMBlocking.depth
    }

    /// The kernel rows (or columns) whose input row (column) is inside the image for output `o`.
    @inline(__always)
    static func validTaps(output o: Int, stride: Int, pad: Int, dilation: Int, kernel: Int, size: Int) -> Range<Int> {
        let start = o &* stride &- pad
        var lower = 0
        while lower < kernel && start &+ lower &* dilation < 0 { lower &+= 1 }
        var upper = kernel
        while upper > lower && start &+ (upper &- 1) &* dilation >= size { upper &-= 1 }
        return lower..<upper
    }

    // MARK: - Forward

    static func forward<T: KernelScalar>(
        _ g: ConvolutionLayout, input: UnsafePointer<T>, weight: UnsafePointer<T>,
        bias: UnsafePointer<T>?, output: UnsafeMutablePointer<T>
    ) {
        let outPerGroup = g.outChannelsPerGroup
        let taps = g.patchSize
        let kernelArea = g.kernelHeight &* g.kernelWidth
        for image in 0..<g.batch {
            for o in 0..<g.outChannels {
                let group = o / outPerGroup
                let channels = input + (image &* g.inChannels &+ group &* g.inChannelsPerGroup) &* g.inPlane
                let weights = weight + o &* taps
                var out = output + (image &* g.outChannels &+ o) &* g.outPlane
                for oy in 0..<g.outHeight {
                    let rows = validTaps(
                        output: oy, stride: g.strideY, pad: g.padY, dilation: g.dilationY, kernel: g.kernelHeight,
                        size: g.inHeight)
                    let top = oy &* g.strideY &- g.padY
                    for ox in 0..<g.outWidth {
                        let columns = validTaps(
                            output: ox, stride: g.strideX, pad: g.padX, dilation: g.dilationX, kernel: g.kernelWidth,
                            size: g.inWidth)
                        let left = ox &* g.strideX &- g.padX
                        var acc: T = 0
                        for channel in 0..<g.inChannelsPerGroup {
                            let plane = channels + channel &* g.inPlane
                            let channelWeights = weights + channel &* kernelArea
                            for ky in rows {
                                let offset = (top &+ ky &* g.dilationY) &* g.inWidth &+ left
                                let row = plane + offset
                                let rowWeights = channelWeights + ky &* g.kernelWidth
                                for kx in columns {
                                    acc = multiplyAdd(rowWeights[kx], row[kx &* g.dilationX], acc)
                                }
                            }
                        }
                        if let bias { acc += bias[o] }
                        out.pointee = acc
                        out += 1
                    }
                }
            }
        }
    }

    // MARK: - Input gradient

    /// Per tap in order, each patch gradient (a multiply-add chain over the
    /// group's output channels) is added to the pixel the tap read — col2im's
    /// order. A 1×1 kernel with stride 1 and no padding writes it instead (the
    /// planned scheme has no fold there).
    static func backwardInput<T: KernelScalar>(
        _ g: ConvolutionLayout, gradOutput: UnsafePointer<T>, weight: UnsafePointer<T>,
        gradInput: UnsafeMutablePointer<T>
    ) {
        let outPerGroup = g.outChannelsPerGroup
        let taps = g.patchSize
        let folds = ConvolutionPlan<T>(g, threads: 1).needsUnfold
        gradInput.update(repeating: 0, count: g.inputCount)
        for image in 0..<g.batch {
            for group in 0..<g.groups {
                let channels = gradInput + (image &* g.inChannels &+ group &* g.inChannelsPerGroup) &* g.inPlane
                let gradients = gradOutput + (image &* g.outChannels &+ group &* outPerGroup) &* g.outPlane
                let weights = weight + group &* outPerGroup &* taps
                var tap = 0
                for channel in 0..<g.inChannelsPerGroup {
                    let plane = channels + channel &* g.inPlane
                    for ky in 0..<g.kernelHeight {
                        let rows = Im2col<T>.validRange(
                            offset: ky &* g.dilationY &- g.padY, stride: g.strideY, inputSize: g.inHeight,
                            outputSize: g.outHeight)
                        for kx in 0..<g.kernelWidth {
                            let columns = Im2col<T>.validRange(
                                offset: kx &* g.dilationX &- g.padX, stride: g.strideX, inputSize: g.inWidth,
                                outputSize: g.outWidth)
                            for oy in rows {
                                let iy = oy &* g.strideY &- g.padY &+ ky &* g.dilationY
                                let row = plane + (iy &* g.inWidth &+ (kx &* g.dilationX &- g.padX))
                                for ox in columns {
                                    var gradient: T = 0
                                    let first = gradients + (oy &* g.outWidth &+ ox)
                                    for o in 0..<outPerGroup {
                                        gradient = multiplyAdd(weights[o &* taps &+ tap], first[o &* g.outPlane], gradient)
                                    }
                                    let pixel = row + ox &* g.strideX
                                    pixel.pointee = folds ? pixel.pointee + gradient : gradient
                                }
                            }
                            tap &+= 1
                        }
                    }
                }
            }
        }
    }

    // MARK: - Weight gradient

    /// As `WeightGradientKernel` on unfolded rows: lane `p mod L` of each
    /// (o, tap) accumulates pixel `p`'s product, image after image; then the
    /// lanes are added left to right.
    static func backwardWeight<T: KernelScalar>(
        _ g: ConvolutionLayout, input: UnsafePointer<T>, gradOutput: UnsafePointer<T>,
        gradWeight: UnsafeMutablePointer<T>
    ) {
        let laneCount = T.KernelHalfVector.scalarCount
        let laneMask = laneCount &- 1
        let outPerGroup = g.outChannelsPerGroup
        withUnsafeTemporaryAllocation(of: T.self, capacity: laneCount) { lanes in
            var target = gradWeight
            for o in 0..<g.outChannels {
                let group = o / outPerGroup
                for channel in 0..<g.inChannelsPerGroup {
                    for ky in 0..<g.kernelHeight {
                        let rows = Im2col<T>.validRange(
                            offset: ky &* g.dilationY &- g.padY, stride: g.strideY, inputSize: g.inHeight,
                            outputSize: g.outHeight)
                        for kx in 0..<g.kernelWidth {
                            let columns = Im2col<T>.validRange(
                                offset: kx &* g.dilationX &- g.padX, stride: g.strideX, inputSize: g.inWidth,
                                outputSize: g.outWidth)
                            lanes.initialize(repeating: 0)
                            for image in 0..<g.batch {
                                let planeIndex = image &* g.inChannels &+ group &* g.inChannelsPerGroup &+ channel
                                let plane = input + planeIndex &* g.inPlane
                                let gradients = gradOutput + (image &* g.outChannels &+ o) &* g.outPlane
                                for oy in rows {
                                    let iy = oy &* g.strideY &- g.padY &+ ky &* g.dilationY
                                    let row = plane + (iy &* g.inWidth &+ (kx &* g.dilationX &- g.padX))
                                    let rowGradients = oy &* g.outWidth
                                    for ox in columns {
                                        let p = rowGradients &+ ox
                                        lanes[p & laneMask] = multiplyAdd(
                                            gradients[p], row[ox &* g.strideX], lanes[p & laneMask])
                                    }
                                }
                            }
                            var total: T = 0
                            for lane in 0..<laneCount { total += lanes[lane] }
                            target.pointee = total
                            target += 1
                        }
                    }
                }
            }
        }
    }
}
