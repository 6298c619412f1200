/// Max and average 2-D pooling and their gradients, with PyTorch's CPU
/// semantics (window placement, ceil mode, divisors, tie and NaN rules).
///
/// Planes are independent and split across threads; within a plane the order
/// of every sum and every gradient accumulation is fixed, so results are
/// bitwise identical for any thread count.
public enum Pooling {
    /// Below this many input-window reads a pooling runs on the caller's thread.
    static let parallelLimit = 1 << 16

    // MARK: - Max

    /// `output` = the maximum of each window; `argmax` = its flat index
    /// `iy · inWidth + ix` within the input plane (both overwritten).
    ///
    /// As PyTorch's CPU kernel: the first maximum in row-major window order wins
    /// a tie; a NaN wins over everything (the last NaN of the window, since each
    /// NaN replaces the current maximum).
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public static func maxForward<T: KernelScalar>(
        _ g: Pool2dGeometry, input: UnsafePointer<T>, output: UnsafeMutablePointer<T>,
        argmax: UnsafeMutablePointer<Int32>
    ) {
        forEachPlane(g) { plane in
            let source = input + plane * g.inPlane
            var out = plane * g.outPlane
            for oy in 0..<g.outHeight {
                let rows = g.rows(oy)
                for ox in 0..<g.outWidth {
                    let columns = g.columns(ox)
                    var best = -T.infinity
                    var bestIndex = rows.lowerBound * g.inWidth + columns.lowerBound
                    for iy in rows {
                        for ix in columns {
                            let index = iy * g.inWidth + ix
                            let value = source[index]
                            if value > best || value.isNaN {
                                best = value
                                bestIndex = index
                            }
                        }
                    }
                    output[out] = best
                    argmax[out] = Int32(truncatingIfNeeded: bestIndex)
                    out += 1
                }
            }
        }
    }

    /// `gradInput` = each output gradient added at its window's argmax
    /// (overwritten; windows sharing a maximum add up). Indices outside the
    /// plane are ignored.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public static func maxBackward<T: KernelScalar>(
        _ g: Pool2dGeometry, gradOutput: UnsafePointer<T>, argmax: UnsafePointer<Int32>,
        gradInput: UnsafeMutablePointer<T>
    ) {
        forEachPlane(g) { plane in
            let target = gradInput + plane * g.inPlane
            target.update(repeating: 0, count: g.inPlane)
            let start = plane * g.outPlane
            for out in start..<start + g.outPlane {
                let index = Int(argmax[out])
                if index >= 0 && index < g.inPlane { target[index] += gradOutput[out] }
            }
        }
    }

    // MARK: - Average

    /// `output` = the mean of each window (overwritten).
    ///
    /// The divisor is the window clipped to the padded input when
    /// `countIncludePad`, else the number of real pixels — as PyTorch, which
    /// sums in row-major window order and then divides.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public static func averageForward<T: KernelScalar>(
        _ g: Pool2dGeometry, input: UnsafePointer<T>, output: UnsafeMutablePointer<T>,
        countIncludePad: Bool
    ) {
        forEachPlane(g) { plane in
            let source = input + plane * g.inPlane
            var out = plane * g.outPlane
            for oy in 0..<g.outHeight {
                let rows = g.rows(oy)
                for ox in 0..<g.outWidth {
                    let columns = g.columns(ox)
                    var sum: T = 0
                    for iy in rows {
                        for ix in columns { sum += source[iy * g.inWidth + ix] }
                    }
                    let divisor = countIncludePad ? g.paddedArea(oy, ox) : rows.count * columns.count
                    output[out] = divisor > 0 ? sum / T(divisor) : 0
                    out += 1
                }
            }
        }
    }

    /// `gradInput` = each output gradient divided by its window's divisor and
    /// added to every pixel of the window (overwritten).
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public static func averageBackward<T: KernelScalar>(
        _ g: Pool2dGeometry, gradOutput: UnsafePointer<T>, gradInput: UnsafeMutablePointer<T>,
        countIncludePad: Bool
    ) {
        forEachPlane(g) { plane in
            let target = gradInput + plane * g.inPlane
            target.update(repeating: 0, count: g.inPlane)
            var out = plane * g.outPlane
            for oy in 0..<g.outHeight {
                let rows = g.rows(oy)
                for ox in 0..<g.outWidth {
                    let columns = g.columns(ox)
                    let divisor = countIncludePad ? g.paddedArea(oy, ox) : rows.count * columns.count
                    if divisor > 0 {
                        let share = gradOutput[out] / T(divisor)
                        for iy in rows {
                            for ix in columns { target[iy * g.inWidth + ix] += share }
                        }
                    }
                    out += 1
                }
            }
        }
    }

    // MARK: - Scheduling

    /// Runs `body` for every plane of a valid geometry, across threads when
    /// the work is large enough.
    static func forEachPlane(_ g: Pool2dGeometry, _ body: (Int) -> Void) {
        guard g.isValid else {
            assertionFailure("Pooling: invalid geometry \(g)")
            return
        }
        let reads = g.outputCount.multipliedReportingOverflow(by: g.kernelHeight * g.kernelWidth)
        let threads = (reads.overflow || reads.partialValue >= parallelLimit) ? KernelThreads.count : 1
        let workers = min(threads, g.planes)
        ForkJoin.forEach(items: workers, threads: workers) { worker in
            for plane in (worker * g.planes / workers)..<((worker + 1) * g.planes / workers) {
                body(plane)
            }
        }
    }
}
