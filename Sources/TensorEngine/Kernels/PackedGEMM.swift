/// The cache-blocked GEMM (the BLIS/GotoBLAS scheme) for problems big enough
/// to repay packing.
///
/// C is cut into tiles of `blockRows × tileColumns`, one work item each; items
/// run on the fork-join in any order and any thread. Inside an item, the depth
/// is cut into blocks of `GEMMBlocking.depth` (the same for every item, so each
/// element of C is accumulated in the same order whatever the partition); for
/// each depth block the item packs its B columns into `NR`-wide panels and its
/// A rows into 6-row panels (so the micro-kernel reads both contiguously), then
/// runs the micro-kernel over every 6 × `NR` tile, B panel outer so that one
/// B panel stays in L1 while the A block streams from L2.
enum PackedGEMM<T: KernelScalar> {
    typealias Kernel = MicroKernel<T>

    static func run(
        m: Int, n: Int, k: Int, alpha: T, a: MatrixOperand<T>, b: MatrixOperand<T>,
        beta: T, c: UnsafeMutablePointer<T>, ldc: Int, threads: Int
    ) {
        let blockRows = GEMMBlocking.blockRows(for: T.self)
        let rowTiles = (m + blockRows - 1) / blockRows
        let tileColumns = GEMMBlocking.tileColumns(
            n: n, rowTiles: rowTiles, threads: threads, panelWidth: Kernel.columns)
        let columnTiles = (n + tileColumns - 1) / tileColumns
        ForkJoin.forEach(items: rowTiles * columnTiles, threads: threads) { item in
            let rowStart = (item / columnTiles) * blockRows
            let columnStart = (item % columnTiles) * tileColumns
            runTile(
                rows: rowStart..<min(m, rowStart + blockRows),
                columns: columnStart..<min(n, columnStart + tileColumns),
                k: k, alpha: alpha, a: a, b: b, beta: beta, c: c, ldc: ldc)
        }
    }

    /// Computes `C[rows, columns]` over the whole depth with its own packing buffers.
    static func runTile(
        rows: Range<Int>, columns: Range<Int>, k: Int, alpha: T,
        a: MatrixOperand<T>, b: MatrixOperand<T>, beta: T,
        c: UnsafeMutablePointer<T>, ldc: Int
    ) {
        let mr = Kernel.rows
        let nr = Kernel.columns
        let depthBlock = GEMMBlocking.depth
        let rowPanels = (rows.count + mr - 1) / mr
        let columnPanels = (columns.count + nr - 1) / nr
        let packedA = ScratchBuffer<T>(count: rowPanels * mr * min(k, depthBlock))
        let packedB = ScratchBuffer<T>(count: columnPanels * nr * min(k, depthBlock))
        defer {
            packedA.deallocate()
            packedB.deallocate()
        }
        var depthStart = 0
        while depthStart < k {
            let depth = min(depthBlock, k - depthStart)
            let update = TileUpdate(alpha: alpha, beta: beta, accumulates: depthStart > 0)
            for panel in 0..<columnPanels {
                let j = columns.lowerBound + panel * nr
                Packing.packColumns(
                    b, rows: depthStart..<depthStart + depth, columns: j..<min(columns.upperBound, j + nr),
                    width: nr, into: packedB.base + panel * nr * depth)
            }
            for panel in 0..<rowPanels {
                let i = rows.lowerBound + panel * mr
                Packing.packRows(
                    a, rows: i..<min(rows.upperBound, i + mr), columns: depthStart..<depthStart + depth,
                    height: mr, into: packedA.base + panel * mr * depth)
            }
            for columnPanel in 0..<columnPanels {
                let j = columns.lowerBound + columnPanel * nr
                let bPanel = UnsafePointer(packedB.base + columnPanel * nr * depth)
                for rowPanel in 0..<rowPanels {
                    let i = rows.lowerBound + rowPanel * mr
                    Kernel.run(
                        depth: depth, a: UnsafePointer(packedA.base + rowPanel * mr * depth), b: bPanel,
                        c: c + i * ldc + j, ldc: ldc,
                        rowCount: min(mr, rows.upperBound - i), columnCount: min(nr, columns.upperBound - j),
                        update: update)
                }
            }
            depthStart += depth
        }
    }
}

// MARK: - Packing

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
            var source = a.pointer(row: rows.lowerBound, column: p)
            for _ in 0..<rows.count {
                out.pointee = source.pointee
                out += 1
                source += a.rowStride
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
