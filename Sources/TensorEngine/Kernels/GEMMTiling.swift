/// How the packed GEMM cuts C into work items: a grid of tiles whose edges
/// fall on micro-kernel panel boundaries.
///
/// A tile is at most `blockRows` rows (its packed A block fits in L2) and
/// `GEMMBlocking.maximumTileColumns` columns. With several threads the grid is
/// refined until there are at least as many tiles as threads, rounded up to a
/// multiple of the thread count, with panels dealt evenly, so that threads
/// finish together. Tiles never change results — only the depth blocking does.
struct GEMMTiling {
    let rowsPerTile: Int
    let columnsPerTile: Int
    let rowTiles: Int
    let columnTiles: Int
    let m: Int
    let n: Int

    init(m: Int, n: Int, panelHeight: Int, panelWidth: Int, blockRows: Int, threads: Int) {
        self.m = m
        self.n = n
        let rowPanels = (m + panelHeight - 1) / panelHeight
        let columnPanels = (n + panelWidth - 1) / panelWidth
        let naturalRows = (m + blockRows - 1) / blockRows
        let naturalColumns = (n + GEMMBlocking.maximumTileColumns - 1) / GEMMBlocking.maximumTileColumns
        var wantedRows = naturalRows
        var wantedColumns = naturalColumns
        if threads > 1 {
            let natural = naturalRows * naturalColumns
            let target = (natural + threads - 1) / threads * threads
            wantedColumns = min(columnPanels, max(naturalColumns, (target + naturalRows - 1) / naturalRows))
            wantedRows = min(rowPanels, max(naturalRows, (target + wantedColumns - 1) / wantedColumns))
        }
        let rowPanelsPerTile = (rowPanels + wantedRows - 1) / max(wantedRows, 1)
        let columnPanelsPerTile = (columnPanels + wantedColumns - 1) / max(wantedColumns, 1)
        rowsPerTile = max(1, rowPanelsPerTile) * panelHeight
        columnsPerTile = max(1, columnPanelsPerTile) * panelWidth
        rowTiles = (m + rowsPerTile - 1) / rowsPerTile
        columnTiles = (n + columnsPerTile - 1) / columnsPerTile
    }

    var count: Int { rowTiles * columnTiles }

    /// The rows and columns of C that item `index` computes.
    func tile(_ index: Int) -> (rows: Range<Int>, columns: Range<Int>) {
        let rowStart = (index / columnTiles) * rowsPerTile
        let columnStart = (index % columnTiles) * columnsPerTile
        return (rowStart..<min(m, rowStart + rowsPerTile), columnStart..<min(n, columnStart + columnsPerTile))
    }
}
