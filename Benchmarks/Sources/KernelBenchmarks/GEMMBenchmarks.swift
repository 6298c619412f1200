import TensorEngine

/// GEMM throughput: the naive loops against `MatrixMultiply.gemm` on 1 and 2 threads.
enum GEMMBenchmarks {
    struct Shape {
        let name: String
        let m: Int, n: Int, k: Int
        var transA = false, transB = false
    }

    static let shapes = [
        Shape(name: "conv1 per image (W·patches)", m: 6, n: 784, k: 25),
        Shape(name: "conv2 per image (W·patches)", m: 16, n: 100, k: 150),
        Shape(name: "Linear(400,120) forward x·Wᵀ", m: 256, n: 120, k: 400, transB: true),
        Shape(name: "Linear(400,120) grad x: gy·W", m: 256, n: 400, k: 120),
        Shape(name: "Linear(400,120) grad W: gyᵀ·x", m: 120, n: 400, k: 256, transA: true),
        Shape(name: "square 512", m: 512, n: 512, k: 512),
        Shape(name: "square 1024", m: 1024, n: 1024, k: 1024),
    ]

    static func run() {
        print("## GEMM (Float), GFLOP/s — higher is better\n")
        var table = Table(
            "shape m×n×k", "naive dot", "naive i-p-j", "gemm 1T", "gemm 2T", "2T/1T", "1T/i-p-j", "max rel diff")
        for shape in shapes {
            let a = randomBuffer(shape.m * shape.k, seed: 1)
            let b = randomBuffer(shape.k * shape.n, seed: 2)
            let c = UnsafeMutablePointer<Float>.allocate(capacity: shape.m * shape.n)
            let reference = UnsafeMutablePointer<Float>.allocate(capacity: shape.m * shape.n)
            defer { [a, b, c, reference].forEach { $0.deallocate() } }
            let flops = 2.0 * Double(shape.m * shape.n * shape.k)
            let budget = flops > 1e9 ? 0.0 : 0.3
            let dot = Stopwatch.best(budget: budget, minimumRuns: flops > 1e9 ? 1 : 3) {
                NaiveKernels.gemmDot(
                    transA: shape.transA, transB: shape.transB, m: shape.m, n: shape.n, k: shape.k, a: a, b: b, c: reference)
            }
            let rowUpdate = Stopwatch.best(budget: budget) {
                NaiveKernels.gemmRowUpdate(
                    transA: shape.transA, transB: shape.transB, m: shape.m, n: shape.n, k: shape.k, a: a, b: b, c: reference)
            }
            func ours(_ threads: Int) -> Double {
                KernelThreads.withCount(threads) {
                    Stopwatch.best {
                        MatrixMultiply.gemm(
                            transA: shape.transA, transB: shape.transB, m: shape.m, n: shape.n, k: shape.k,
                            alpha: 1, a: a, lda: shape.transA ? shape.m : shape.k,
                            b: b, ldb: shape.transB ? shape.k : shape.n, beta: 0, c: c, ldc: shape.n)
                    }
                }
            }
            let one = ours(1)
            let two = ours(2)
            table.add(
                "\(shape.name) \(shape.m)×\(shape.n)×\(shape.k)",
                fixed(flops / dot / 1e9), fixed(flops / rowUpdate / 1e9), fixed(flops / one / 1e9),
                fixed(flops / two / 1e9), fixed(one / two, 2) + "×", fixed(rowUpdate / one, 1) + "×",
                "\(maximumRelativeDifference(c, reference, count: shape.m * shape.n))")
        }
        table.print()
        runDouble()
    }

    /// Float64 at one size: the same kernels with 8-wide double vectors.
    static func runDouble() {
        let n = 512
        let a = UnsafeMutablePointer<Double>.allocate(capacity: n * n)
        let b = UnsafeMutablePointer<Double>.allocate(capacity: n * n)
        let c = UnsafeMutablePointer<Double>.allocate(capacity: n * n)
        defer { [a, b, c].forEach { $0.deallocate() } }
        let values = randomBuffer(n * n, seed: 4)
        defer { values.deallocate() }
        for index in 0..<n * n {
            a[index] = Double(values[index])
            b[index] = Double(values[(index * 7) % (n * n)])
        }
        let flops = 2.0 * Double(n * n * n)
        var table = Table("Double gemm", "gemm 1T", "gemm 2T", "2T/1T")
        let times = [1, 2].map { threads in
            KernelThreads.withCount(threads) {
                Stopwatch.best {
                    MatrixMultiply.gemm(
                        transA: false, transB: false, m: n, n: n, k: n, alpha: 1, a: a, lda: n, b: b, ldb: n,
                        beta: 0, c: c, ldc: n)
                }
            }
        }
        table.add(
            "square 512 (GFLOP/s)", fixed(flops / times[0] / 1e9), fixed(flops / times[1] / 1e9),
            fixed(times[0] / times[1], 2) + "×")
        table.print()
    }
}
