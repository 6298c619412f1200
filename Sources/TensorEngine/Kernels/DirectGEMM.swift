/// GEMM without packing, for problems too small to repay it (a lesson's 1×2
/// kernel over a 6×8 image, a 2×3 by 3×2 product).
///
/// Each element is accumulated exactly as the packed path accumulates it —
/// depth blocks of `GEMMBlocking.depth`, `multiplyAdd` in depth order from 0,
/// then `TileUpdate` — so both paths give the same bits and the threshold
/// between them is a pure speed choice. A row of C is accumulated at once
/// (for each depth step, one multiply-add per column), which vectorizes over
/// the columns when B's rows are contiguous.
enum DirectGEMM<T: KernelScalar> {
    static func run(
        m: Int, n: Int, k: Int, alpha: T, a: MatrixOperand<T>, b: MatrixOperand<T>,
        beta: T, c: UnsafeMutablePointer<T>, ldc: Int
    ) {
        withUnsafeTemporaryAllocation(of: T.self, capacity: max(n, 1)) { accumulators in
            guard let acc = accumulators.baseAddress else { return }
            for i in 0..<m {
                let row = c + i &* ldc
                var depthStart = 0
                while depthStart < k {
                    let depthEnd = min(k, depthStart &+ GEMMBlocking.depth)
                    acc.update(repeating: 0, count: n)
                    for p in depthStart..<depthEnd {
                        let scale = a[i, p]
                        let bRow = b.pointer(row: p, column: 0)
                        if b.columnStride == 1 {
                            for j in 0..<n { acc[j] = multiplyAdd(scale, bRow[j], acc[j]) }
                        } else {
                            for j in 0..<n { acc[j] = multiplyAdd(scale, bRow[j &* b.columnStride], acc[j]) }
                        }
                    }
                    let update = TileUpdate(alpha: alpha, beta: beta, accumulates: depthStart > 0)
                    for j in 0..<n { update.apply(acc[j], to: row + j) }
                    depthStart = depthEnd
                }
            }
        }
    }
}
