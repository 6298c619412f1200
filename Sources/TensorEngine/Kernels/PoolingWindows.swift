/// The windows of one pooling geometry, computed once per call: for each
/// output row the input rows it covers (clipped to the image) and its extent
/// clipped to the padded input, and the same for each output column.
///
/// The kernels' inner loops then only walk ranges; nothing about the geometry
/// is recomputed per pixel.
struct PoolingWindows {
    let rows: [Range<Int>]
    let columns: [Range<Int>]
    /// Extent of each window row-range inside the padded input (PyTorch's
    /// `count_include_pad` divisor is `paddedRows[oy] · paddedColumns[ox]`).
    let paddedRows: [Int]
    let paddedColumns: [Int]
    let inWidth: Int
    let inPlane: Int
    let outPlane: Int

    init(_ g: Pool2dGeometry) {
        (rows, paddedRows) = Self.axis(
            count: g.outHeight, stride: g.strideY, pad: g.padY, kernel: g.kernelHeight, size: g.inHeight)
        (columns, paddedColumns) = Self.axis(
            count: g.outWidth, stride: g.strideX, pad: g.padX, kernel: g.kernelWidth, size: g.inWidth)
        inWidth = g.inWidth
        inPlane = g.inHeight * g.inWidth
        outPlane = g.outHeight * g.outWidth
    }

    /// Windows along one axis: start `o·stride − pad`, `kernel` long, clipped to
    /// `0..<size` (the pixels) and to `−pad..<size + pad` (the padded extent).
    static func axis(count: Int, stride: Int, pad: Int, kernel: Int, size: Int) -> ([Range<Int>], [Int]) {
        var ranges: [Range<Int>] = []
        var padded: [Int] = []
        ranges.reserveCapacity(max(count, 0))
        padded.reserveCapacity(max(count, 0))
        for index in 0..<max(count, 0) {
            let start = index * stride - pad
            let end = start + kernel
            let lower = max(start, 0)
            ranges.append(lower..<max(lower, min(end, size)))
            padded.append(min(end, size + pad) - start)
        }
        return (ranges, padded)
    }

    /// The divisor of window `(oy, ox)` for average pooling.
    @inline(__always)
    func divisor(_ oy: Int, _ ox: Int, countIncludePad: Bool) -> Int {
        countIncludePad ? paddedRows[oy] &* paddedColumns[ox] : rows[oy].count &* columns[ox].count
    }
}
