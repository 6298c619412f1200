import TensorEngine

/// Times problems around the kernels' size thresholds (direct vs packed GEMM,
/// direct vs planned convolution, 1 vs 2 threads), to pick the thresholds.
enum ThresholdSweep {
    static func run() {
        print("## Threshold sweep: ns per call\n")
        var gemm = Table("gemm n×n×n", "MACs", "1T ns", "2T ns")
        for n in [4, 8, 12, 16, 20, 24, 32, 40, 48, 64, 80, 96, 128] {
            let a = randomBuffer(n * n, seed: 1)
            let b = randomBuffer(n * n, seed: 2)
            let c = randomBuffer(n * n, seed: 3)
            defer { [a, b, c].forEach { $0.deallocate() } }
            let body = {
                MatrixMultiply.gemm(
                    transA: false, transB: false, m: n, n: n, k: n, alpha: 1, a: a, lda: n, b: b, ldb: n, beta: 0,
                    c: c, ldc: n)
            }
            let one = KernelThreads.withCount(1) { Stopwatch.best(budget: 0.1) { for _ in 0..<20 { body() } } } / 20
            let two = KernelThreads.withCount(2) { Stopwatch.best(budget: 0.1) { for _ in 0..<20 { body() } } } / 20
            gemm.add("\(n)", "\(n * n * n)", fixed(one * 1e9, 0), fixed(two * 1e9, 0))
        }
        gemm.print()
        var conv = Table("conv N×C×H×W → O, 3×3 pad 1", "MACs", "forward 1T", "forward 2T", "bw weight 1T", "bw weight 2T", "bw input 1T", "bw input 2T")
        for (batch, channels, size, out) in [(1, 1, 6, 1), (1, 1, 8, 2), (1, 2, 8, 4), (1, 4, 8, 4), (2, 4, 8, 8), (4, 4, 8, 8), (4, 8, 8, 8), (8, 8, 8, 16), (8, 8, 16, 16)] {
            let g = Conv2dGeometry(
                batch: batch, inChannels: channels, inHeight: size, inWidth: size, outChannels: out,
                kernelHeight: 3, kernelWidth: 3, strideY: 1, strideX: 1, padY: 1, padX: 1, dilationY: 1, dilationX: 1,
                groups: 1)
            let x = ConvolutionBenchmarks.Buffers(g)
            defer { x.deallocate() }
            var cells = [String]()
            for pass in [ConvolutionBenchmarks.Pass.forward, .backwardWeight, .backwardInput] {
                for threads in [1, 2] {
                    let t = KernelThreads.withCount(threads) {
                        Stopwatch.best(budget: 0.1) { for _ in 0..<10 { ConvolutionBenchmarks.runOurs(pass, g, x) } }
                    } / 10
                    cells.append(fixed(t * 1e9, 0))
                }
            }
            conv.rows.append(["\(batch)×\(channels)×\(size)×\(size) → \(out)", "\(g.multiplyAddCount)"] + cells)
        }
        conv.print()
    }
}
