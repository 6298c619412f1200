@testable import TensorEngine

/// Pooling from its definition, written independently of the kernels: windows
/// are enumerated in padded coordinates and filtered, and the
/// count-include-pad divisor counts positions inside the padded input.
enum PoolingReference {
    struct Window {
        /// Flat indices of the real pixels, in row-major window order.
        var pixels: [Int] = []
        /// Positions inside the padded input (real pixels and padding).
        var paddedPositions = 0
    }

    static func windows(_ g: Pool2dGeometry) -> [Window] {
        var result: [Window] = []
        for oy in 0..<g.outHeight {
            for ox in 0..<g.outWidth {
                var window = Window()
                for dy in 0..<g.kernelHeight {
                    for dx in 0..<g.kernelWidth {
                        let y = oy * g.strideY - g.padY + dy
                        let x = ox * g.strideX - g.padX + dx
                        if y < g.inHeight + g.padY && x < g.inWidth + g.padX { window.paddedPositions += 1 }
                        if y >= 0 && y < g.inHeight && x >= 0 && x < g.inWidth {
                            window.pixels.append(y * g.inWidth + x)
                        }
                    }
                }
                result.append(window)
            }
        }
        return result
    }

    static func max(_ g: Pool2dGeometry, _ input: [Double]) -> (values: [Double], argmax: [Int]) {
        var values: [Double] = []
        var argmax: [Int] = []
        for plane in 0..<g.planes {
            for window in windows(g) {
                let planeValues = window.pixels.map { input[plane * g.inHeight * g.inWidth + $0] }
                let best = planeValues.max() ?? -.infinity
                let index = planeValues.firstIndex(of: best) ?? 0
                values.append(best)
                argmax.append(window.pixels[index])
            }
        }
        return (values, argmax)
    }

    static func average(_ g: Pool2dGeometry, _ input: [Double], countIncludePad: Bool) -> [Double] {
        var values: [Double] = []
        for plane in 0..<g.planes {
            for window in windows(g) {
                let sum = window.pixels.reduce(0.0) { $0 + input[plane * g.inHeight * g.inWidth + $1] }
                values.append(sum / Double(countIncludePad ? window.paddedPositions : window.pixels.count))
            }
        }
        return values
    }
}

/// Array wrappers over the `Pooling` kernels; outputs start as NaN.
enum PoolingRunner {
    static func maxForward<T: KernelScalar>(_ g: Pool2dGeometry, _ input: [T]) -> (values: [T], argmax: [Int32]) {
        var output = [T](repeating: .nan, count: Swift.max(g.outputCount, 1))
        var argmax = [Int32](repeating: -7, count: Swift.max(g.outputCount, 1))
        input.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { output in
                argmax.withUnsafeMutableBufferPointer { argmax in
                    Pooling.maxForward(g, input: input.baseAddress!, output: output.baseAddress!, argmax: argmax.baseAddress!)
                }
            }
        }
        return (Array(output.prefix(g.outputCount)), Array(argmax.prefix(g.outputCount)))
    }

    static func maxBackward<T: KernelScalar>(_ g: Pool2dGeometry, _ gradOutput: [T], _ argmax: [Int32]) -> [T] {
        var gradInput = [T](repeating: .nan, count: Swift.max(g.inputCount, 1))
        gradOutput.withUnsafeBufferPointer { gradOutput in
            argmax.withUnsafeBufferPointer { argmax in
                gradInput.withUnsafeMutableBufferPointer { gradInput in
                    Pooling.maxBackward(
                        g, gradOutput: gradOutput.baseAddress!, argmax: argmax.baseAddress!,
                        gradInput: gradInput.baseAddress!)
                }
            }
        }
        return Array(gradInput.prefix(g.inputCount))
    }

    static func averageForward<T: KernelScalar>(_ g: Pool2dGeometry, _ input: [T], countIncludePad: Bool = true) -> [T] {
        var output = [T](repeating: .nan, count: Swift.max(g.outputCount, 1))
        input.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { output in
                Pooling.averageForward(
                    g, input: input.baseAddress!, output: output.baseAddress!, countIncludePad: countIncludePad)
            }
        }
        return Array(output.prefix(g.outputCount))
    }

    static func averageBackward<T: KernelScalar>(_ g: Pool2dGeometry, _ gradOutput: [T], countIncludePad: Bool = true) -> [T] {
        var gradInput = [T](repeating: .nan, count: Swift.max(g.inputCount, 1))
        gradOutput.withUnsafeBufferPointer { gradOutput in
            gradInput.withUnsafeMutableBufferPointer { gradInput in
                Pooling.averageBackward(
                    g, gradOutput: gradOutput.baseAddress!, gradInput: gradInput.baseAddress!,
                    countIncludePad: countIncludePad)
            }
        }
        return Array(gradInput.prefix(g.inputCount))
    }
}
