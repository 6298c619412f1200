/// Copies operand blocks into the layouts the micro-kernel reads, zero-filling
/// the rows or columns past the matrix edge.
enum Packing {
    /// Packs `op(A)[rows, columns]` as a panel of `height` rows: for each column
    /// `p`, the `height` values of that column (rows past the edge are 0).
    @inline(__always)
    static func packRows<T: KernelScalar>(
        _ a: MatrixOperand<T>, rows: Range<Int>, columns: Range<Int>, height: Int,
        into destination: UnsafeMutablePointer<T>
    ) {
        var out = destination
        for p in columns {
            for row in rows {
                out.pointee = a[row, p]
                out += 1
            }
            for _ in rows.count..<height {
                out.pointee = 0
                out += 1
            }
        }
    }

    /// Packs `op(B)[rows, columns]` as a panel of `width` columns: for each row
    /// `p`, the `width` values of that row (columns past the edge are 0).
    @inline(__always)
    static func packColumns<T: KernelScalar>(
        _ b: MatrixOperand<T>, rows: Range<Int>, columns: Range<Int>, width: Int,
        into destination: UnsafeMutablePointer<T>
    ) {
        var out = destination
        if b.columnStride == 1 && columns.count == width && width == T.KernelVector.scalarCount {
            for p in rows {
                out.storeVector(b.pointer(row: p, column: columns.lowerBound).loadVector())
                out += width
            }
            return
        }
        for p in rows {
            var source = b.pointer(row: p, column: columns.lowerBound)
            for _ in 0..<columns.count {
                out.pointee = source.pointee
                out += 1
                source += b.columnStride
            }
            for _ in columns.count..<width {
                out.pointee = 0
                out += 1
            }
        }
    }
}
