/// Convolution passes as plain loops, for problems so small that planning
/// them (scratch buffers, packing, padded copies, the thread pool) costs more
/// than the arithmetic — the lessons' 6 × 8 images with a 1 × 2 kernel, run
/// thousands of times from a Python loop.
///
/// Each pass repeats the arithmetic of the unfolded scheme step for step —
/// the same multiply-adds in the same order, padding read as 0, the same
/// depth blocks, lanes and fold order — so for a given geometry it gives the
/// bits `ConvolutionPlan` would (a test checks this); the size threshold only
/// decides speed. Taps are walked as nested (channel, ky, kx) loops with a
/// running tap count: no divisions in the inner loops.
enum DirectConvolution {
    /// Multiply-adds below which a convolution takes these loops.
    static let limit = 8192

    // MARK: - Forward

    static func forward<T: KernelScalar>(
        _ g: ConvolutionLayout, input: UnsafePointer<T>, weight: UnsafePointer<T>,
        bias: UnsafePointer<T>?, output: UnsafeMutablePointer<T>
    ) {
        let outPerGroup = g.outChannelsPerGroup
        let taps = g.patchSize
        for image in 0..<g.batch {
            for o in 0..<g.outChannels {
                let group = o / outPerGroup
                let channels = input + (image * g.inChannels + group * g.inChannelsPerGroup) * g.inPlane
                let weights = weight + o * taps
                var out = output + (image * g.outChannels + o) * g.outPlane
                for oy in 0..<g.outHeight {
                    for ox in 0..<g.outWidth {
                        var result: T = 0
                        var acc: T = 0
                        var tap = 0
                        var blockLeft = GEMMBlocking.depth
                        for channel in 0..<g.inChannelsPerGroup {
                            let plane = channels + channel &* g.inPlane
                            for ky in 0..<g.kernelHeight {
                                let iy = oy &* g.strideY &- g.padY &+ ky &* g.dilationY
                                let rowInside = iy >= 0 && iy < g.inHeight
                                let row = plane + iy &* g.inWidth
                                for kx in 0..<g.kernelWidth {
                                    let ix = ox &* g.strideX &- g.padX &+ kx &* g.dilationX
                                    let value = rowInside && ix >= 0 && ix < g.inWidth ? row[ix] : 0
                                    acc = multiplyAdd(weights[tap], value, acc)
                                    tap &+= 1
                                    blockLeft &-= 1
                                    if blockLeft == 0 || tap == taps {
                                        // End of a depth block: land it as the GEMM does.
                                        TileUpdate(alpha: 1, beta: 0, accumulates: tap > GEMMBlocking.depth)
                                            .apply(acc, to: &result)
                                        acc = 0
                                        blockLeft = GEMMBlocking.depth
                                    }
                                }
                            }
                        }
                        if let bias { result += bias[o] }
                        out.pointee = result
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
                let channels = gradInput + (image * g.inChannels + group * g.inChannelsPerGroup) * g.inPlane
                let gradients = gradOutput + (image * g.outChannels + group * outPerGroup) * g.outPlane
                let weights = weight + group * outPerGroup * taps
                var tap = 0
                for channel in 0..<g.inChannelsPerGroup {
                    let plane = channels + channel * g.inPlane
                    for ky in 0..<g.kernelHeight {
                        for kx in 0..<g.kernelWidth {
                            for oy in 0..<g.outHeight {
                                let iy = oy &* g.strideY &- g.padY &+ ky &* g.dilationY
                                guard iy >= 0 && iy < g.inHeight else { continue }
                                for ox in 0..<g.outWidth {
                                    let ix = ox &* g.strideX &- g.padX &+ kx &* g.dilationX
                                    guard ix >= 0 && ix < g.inWidth else { continue }
                                    let gradient = patchGradient(
                                        weights + tap, stride: taps, gradients + (oy &* g.outWidth &+ ox),
                                        planeStride: g.outPlane, count: outPerGroup)
                                    let pixel = plane + (iy &* g.inWidth &+ ix)
                                    pixel.pointee = folds ? pixel.pointee + gradient : gradient
                                }
                            }
                            tap += 1
                        }
                    }
                }
            }
        }
    }

    /// Σ_o weights[o·stride] · gradients[o·planeStride], as the GEMM computes
    /// one entry of weightᵀ · gradient.
    @inline(__always)
    static func patchGradient<T: KernelScalar>(
        _ weights: UnsafePointer<T>, stride: Int, _ gradients: UnsafePointer<T>, planeStride: Int, count: Int
    ) -> T {
        var result: T = 0
        var acc: T = 0
        var blockLeft = GEMMBlocking.depth
        for o in 0..<count {
            acc = multiplyAdd(weights[o &* stride], gradients[o &* planeStride], acc)
            blockLeft &-= 1
            if blockLeft == 0 || o &+ 1 == count {
                TileUpdate(alpha: 1, beta: 0, accumulates: o &+ 1 > GEMMBlocking.depth).apply(acc, to: &result)
                acc = 0
                blockLeft = GEMMBlocking.depth
            }
        }
        return result
    }

    // MARK: - Weight gradient

    /// As `WeightGradientKernel` on unfolded rows: lane `p mod L` of each
    /// (o, tap) accumulates pixel `p`'s product, rows padded with zeros to whole
    /// vectors, image after image; then the lanes are added left to right.
    static func backwardWeight<T: KernelScalar>(
        _ g: ConvolutionLayout, input: UnsafePointer<T>, gradOutput: UnsafePointer<T>,
        gradWeight: UnsafeMutablePointer<T>
    ) {
        let laneCount = T.KernelHalfVector.scalarCount
        let laneMask = laneCount - 1
        let rowLength = (g.outPlane + laneMask) / laneCount * laneCount
        let outPerGroup = g.outChannelsPerGroup
        withUnsafeTemporaryAllocation(of: T.self, capacity: laneCount) { lanes in
            var target = gradWeight
            for o in 0..<g.outChannels {
                let group = o / outPerGroup
                for channel in 0..<g.inChannelsPerGroup {
                    for ky in 0..<g.kernelHeight {
                        for kx in 0..<g.kernelWidth {
                            lanes.initialize(repeating: 0)
                            for image in 0..<g.batch {
                                let plane =
                                    input + (image * g.inChannels + group * g.inChannelsPerGroup + channel) * g.inPlane
                                let gradients = gradOutput + (image * g.outChannels + o) * g.outPlane
                                var p = 0
                                for oy in 0..<g.outHeight {
                                    let iy = oy &* g.strideY &- g.padY &+ ky &* g.dilationY
                                    let rowInside = iy >= 0 && iy < g.inHeight
                                    let row = plane + iy &* g.inWidth
                                    for ox in 0..<g.outWidth {
                                        let ix = ox &* g.strideX &- g.padX &+ kx &* g.dilationX
                                        let value = rowInside && ix >= 0 && ix < g.inWidth ? row[ix] : 0
                                        lanes[p & laneMask] = multiplyAdd(gradients[p], value, lanes[p & laneMask])
                                        p &+= 1
                                    }
                                }
                                // The zero tail of the vector rows.
                                while p < rowLength {
                                    lanes[p & laneMask] = multiplyAdd(0, 0, lanes[p & laneMask])
                                    p += 1
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
