import TensorEngine

/// The reference points: what one writes without thinking about caches,
/// registers or threads. Same results as the kernels up to rounding.
enum NaiveKernels {
    // MARK: - Matrix multiply (row-major, C = op(A)·op(B))

    /// The textbook triple loop: for each C element, a dot product (B walked down a column).
    static func gemmDot(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>
    ) {
        for i in 0..<m {
            for j in 0..<n {
                var sum: Float = 0
                for p in 0..<k {
                    sum += (transA ? a[p * m + i] : a[i * k + p]) * (transB ? b[j * k + p] : b[p * n + j])
                }
                c[i * n + j] = sum
            }
        }
    }

    /// The loop order one learns next (i, p, j): rows of B and C stream, and the
    /// compiler vectorizes the inner loop when B is not transposed.
    static func gemmRowUpdate(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>
    ) {
        for i in 0..<m {
            let row = c + i * n
            row.update(repeating: 0, count: n)
            for p in 0..<k {
                let scale = transA ? a[p * m + i] : a[i * k + p]
                if transB {
                    for j in 0..<n { row[j] += scale * b[j * k + p] }
                } else {
                    let bRow = b + p * n
                    for j in 0..<n { row[j] += scale * bRow[j] }
                }
            }
        }
    }

    // MARK: - Convolution (direct loops over the definition)

    /// Calls `body(outputIndex, weightIndex, inputIndex)` for every tap that reads a real pixel.
    @inline(__always)
    static func forEachTap(_ g: Conv2dGeometry, _ body: (Int, Int, Int) -> Void) {
        let inPerGroup = g.inChannels / g.groups
        let outPerGroup = g.outChannels / g.groups
        let outHeight = g.outHeight
        let outWidth = g.outWidth
        for n in 0..<g.batch {
            for o in 0..<g.outChannels {
                let group = o / outPerGroup
                for oy in 0..<outHeight {
                    for ox in 0..<outWidth {
                        let out = ((n * g.outChannels + o) * outHeight + oy) * outWidth + ox
                        for c in 0..<inPerGroup {
                            for ky in 0..<g.kernelHeight {
                                let iy = oy * g.strideY - g.padY + ky * g.dilationY
                                if iy < 0 || iy >= g.inHeight { continue }
                                for kx in 0..<g.kernelWidth {
                                    let ix = ox * g.strideX - g.padX + kx * g.dilationX
                                    if ix < 0 || ix >= g.inWidth { continue }
                                    let w = ((o * inPerGroup + c) * g.kernelHeight + ky) * g.kernelWidth + kx
                                    let i = ((n * g.inChannels + group * inPerGroup + c) * g.inHeight + iy) * g.inWidth + ix
                                    body(out, w, i)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func convolutionForward(
        _ g: Conv2dGeometry, input: UnsafePointer<Float>, weight: UnsafePointer<Float>,
        output: UnsafeMutablePointer<Float>
    ) {
        output.update(repeating: 0, count: g.outputCount)
        forEachTap(g) { out, w, i in output[out] += weight[w] * input[i] }
    }

    static func convolutionBackwardInput(
        _ g: Conv2dGeometry, gradOutput: UnsafePointer<Float>, weight: UnsafePointer<Float>,
        gradInput: UnsafeMutablePointer<Float>
    ) {
        gradInput.update(repeating: 0, count: g.inputCount)
        forEachTap(g) { out, w, i in gradInput[i] += weight[w] * gradOutput[out] }
    }

    static func convolutionBackwardWeight(
        _ g: Conv2dGeometry, input: UnsafePointer<Float>, gradOutput: UnsafePointer<Float>,
        gradWeight: UnsafeMutablePointer<Float>
    ) {
        gradWeight.update(repeating: 0, count: g.weightCount)
        forEachTap(g) { out, w, i in gradWeight[w] += input[i] * gradOutput[out] }
    }

    static func convolutionBackwardBias(
        _ g: Conv2dGeometry, gradOutput: UnsafePointer<Float>, gradBias: UnsafeMutablePointer<Float>
    ) {
        let plane = g.outHeight * g.outWidth
        gradBias.update(repeating: 0, count: g.outChannels)
        for n in 0..<g.batch {
            for o in 0..<g.outChannels {
                for p in 0..<plane { gradBias[o] += gradOutput[(n * g.outChannels + o) * plane + p] }
            }
        }
    }

    // MARK: - Pooling (padding 0, ceil mode off)

    static func averagePool(_ g: Pool2dGeometry, input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>) {
        let outHeight = g.outHeight
        let outWidth = g.outWidth
        for plane in 0..<g.planes {
            for oy in 0..<outHeight {
                for ox in 0..<outWidth {
                    var sum: Float = 0
                    for ky in 0..<g.kernelHeight {
                        for kx in 0..<g.kernelWidth {
                            sum += input[(plane * g.inHeight + oy * g.strideY + ky) * g.inWidth + ox * g.strideX + kx]
                        }
                    }
                    output[(plane * outHeight + oy) * outWidth + ox] = sum / Float(g.kernelHeight * g.kernelWidth)
                }
            }
        }
    }

    static func maxPool(_ g: Pool2dGeometry, input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>) {
        let outHeight = g.outHeight
        let outWidth = g.outWidth
        for plane in 0..<g.planes {
            for oy in 0..<outHeight {
                for ox in 0..<outWidth {
                    var best = -Float.infinity
                    for ky in 0..<g.kernelHeight {
                        for kx in 0..<g.kernelWidth {
                            best = max(best, input[(plane * g.inHeight + oy * g.strideY + ky) * g.inWidth + ox * g.strideX + kx])
                        }
                    }
                    output[(plane * outHeight + oy) * outWidth + ox] = best
                }
            }
        }
    }
}
