/// General matrix multiply on raw row-major buffers, BLAS-style.
///
/// Fast (packed, cache-blocked, SIMD micro-kernel, multi-threaded above a size
/// threshold) and bitwise deterministic: the result does not depend on the
/// thread count, the machine load or which code path ran.
public enum MatrixMultiply {
    /// C = alpha·op(A)·op(B) + beta·C, all row-major.
    ///
    /// - `op(A)` is m × k: A itself (m × k, `lda ≥ k`) or, with `transA`, the
    ///   transpose of a stored k × m matrix (`lda ≥ m`). Likewise `op(B)` is
    ///   k × n, stored as k × n (`ldb ≥ n`) or, with `transB`, n × k (`ldb ≥ k`).
    /// - C is m × n with `ldc ≥ n`. When `beta == 0`, C is not read (it may hold
    ///   garbage or NaN). When `k == 0` or `alpha == 0`, C becomes beta·C and
    ///   A and B are not read (as in BLAS: NaN in them does not propagate).
    ///
    ///     // [[1, 2], [3, 4]] · [[5, 6], [7, 8]] = [[19, 22], [43, 50]]
    ///     MatrixMultiply.gemm(transA: false, transB: false, m: 2, n: 2, k: 2,
    ///                         alpha: 1, a: a, lda: 2, b: b, ldb: 2, beta: 0, c: c, ldc: 2)
    ///
    /// Negative sizes or too-small leading dimensions are caller bugs: they
    /// assert in debug builds and leave C untouched otherwise.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public static func gemm<T: KernelScalar>(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
        alpha: T, a: UnsafePointer<T>, lda: Int,
        b: UnsafePointer<T>, ldb: Int,
        beta: T, c: UnsafeMutablePointer<T>, ldc: Int
    ) {
        gemm(
            transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda,
            b: b, ldb: ldb, beta: beta, c: c, ldc: ldc, threads: KernelThreads.count)
    }

    /// The same, with an explicit thread budget (1 inside an already parallel kernel).
    static func gemm<T: KernelScalar>(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
        alpha: T, a: UnsafePointer<T>, lda: Int,
        b: UnsafePointer<T>, ldb: Int,
        beta: T, c: UnsafeMutablePointer<T>, ldc: Int, threads: Int
    ) {
        guard
            hasValidShape(
                transA: transA, transB: transB, m: m, n: n, k: k, lda: lda, ldb: ldb, ldc: ldc)
        else {
            assertionFailure("gemm: invalid sizes m=\(m) n=\(n) k=\(k) lda=\(lda) ldb=\(ldb) ldc=\(ldc)")
            return
        }
        multiply(
            m: m, n: n, k: k, alpha: alpha,
            a: MatrixOperand(a, leadingDimension: lda, transposed: transA),
            b: MatrixOperand(b, leadingDimension: ldb, transposed: transB),
            beta: beta, c: c, ldc: ldc, threads: threads)
    }

    /// C = alpha·A·B + beta·C for operands given as views; picks the direct
    /// loop for tiny problems and the packed GEMM otherwise (both round alike).
    /// `packedA`, if given, is `a` already packed (a convolution's weights,
    /// packed once per call rather than once per image).
    static func multiply<T: KernelScalar>(
        m: Int, n: Int, k: Int, alpha: T, a: MatrixOperand<T>, b: MatrixOperand<T>,
        beta: T, c: UnsafeMutablePointer<T>, ldc: Int, threads: Int, arena: PackingArena<T>? = nil,
        packedA: PackedPanels<T>? = nil
    ) {
        if m == 0 || n == 0 { return }
        if k == 0 || alpha == 0 {
            scale(m: m, n: n, beta: beta, c: c, ldc: ldc)
            return
        }
        let work = CheckedSize.product(m, n, k) ?? Int.max
        if work < GEMMBlocking.directPathLimit {
            DirectGEMM.run(m: m, n: n, k: k, alpha: alpha, a: a, b: b, beta: beta, c: c, ldc: ldc)
            return
        }
        let parallel = work >= GEMMBlocking.parallelLimit
        PackedGEMM.run(
            m: m, n: n, k: k, alpha: alpha, a: a, b: b, beta: beta, c: c, ldc: ldc,
            threads: parallel ? threads : 1, arena: arena, packedA: packedA)
    }

    // MARK: - Helpers

    static func hasValidShape(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, lda: Int, ldb: Int, ldc: Int
    ) -> Bool {
        guard m >= 0, n >= 0, k >= 0 else { return false }
        let (aRows, aColumns) = transA ? (k, m) : (m, k)
        let (bRows, bColumns) = transB ? (n, k) : (k, n)
        // Unlike reference BLAS, an empty operand may have leading dimension 0
        // (what a caller derives from a [m, 0] tensor); nothing is read from it.
        // Every index must also fit in Int, so no address computation can trap.
        return lda >= aColumns && ldb >= bColumns && ldc >= n
            && CheckedSize.product(aRows, max(lda, 1)) != nil
            && CheckedSize.product(bRows, max(ldb, 1)) != nil
            && CheckedSize.product(m, max(ldc, 1)) != nil
    }

    /// C = beta·C, without reading C when beta is 0.
    static func scale<T: KernelScalar>(
        m: Int, n: Int, beta: T, c: UnsafeMutablePointer<T>, ldc: Int
    ) {
        for i in 0..<m {
            let row = c + i * ldc
            if beta == 0 {
                row.update(repeating: 0, count: n)
            } else {
                for j in 0..<n { row[j] = beta * row[j] }
            }
        }
    }
}
