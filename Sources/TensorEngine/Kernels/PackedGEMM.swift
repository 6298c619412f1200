/// The cache-blocked GEMM (the BLIS/GotoBLAS scheme) for problems big enough
/// to repay packing.
///
/// C is cut into a grid of tiles (`GEMMTiling`), one work item each; items
/// run on the fork-join in any order and on any thread. Inside an item, the
/// depth is cut into blocks of `GEMMBlocking.depth` — the same for every item,
/// so each element of C is accumulated in the same order whatever the grid.
/// For each depth block the item packs its A rows into 6-row panels and its B
/// columns into `NR`-wide panels (so the micro-kernel reads both
/// contiguously), then runs the micro-kernel over every 6 × `NR` tile, B panel
/// outer so that one B panel stays in L1 while the A block streams from L2.
///
/// When the item has few row panels and B's rows are contiguous, B is read in
/// place instead: each B value would be used by only one or two micro-kernel
/// calls, so copying it costs more than the strided reads it saves.
enum PackedGEMM<T: KernelScalar> {
    typealias Kernel = MicroKernel<T>

    /// With one thread, the tiles share `arena` (or a fresh one); with more,
    /// each work item packs into an arena of its own.
    static func run(
        m: Int, n: Int, k: Int, alpha: T, a: MatrixOperand<T>, b: MatrixOperand<T>,
        beta: T, c: UnsafeMutablePointer<T>, ldc: Int, threads: Int, arena: PackingArena<T>?,
        packedA: PackedPanels<T>? = nil
    ) {
        let tiling = GEMMTiling(
            m: m, n: n, panelHeight: Kernel.rows, panelWidth: Kernel.columns,
            blockRows: GEMMBlocking.blockRows(for: T.self), threads: threads)
        if threads <= 1 || tiling.count <= 1 {
            let arena = arena ?? PackingArena()
            for item in 0..<tiling.count {
                let (rows, columns) = tiling.tile(item)
                runTile(
                    rows: rows, columns: columns, k: k, alpha: alpha, a: a, b: b, beta: beta, c: c, ldc: ldc,
                    arena: arena, packedA: packedA)
            }
            return
        }
        ForkJoin.forEach(items: tiling.count, threads: threads) { item in
            let (rows, columns) = tiling.tile(item)
            runTile(
                rows: rows, columns: columns, k: k, alpha: alpha, a: a, b: b, beta: beta, c: c, ldc: ldc,
                arena: PackingArena(), packedA: packedA)
        }
    }

    /// Computes `C[rows, columns]` over the whole depth with its own packing buffers.
    static func runTile(
        rows: Range<Int>, columns: Range<Int>, k: Int, alpha: T,
        a: MatrixOperand<T>, b: MatrixOperand<T>, beta: T,
        c: UnsafeMutablePointer<T>, ldc: Int, arena: PackingArena<T>, packedA: PackedPanels<T>? = nil
    ) {
        let mr = Kernel.rows
        let nr = Kernel.columns
        let depthBlock = GEMMBlocking.depth
        let rowPanels = (rows.count + mr - 1) / mr
        let columnPanels = (columns.count + nr - 1) / nr
        // An implicit patch matrix (row offsets) reads a small padded image that
        // stays in cache: always in place.
        let readsBInPlace =
            b.columnStride == 1 && (!b.hasUniformRows || rowPanels <= GEMMBlocking.inPlaceRowPanelLimit)
        let aBuffer = arena.aBuffer(count: packedA == nil ? rowPanels * mr * min(k, depthBlock) : 0)
        let packedB = arena.bBuffer(count: (readsBInPlace ? 1 : columnPanels) * nr * min(k, depthBlock))
        var depthStart = 0
        while depthStart < k {
            let depth = min(depthBlock, k - depthStart)
            let depthRange = depthStart..<depthStart + depth
            let update = TileUpdate(alpha: alpha, beta: beta, accumulates: depthStart > 0)
            // Row panels of this depth block: packed here, or taken from `packedA`.
            var aPanels = UnsafePointer(aBuffer)
            if let packedA {
                aPanels = packedA.panels(depthStart: depthStart, firstRow: rows.lowerBound)
            } else {
                for panel in 0..<rowPanels {
                    let i = rows.lowerBound + panel * mr
                    Packing.packRows(
                        a, rows: i..<min(rows.upperBound, i + mr), columns: depthRange,
                        height: mr, into: aBuffer + panel * mr * depth)
                }
            }
            if !readsBInPlace {
                for panel in 0..<columnPanels {
                    let j = columns.lowerBound + panel * nr
                    Packing.packColumns(
                        b, rows: depthRange, columns: j..<min(columns.upperBound, j + nr),
                        width: nr, into: packedB + panel * nr * depth)
                }
            }
            for columnPanel in 0..<columnPanels {
                let j = columns.lowerBound + columnPanel * nr
                let width = min(nr, columns.upperBound - j)
                var bPanel = UnsafePointer(packedB + columnPanel * nr * depth)
                var bRowStride = nr
                var bRowOffsets: UnsafePointer<Int>? = nil
                if readsBInPlace {
                    if width == nr {
                        if let offsets = b.rowOffsets {
                            bPanel = b.base + j
                            bRowOffsets = offsets + depthStart
                        } else {
                            bPanel = b.pointer(row: depthStart, column: j)
                            bRowStride = b.rowStride
                        }
                    } else {
                        // The ragged last panel is packed, zero-filled, so full vectors can be read.
                        Packing.packColumns(b, rows: depthRange, columns: j..<j + width, width: nr, into: packedB)
                        bPanel = UnsafePointer(packedB)
                    }
                }
                for rowPanel in 0..<rowPanels {
                    let i = rows.lowerBound + rowPanel * mr
                    Kernel.run(
                        depth: depth, a: aPanels + rowPanel * mr * depth,
                        b: bPanel, bRowStride: bRowStride, bRowOffsets: bRowOffsets, c: c + i * ldc + j, ldc: ldc,
                        rowCount: min(mr, rows.upperBound - i), columnCount: width, update: update)
                }
            }
            depthStart += depth
        }
    }
}
