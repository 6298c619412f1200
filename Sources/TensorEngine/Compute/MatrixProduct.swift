/// 2-D matrix products on raw tensors (no autograd): float types go to the
/// `MatrixMultiply.gemm` kernel, reading row-major or transposed operands in
/// place (so `x · Wᵀ` never copies `W`); integer types use a plain loop.
///
/// Some float products take a plain loop too, on purpose. Measured against
/// torch 2.13 (MKL) on this machine type: MKL adds the rounded products of a
/// row-vector product, of a product with 2, 4 or 8 columns, and of small
/// products with fewer than 16 columns one by one in k order, without fused
/// multiply-adds. Lessons print such results (a regression's loss) to 6
/// decimals, where a single rounding shows, so those shapes follow MKL's
/// order exactly; everything else goes to the fast blocked kernel.
enum MatrixProduct {
    /// The shapes for which MKL's result is the sequential, unfused sum.
    static func usesSequentialOrder(m: Int, n: Int, k: Int) -> Bool {
        if m == 1 || n == 2 || n == 4 || n == 8 { return true }
        let (work, overflow) = m.multipliedReportingOverflow(by: n * k)
        return n < 16 && !overflow && work <= 4096
    }

    /// `a · b` for `a` `[m, k]` and `b` `[k, n]` of the same dtype → `[m, n]`.
    static func multiply(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        precondition(a.rank == 2 && b.rank == 2 && a.shape[1] == b.shape[0] && a.dtype == b.dtype)
        let (m, k, n) = (a.shape[0], a.shape[1], b.shape[1])
        let output = try Tensor(uninitializedShape: [m, n], dtype: a.dtype)
        switch a.dtype {
        case .float32: try floating(a, b, output, m: m, k: k, n: n, Float.self)
        case .float64: try floating(a, b, output, m: m, k: k, n: n, Double.self)
        case .int64: try integer(a, b, output, Int64.self)
        case .int32: try integer(a, b, output, Int32.self)
        case .uint8: try integer(a, b, output, UInt8.self)
        case .bool: throw TensorError.notImplemented(kernel: "addmm_impl_cpu_", dtype: .bool)
        }
        return output
    }

    /// A matrix operand as gemm wants it: row-major with a leading dimension,
    /// or the transpose of one; anything else is copied to contiguous first.
    private static func operand(_ matrix: Tensor) throws -> (tensor: Tensor, transposed: Bool, leading: Int) {
        let (rows, columns) = (matrix.shape[0], matrix.shape[1])
        let (rowStride, columnStride) = (matrix.strides[0], matrix.strides[1])
        if columnStride == 1 || columns == 1, rowStride >= Swift.max(columns, 1) {
            return (matrix, false, Swift.max(rowStride, 1))
        }
        if rowStride == 1 || rows == 1, columnStride >= Swift.max(rows, 1) {
            return (matrix, true, Swift.max(columnStride, 1))
        }
        let copy = try withoutGradients { try matrix.clone() }
        return (copy, false, Swift.max(columns, 1))
    }

    private static func floating<T: KernelScalar & FloatingElement>(
        _ a: Tensor, _ b: Tensor, _ output: Tensor, m: Int, k: Int, n: Int, _ type: T.Type
    ) throws {
        let c = output.basePointer(as: T.self)
        if m == 0 || n == 0 { return }
        if k == 0 {
            c.update(repeating: 0, count: m * n)
            return
        }
        if usesSequentialOrder(m: m, n: n, k: k) {
            sequential(a, b, c, m: m, k: k, n: n, T.self)
            return
        }
        let left = try operand(a)
        let right = try operand(b)
        MatrixMultiply.gemm(
            transA: left.transposed, transB: right.transposed, m: m, n: n, k: k, alpha: 1,
            a: UnsafePointer(left.tensor.basePointer(as: T.self)), lda: left.leading,
            b: UnsafePointer(right.tensor.basePointer(as: T.self)), ldb: right.leading,
            beta: 0, c: c, ldc: n)
    }

    /// c[i, j] = ((a[i,0]·b[0,j] + a[i,1]·b[1,j]) + …), each product rounded.
    private static func sequential<T: FloatingElement>(
        _ a: Tensor, _ b: Tensor, _ c: UnsafeMutablePointer<T>, m: Int, k: Int, n: Int, _ type: T.Type
    ) {
        let pa = a.basePointer(as: T.self)
        let pb = b.basePointer(as: T.self)
        let (rowA, innerA) = (a.strides[0], a.strides[1])
        let (innerB, columnB) = (b.strides[0], b.strides[1])
        for row in 0..<m {
            for column in 0..<n {
                var total: T = 0
                for inner in 0..<k {
                    let product = pa[row * rowA + inner * innerA] * pb[inner * innerB + column * columnB]
                    total = total + product
                }
                c[row * n + column] = total
            }
        }
    }

    private static func integer<T: IntegerArithmeticElement>(_ a: Tensor, _ b: Tensor, _ output: Tensor, _ type: T.Type) throws {
        let left = try withoutGradients { try a.contiguous() }
        let right = try withoutGradients { try b.contiguous() }
        let (m, k, n) = (a.shape[0], a.shape[1], b.shape[1])
        let pa = left.basePointer(as: T.self)
        let pb = right.basePointer(as: T.self)
        let pc = output.basePointer(as: T.self)
        for row in 0..<m {
            for column in 0..<n {
                var total: T = 0
                for inner in 0..<k { total = total &+ pa[row * k + inner] &* pb[inner * n + column] }
                pc[row * n + column] = total
            }
        }
    }
}
