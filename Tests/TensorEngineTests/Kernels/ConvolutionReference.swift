@testable import TensorEngine

/// Convolution straight from its definition, in float64, independent of the
/// im2col/GEMM scheme under test. Each function also returns, per output
/// element, the sum of the magnitudes of its terms (the scale for tolerances).
enum ConvolutionReference {
    /// Calls `body(n, o, oy, ox, c, ky, kx, iy, ix)` for every (output, weight
    /// tap) pair that reads a real input pixel; `c` is the input channel.
    static func forEachTap(
        _ g: Conv2dGeometry, _ body: (Int, Int, Int, Int, Int, Int, Int, Int, Int) -> Void
    ) {
        let inPerGroup = g.inChannels / g.groups
        let outPerGroup = g.outChannels / g.groups
        for n in 0..<g.batch {
            for o in 0..<g.outChannels {
                let group = o / outPerGroup
                for oy in 0..<g.outHeight {
                    for ox in 0..<g.outWidth {
                        for c in 0..<inPerGroup {
                            for ky in 0..<g.kernelHeight {
                                for kx in 0..<g.kernelWidth {
                                    let iy = oy * g.strideY - g.padY + ky * g.dilationY
                                    let ix = ox * g.strideX - g.padX + kx * g.dilationX
                                    if iy < 0 || iy >= g.inHeight || ix < 0 || ix >= g.inWidth { continue }
                                    body(n, o, oy, ox, group * inPerGroup + c, ky, kx, iy, ix)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func inputIndex(_ g: Conv2dGeometry, _ n: Int, _ c: Int, _ iy: Int, _ ix: Int) -> Int {
        ((n * g.inChannels + c) * g.inHeight + iy) * g.inWidth + ix
    }
    static func outputIndex(_ g: Conv2dGeometry, _ n: Int, _ o: Int, _ oy: Int, _ ox: Int) -> Int {
        ((n * g.outChannels + o) * g.outHeight + oy) * g.outWidth + ox
    }
    static func weightIndex(_ g: Conv2dGeometry, _ o: Int, _ c: Int, _ ky: Int, _ kx: Int) -> Int {
        let inPerGroup = g.inChannels / g.groups
        return ((o * inPerGroup + c % inPerGroup) * g.kernelHeight + ky) * g.kernelWidth + kx
    }

    static func forward<T: KernelScalar>(_ g: Conv2dGeometry, input: [T], weight: [T], bias: [T]?)
        -> (values: [Double], bounds: [Double])
    {
        var values = [Double](repeating: 0, count: g.outputCount)
        var bounds = values
        if let bias {
            for index in values.indices {
                let o = (index / (g.outHeight * g.outWidth)) % g.outChannels
                values[index] = Double(bias[o])
                bounds[index] = abs(Double(bias[o]))
            }
        }
        forEachTap(g) { n, o, oy, ox, c, ky, kx, iy, ix in
            let term = Double(weight[weightIndex(g, o, c, ky, kx)]) * Double(input[inputIndex(g, n, c, iy, ix)])
            let index = outputIndex(g, n, o, oy, ox)
            values[index] += term
            bounds[index] += abs(term)
        }
        return (values, bounds)
    }

    static func backwardInput<T: KernelScalar>(_ g: Conv2dGeometry, gradOutput: [T], weight: [T])
        -> (values: [Double], bounds: [Double])
    {
        var values = [Double](repeating: 0, count: g.inputCount)
        var bounds = values
        forEachTap(g) { n, o, oy, ox, c, ky, kx, iy, ix in
            let term = Double(weight[weightIndex(g, o, c, ky, kx)]) * Double(gradOutput[outputIndex(g, n, o, oy, ox)])
            let index = inputIndex(g, n, c, iy, ix)
            values[index] += term
            bounds[index] += abs(term)
        }
        return (values, bounds)
    }

    static func backwardWeight<T: KernelScalar>(_ g: Conv2dGeometry, input: [T], gradOutput: [T])
        -> (values: [Double], bounds: [Double])
    {
        var values = [Double](repeating: 0, count: g.weightCount)
        var bounds = values
        forEachTap(g) { n, o, oy, ox, c, ky, kx, iy, ix in
            let term = Double(input[inputIndex(g, n, c, iy, ix)]) * Double(gradOutput[outputIndex(g, n, o, oy, ox)])
            let index = weightIndex(g, o, c, ky, kx)
            values[index] += term
            bounds[index] += abs(term)
        }
        return (values, bounds)
    }

    static func backwardBias<T: KernelScalar>(_ g: Conv2dGeometry, gradOutput: [T])
        -> (values: [Double], bounds: [Double])
    {
        var values = [Double](repeating: 0, count: g.outChannels)
        var bounds = values
        for (index, value) in gradOutput.enumerated() {
            let o = (index / (g.outHeight * g.outWidth)) % g.outChannels
            values[o] += Double(value)
            bounds[o] += abs(Double(value))
        }
        return (values, bounds)
    }
}
