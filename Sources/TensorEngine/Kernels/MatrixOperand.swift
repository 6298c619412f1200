/// A read-only view of `op(X)` for GEMM: element `(row, column)` lives at
/// `base[row * rowStride + column * columnStride]`, or, when `rowOffsets` is
/// set, at `base[rowOffsets[row] + column * columnStride]`.
///
/// A row-major matrix with leading dimension `ld` is `(ld, 1)`; its transpose
/// is the same memory seen as `(1, ld)`. Packing reads operands only through
/// this view, so transposition costs nothing but the access pattern. Row
/// offsets express the implicit patch matrix of a stride-1 convolution: each
/// row (a kernel tap) is a contiguous run of a padded image, starting where
/// that tap first reads.
struct MatrixOperand<T: KernelScalar> {
    let base: UnsafePointer<T>
    let rowStride: Int
    let columnStride: Int
    let rowOffsets: UnsafePointer<Int>?

    /// `op(X)` for a row-major `X` with leading dimension `ld`.
    init(_ base: UnsafePointer<T>, leadingDimension ld: Int, transposed: Bool) {
        self.base = base
        rowStride = transposed ? 1 : ld
        columnStride = transposed ? ld : 1
        rowOffsets = nil
    }

    /// A matrix whose row `r` is the contiguous run starting at `base + rowOffsets[r]`.
    init(_ base: UnsafePointer<T>, rowOffsets: UnsafePointer<Int>) {
        self.base = base
        rowStride = 0
        columnStride = 1
        self.rowOffsets = rowOffsets
    }

    @inline(__always)
    subscript(row: Int, column: Int) -> T {
        pointer(row: row, column: column).pointee
    }

    /// The address of element `(row, column)`.
    @inline(__always)
    func pointer(row: Int, column: Int) -> UnsafePointer<T> {
        if let rowOffsets {
            return base + (rowOffsets[row] &+ column &* columnStride)
        }
        return base + (row &* rowStride &+ column &* columnStride)
    }

    /// True when rows are a fixed stride apart (no offset table).
    var hasUniformRows: Bool { rowOffsets == nil }
}
