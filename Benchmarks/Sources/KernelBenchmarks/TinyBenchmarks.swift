import TensorEngine

/// The lesson's shapes, which a Python loop calls thousands of times: the
/// cost here is overhead (dispatch, allocation, packing), not arithmetic.
enum TinyBenchmarks {
    static func run() {
        print("## Tiny problems (Float): ns per call, default thread count\n")
        var table = Table("problem", "ns per call")
        let lesson = Conv2dGeometry(
            batch: 1, inChannels: 1, inHeight: 6, inWidth: 8, outChannels: 1, kernelHeight: 1, kernelWidth: 2,
            strideY: 1, strideX: 1, padY: 0, padX: 0, dilationY: 1, dilationX: 1, groups: 1)
        // Sized for the largest use below (the 8×8 GEMM's operands).
        let input = randomBuffer(64, seed: 16)
        let weight = randomBuffer(64, seed: 17)
        let output = randomBuffer(64, seed: 18)
        let grad = randomBuffer(64, seed: 19)
        defer { [input, weight, output, grad].forEach { $0.deallocate() } }
        let cases: [(String, () -> Void)] = [
            ("conv 1×1×6×8, kernel 1×2: forward", { Convolution.forward(lesson, input: input, weight: weight, bias: nil, output: output) }),
            ("conv 1×1×6×8, kernel 1×2: backwardInput", { Convolution.backwardInput(lesson, gradOutput: output, weight: weight, gradInput: grad) }),
            ("conv 1×1×6×8, kernel 1×2: backwardWeight", { Convolution.backwardWeight(lesson, input: input, gradOutput: output, gradWeight: grad) }),
            ("gemm 2×2×2", {
                MatrixMultiply.gemm(transA: false, transB: false, m: 2, n: 2, k: 2, alpha: 1, a: input, lda: 2, b: weight, ldb: 2, beta: 0, c: output, ldc: 2)
            }),
            ("gemm 8×8×8", {
                MatrixMultiply.gemm(transA: false, transB: false, m: 8, n: 8, k: 8, alpha: 1, a: input, lda: 8, b: input, ldb: 8, beta: 0, c: grad, ldc: 8)
            }),
        ]
        for (name, body) in cases {
            let repeats = 1000
            let seconds = Stopwatch.best { for _ in 0..<repeats { body() } }
            table.add(name, fixed(seconds / Double(repeats) * 1e9, 0))
        }
        table.print()
    }
}
