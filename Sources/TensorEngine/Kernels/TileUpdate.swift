/// How a computed tile `acc = Σₚ op(A)·op(B)` over one depth block lands in C.
///
/// The first depth block applies `beta` (not reading C when it is 0); later
/// blocks add to what the earlier ones stored. Scalar and vector forms round
/// identically, so an element's bits do not depend on the tile shape.
struct TileUpdate<T: KernelScalar> {
    let alpha: T
    let beta: T
    /// True after the first depth block: C already holds the partial sum.
    let accumulates: Bool

    @inline(__always)
    func apply(_ acc: T, to c: inout T) {
        withUnsafeMutablePointer(to: &c) { apply(acc, to: $0) }
    }

    @inline(__always)
    func apply(_ acc: T, to c: UnsafeMutablePointer<T>) {
        if accumulates {
            c.pointee = multiplyAdd(alpha, acc, c.pointee)
        } else if beta == 0 {
            c.pointee = alpha * acc
        } else {
            c.pointee = multiplyAdd(beta, c.pointee, alpha * acc)
        }
    }

    @inline(__always)
    func apply(_ acc: T.KernelVector, to c: UnsafeMutablePointer<T>) {
        if accumulates {
            c.storeVector(multiplyAdd(T.KernelVector(repeating: alpha), acc, c.loadVector()))
        } else if beta == 0 {
            c.storeVector(alpha == 1 ? acc : acc * alpha)
        } else {
            c.storeVector(
                multiplyAdd(T.KernelVector(repeating: beta), c.loadVector(), acc * alpha))
        }
    }
}
