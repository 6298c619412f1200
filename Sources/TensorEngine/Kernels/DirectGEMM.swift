/// GEMM without packing, for problems too small to repay it (a lesson's 1×2
/// kernel over a 6×8 image, a 2×3 by 3×2 product).
///
/// Each element is accumulated exactly as the packed path accumulates it —
/// depth blocks of `GEMMBlocking.depth`, `multiplyAdd` in depth order, then
/// `TileUpdate` — so both paths give the same bits and the threshold between
/// them is a pure speed choice.
enum DirectGEMM<T: KernelScalar> {
    static func run(
        m: Int, n: Int, k: Int, alpha: T, a: MatrixOperand<T>, b: MatrixOperand<T>,
        beta: T, c: UnsafeMutablePointer<T>, ldc: Int
    ) {
        for i in 0..<m {
            for j in 0..<n {
                let target = c + i * ldc + j
                var depthStart = 0
                while depthStart < k {
                    let depthEnd = min(k, depthStart + GEMMBlocking.depth)
                    var acc: T = 0
                    for p in depthStart..<depthEnd {
                        acc = multiplyAdd(a[i, p], b[p, j], acc)
                    }
                    TileUpdate(alpha: alpha, beta: beta, accumulates: depthStart > 0)
                        .apply(acc, to: target)
                    depthStart = depthEnd
                }
            }
        }
    }
}
