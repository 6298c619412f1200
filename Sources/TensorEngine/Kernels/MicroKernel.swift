/// The register-blocked inner loop of the packed GEMM: a 6 × `NR` tile of C
/// (`NR` = one `KernelVector`, 16 floats or 8 doubles) held in 6 vector
/// accumulators — 12 of the 16 AVX2 registers — while it walks the depth.
///
/// Layouts (see `PackedGEMM`): the packed A panel holds, for each depth index
/// `p`, the 6 values `A[0..<6, p]`; the B panel holds, for each `p`, the `NR`
/// values `B[p, 0..<NR]` contiguously, `bRowStride` apart (`NR` when packed,
/// B's leading dimension when read in place). Each step is 6 broadcasts, 1
/// vector load and 6 fused multiply-adds; every lane is one C element
/// accumulated in depth order.
enum MicroKernel<T: KernelScalar> {
    typealias Vector = T.KernelVector

    /// Rows of C per tile.
    static var rows: Int { 6 }
    /// Columns of C per tile.
    static var columns: Int { Vector.scalarCount }

    /// Computes the tile over `depth` steps and lands it in C with `update`.
    ///
    /// Only the top-left `rowCount × columnCount` of the tile is written; a
    /// partial tile is computed in full (packing zero-fills the padding) and
    /// then copied element by element, so its values are the same bits a
    /// full tile would give.
    ///
    /// B's rows are `bRowStride` apart, or, with `bRowOffsets`, at
    /// `b + bRowOffsets[p]` (the implicit patch matrix read in place).
    @inline(__always)
    static func run(
        depth: Int, a: UnsafePointer<T>, b: UnsafePointer<T>, bRowStride: Int,
        bRowOffsets: UnsafePointer<Int>? = nil,
        c: UnsafeMutablePointer<T>, ldc: Int, rowCount: Int, columnCount: Int,
        update: TileUpdate<T>
    ) {
        var c0 = Vector(), c1 = Vector(), c2 = Vector()
        var c3 = Vector(), c4 = Vector(), c5 = Vector()
        var ap = a
        if let bRowOffsets {
            for p in 0..<depth {
                step(ap, (b + bRowOffsets[p]).loadVector(), &c0, &c1, &c2, &c3, &c4, &c5)
                ap += 6
            }
        } else {
            var bp = b
            for _ in 0..<depth {
                step(ap, bp.loadVector(), &c0, &c1, &c2, &c3, &c4, &c5)
                ap += 6
                bp += bRowStride
            }
        }
        if rowCount == 6 && columnCount == Vector.scalarCount {
            update.apply(c0, to: c)
            update.apply(c1, to: c + ldc)
            update.apply(c2, to: c + 2 * ldc)
            update.apply(c3, to: c + 3 * ldc)
            update.apply(c4, to: c + 4 * ldc)
            update.apply(c5, to: c + 5 * ldc)
            return
        }
        withUnsafeTemporaryAllocation(of: Vector.self, capacity: 6) { tile in
            tile.initializeElement(at: 0, to: c0)
            tile.initializeElement(at: 1, to: c1)
            tile.initializeElement(at: 2, to: c2)
            tile.initializeElement(at: 3, to: c3)
            tile.initializeElement(at: 4, to: c4)
            tile.initializeElement(at: 5, to: c5)
            storePartial(
                UnsafeBufferPointer(tile), c: c, ldc: ldc,
                rowCount: rowCount, columnCount: columnCount, update: update)
        }
    }

    /// One depth step: 6 broadcasts of A's column, 6 multiply-adds with B's row.
    @inline(__always)
    static func step(
        _ a: UnsafePointer<T>, _ bv: Vector, _ c0: inout Vector, _ c1: inout Vector, _ c2: inout Vector,
        _ c3: inout Vector, _ c4: inout Vector, _ c5: inout Vector
    ) {
        c0 = multiplyAdd(Vector(repeating: a[0]), bv, c0)
        c1 = multiplyAdd(Vector(repeating: a[1]), bv, c1)
        c2 = multiplyAdd(Vector(repeating: a[2]), bv, c2)
        c3 = multiplyAdd(Vector(repeating: a[3]), bv, c3)
        c4 = multiplyAdd(Vector(repeating: a[4]), bv, c4)
        c5 = multiplyAdd(Vector(repeating: a[5]), bv, c5)
    }

    /// Lands the valid part of an edge tile, one element at a time.
    @inline(never)
    static func storePartial(
        _ tile: UnsafeBufferPointer<Vector>, c: UnsafeMutablePointer<T>, ldc: Int,
        rowCount: Int, columnCount: Int, update: TileUpdate<T>
    ) {
        for row in 0..<min(rowCount, tile.count) {
            let accumulators = tile[row]
            for column in 0..<min(columnCount, Vector.scalarCount) {
                update.apply(accumulators[column], to: c + row * ldc + column)
            }
        }
    }
}
