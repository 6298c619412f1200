/// A whole `m × k` left operand packed once, in the layout `PackedGEMM`
/// would produce tile by tile: for each depth block, for each 6-row panel,
/// `depth` steps of 6 values (rows past `m` are 0).
///
/// A convolution multiplies the same weights with every image; packing them
/// per image cost a tenth of the GEMM time.
struct PackedPanels<T: KernelScalar> {
    let buffer: ScratchBuffer<T>
    /// Rows rounded up to whole panels.
    let paddedRows: Int
    /// The operand that was packed (for paths that do not pack, like `DirectGEMM`).
    let operand: MatrixOperand<T>

    init(_ a: MatrixOperand<T>, m: Int, k: Int) {
        operand = a
        let height = MicroKernel<T>.rows
        paddedRows = (m + height - 1) / height * height
        buffer = ScratchBuffer(count: paddedRows * k)
        var depthStart = 0
        while depthStart < k {
            let depth = min(GEMMBlocking.depth, k - depthStart)
            for panel in 0..<paddedRows / height {
                let i = panel * height
                Packing.packRows(
                    a, rows: i..<min(m, i + height), columns: depthStart..<depthStart + depth, height: height,
                    into: buffer.base + depthStart * paddedRows + panel * height * depth)
            }
            depthStart += depth
        }
    }

    func deallocate() { buffer.deallocate() }

    /// The panels of depth block `depthStart` from row `firstRow` (a panel boundary) on.
    @inline(__always)
    func panels(depthStart: Int, firstRow: Int) -> UnsafePointer<T> {
        let depth = min(GEMMBlocking.depth, buffer.count / max(paddedRows, 1) - depthStart)
        return UnsafePointer(buffer.base + depthStart * paddedRows + firstRow * depth)
    }
}
