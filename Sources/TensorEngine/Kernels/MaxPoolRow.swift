/// One output row of max pooling, four windows at a time.
///
/// A window's maximum is a chain of compare-and-select steps, each waiting
/// for the last (several cycles apiece); four neighbouring windows of equal
/// width run their chains side by side so the core overlaps them. Each
/// window still visits its pixels in row-major order with `MaxRule`, so the
/// results are those of the one-window loop.
enum MaxPoolRow {
    static func run<T: KernelScalar>(
        _ source: UnsafePointer<T>, rows: Range<Int>, windows: PoolingWindows,
        output: UnsafeMutablePointer<T>, argmax: UnsafeMutablePointer<Int32>
    ) {
        let columns = windows.columns
        let width = windows.inWidth
        var ox = 0
        while ox &+ 4 <= columns.count {
            let c0 = columns[ox], c1 = columns[ox &+ 1], c2 = columns[ox &+ 2], c3 = columns[ox &+ 3]
            let span = c0.count
            guard c1.count == span && c2.count == span && c3.count == span else {
                single(source, rows: rows, columns: c0, width: width, output: output + ox, argmax: argmax + ox)
                ox &+= 1
                continue
            }
            let first = rows.lowerBound &* width
            var best0 = -T.infinity, best1 = -T.infinity, best2 = -T.infinity, best3 = -T.infinity
            var index0 = first &+ c0.lowerBound, index1 = first &+ c1.lowerBound
            var index2 = first &+ c2.lowerBound, index3 = first &+ c3.lowerBound
            for iy in rows {
                let rowStart = iy &* width
                for d in 0..<span {
                    let i0 = rowStart &+ c0.lowerBound &+ d, i1 = rowStart &+ c1.lowerBound &+ d
                    let i2 = rowStart &+ c2.lowerBound &+ d, i3 = rowStart &+ c3.lowerBound &+ d
                    let v0 = source[i0], v1 = source[i1], v2 = source[i2], v3 = source[i3]
                    let t0 = MaxRule.replaces(best0, with: v0), t1 = MaxRule.replaces(best1, with: v1)
                    let t2 = MaxRule.replaces(best2, with: v2), t3 = MaxRule.replaces(best3, with: v3)
                    best0 = t0 ? v0 : best0
                    best1 = t1 ? v1 : best1
                    best2 = t2 ? v2 : best2
                    best3 = t3 ? v3 : best3
                    index0 = t0 ? i0 : index0
                    index1 = t1 ? i1 : index1
                    index2 = t2 ? i2 : index2
                    index3 = t3 ? i3 : index3
                }
            }
            output[ox] = best0
            output[ox &+ 1] = best1
            output[ox &+ 2] = best2
            output[ox &+ 3] = best3
            argmax[ox] = Int32(truncatingIfNeeded: index0)
            argmax[ox &+ 1] = Int32(truncatingIfNeeded: index1)
            argmax[ox &+ 2] = Int32(truncatingIfNeeded: index2)
            argmax[ox &+ 3] = Int32(truncatingIfNeeded: index3)
            ox &+= 4
        }
        while ox < columns.count {
            single(source, rows: rows, columns: columns[ox], width: width, output: output + ox, argmax: argmax + ox)
            ox &+= 1
        }
    }

    /// One window: the maximum and its index (the first pixel if all are −∞).
    @inline(__always)
    static func single<T: KernelScalar>(
        _ source: UnsafePointer<T>, rows: Range<Int>, columns: Range<Int>, width: Int,
        output: UnsafeMutablePointer<T>, argmax: UnsafeMutablePointer<Int32>
    ) {
        var best = -T.infinity
        var bestIndex = rows.lowerBound &* width &+ columns.lowerBound
        for iy in rows {
            let rowStart = iy &* width
            for ix in columns {
                let value = source[rowStart &+ ix]
                let takes = MaxRule.replaces(best, with: value)
                best = takes ? value : best
                bestIndex = takes ? rowStart &+ ix : bestIndex
            }
        }
        output.pointee = best
        argmax.pointee = Int32(truncatingIfNeeded: bestIndex)
    }
}
