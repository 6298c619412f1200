import TensorEngine

/// Pooling throughput on LeNet's activations (batch 256), against direct loops.
enum PoolingBenchmarks {
    static func run() {
        print("## Pooling (Float), batch 256: µs per call and input Melem/s\n")
        var table = Table("pooling", "naive µs", "1T µs", "2T µs", "Melem/s 2T", "naive/2T", "2T/1T")
        let cases = [
            ("avg 2×2 on 256×6×28×28", Pool2dGeometry(
                planes: 256 * 6, inHeight: 28, inWidth: 28, kernelHeight: 2, kernelWidth: 2,
                strideY: 2, strideX: 2, padY: 0, padX: 0, ceilMode: false)),
            ("avg 2×2 on 256×16×10×10", Pool2dGeometry(
                planes: 256 * 16, inHeight: 10, inWidth: 10, kernelHeight: 2, kernelWidth: 2,
                strideY: 2, strideX: 2, padY: 0, padX: 0, ceilMode: false)),
            ("max 3×3 s2 on 256×6×28×28", Pool2dGeometry(
                planes: 256 * 6, inHeight: 28, inWidth: 28, kernelHeight: 3, kernelWidth: 3,
                strideY: 2, strideX: 2, padY: 0, padX: 0, ceilMode: false)),
        ]
        for (name, g) in cases {
            let input = randomBuffer(g.inputCount, seed: 12)
            let output = randomBuffer(g.outputCount, seed: 13)
            let gradOutput = randomBuffer(g.outputCount, seed: 14)
            let gradInput = randomBuffer(g.inputCount, seed: 15)
            let argmax = UnsafeMutablePointer<Int32>.allocate(capacity: g.outputCount)
            defer {
                [input, output, gradOutput, gradInput].forEach { $0.deallocate() }
                argmax.deallocate()
            }
            let isMax = name.hasPrefix("max")
            let forward = {
                if isMax {
                    Pooling.maxForward(g, input: input, output: output, argmax: argmax)
                } else {
                    Pooling.averageForward(g, input: input, output: output, countIncludePad: true)
                }
            }
            let backward = {
                if isMax {
                    Pooling.maxBackward(g, gradOutput: gradOutput, argmax: argmax, gradInput: gradInput)
                } else {
                    Pooling.averageBackward(g, gradOutput: gradOutput, gradInput: gradInput, countIncludePad: true)
                }
            }
            let naive = Stopwatch.best {
                if isMax { NaiveKernels.maxPool(g, input: input, output: gradInput) } else {
                    NaiveKernels.averagePool(g, input: input, output: gradInput)
                }
            }
            for (pass, body) in [("forward", forward), ("backward", backward)] {
                let one = KernelThreads.withCount(1) { Stopwatch.best(body) }
                let two = KernelThreads.withCount(2) { Stopwatch.best(body) }
                let naiveCell = pass == "forward" ? fixed(naive * 1e6, 0) : "-"
                let ratio = pass == "forward" ? fixed(naive / two, 1) + "×" : "-"
                table.add(
                    "\(name) \(pass)", naiveCell, fixed(one * 1e6, 0), fixed(two * 1e6, 0),
                    fixed(Double(g.inputCount) / two / 1e6, 0), ratio, fixed(one / two, 2) + "×")
            }
        }
        table.print()
    }
}
