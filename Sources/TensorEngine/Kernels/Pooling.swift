/// Max and average 2-D pooling and their gradients, with PyTorch's CPU
/// semantics (window placement, ceil mode, divisors, tie and NaN rules).
///
/// Planes are independent and split across threads; within a plane the order
/// of every sum and every gradient accumulation is fixed, so results are
/// bitwise identical for any thread count.
public enum Pooling {
    /// Below this many window reads a pooling runs on the caller's thread
    /// (~20 µs of work for the general loops).
    static var parallelLimit: Int { 1 << 16 }

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
        let pairs = PairPooling.applies(to: g)
        forEachPlane(g) { windows, plane in
            if pairs {
                PairPooling.maxForward(g, plane: plane, input: input, output: output, argmax: argmax)
                return
            }
            let source = input + plane &* windows.inPlane
            var out = plane &* windows.outPlane
            for rows in windows.rows {
                MaxPoolRow.run(source, rows: rows, windows: windows, output: output + out, argmax: argmax + out)
                out &+= windows.columns.count
            }
        }
    }

    /// `gradInput` = each output gradient added at its window's argmax
    /// (overwritten; windows sharing a maximum add up, in output order).
    /// Indices outside the plane are ignored.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public static func maxBackward<T: KernelScalar>(
        _ g: Pool2dGeometry, gradOutput: UnsafePointer<T>, argmax: UnsafePointer<Int32>,
        gradInput: UnsafeMutablePointer<T>
    ) {
        forEachPlane(g) { windows, plane in
            let target = gradInput + plane &* windows.inPlane
            target.update(repeating: 0, count: windows.inPlane)
            let start = plane &* windows.outPlane
            for out in start..<start &+ windows.outPlane {
                let index = Int(argmax[out])
                if index >= 0 && index < windows.inPlane { target[index] += gradOutput[out] }
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
        let pairs = PairPooling.applies(to: g)
        forEachPlane(g) { windows, plane in
            if pairs {
                PairPooling.averageForward(g, plane: plane, input: input, output: output)
                return
            }
            let source = input + plane &* windows.inPlane
            var out = plane &* windows.outPlane
            for (oy, rows) in windows.rows.enumerated() {
                for (ox, columns) in windows.columns.enumerated() {
                    var sum: T = 0
                    for iy in rows {
                        let rowStart = iy &* windows.inWidth
                        for ix in columns { sum += source[rowStart &+ ix] }
                    }
                    let divisor = windows.divisor(oy, ox, countIncludePad: countIncludePad)
                    output[out] = divisor > 0 ? sum / T(divisor) : 0
                    out &+= 1
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
        let pairs = PairPooling.applies(to: g)
        forEachPlane(g) { windows, plane in
            if pairs {
                PairPooling.averageBackward(g, plane: plane, gradOutput: gradOutput, gradInput: gradInput)
                return
            }
            let target = gradInput + plane &* windows.inPlane
            target.update(repeating: 0, count: windows.inPlane)
            var out = plane &* windows.outPlane
            for (oy, rows) in windows.rows.enumerated() {
                for (ox, columns) in windows.columns.enumerated() {
                    let divisor = windows.divisor(oy, ox, countIncludePad: countIncludePad)
                    if divisor > 0 {
                        let share = gradOutput[out] / T(divisor)
                        for iy in rows {
                            let rowStart = iy &* windows.inWidth
                            for ix in columns { target[rowStart &+ ix] += share }
                        }
                    }
                    out &+= 1
                }
            }
        }
    }

    // MARK: - Scheduling

    /// Runs `body` for every plane of a valid geometry, contiguous runs of
    /// planes per thread when the work is large enough.
    static func forEachPlane(_ g: Pool2dGeometry, _ body: (PoolingWindows, Int) -> Void) {
        guard g.isValid else {
            assertionFailure("Pooling: invalid geometry \(g)")
            return
        }
        let windows = PoolingWindows(g)
        let reads = g.outputCount.multipliedReportingOverflow(by: g.kernelHeight * g.kernelWidth)
        let threads = (reads.overflow || reads.partialValue >= parallelLimit) ? KernelThreads.count : 1
        let workers = min(threads, g.planes)
        ForkJoin.forEach(items: workers, threads: workers) { worker in
            for plane in (worker * g.planes / workers)..<((worker + 1) * g.planes / workers) {
                body(windows, plane)
            }
        }
    }
}
