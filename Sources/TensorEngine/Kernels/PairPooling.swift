/// The pooling LeNet and most CNNs use — 2 × 2 windows, stride 2, no padding,
/// every window inside the image — as straight-line loops over row pairs.
///
/// Each output does exactly the arithmetic of the general kernels in
/// `Pooling` (same comparisons, same summation order from +0, same division),
/// so which path ran never shows in the results; it only drops the window
/// bookkeeping that dominated the general loops at this size.
enum PairPooling {
    /// True when every window of `g` is a full 2 × 2 block at an even offset.
    static func applies(to g: Pool2dGeometry) -> Bool {
        g.kernelHeight == 2 && g.kernelWidth == 2 && g.strideY == 2 && g.strideX == 2
            && g.padY == 0 && g.padX == 0
            && 2 * g.outHeight <= g.inHeight && 2 * g.outWidth <= g.inWidth
    }

    static func maxForward<T: KernelScalar>(
        _ g: Pool2dGeometry, plane: Int, input: UnsafePointer<T>, output: UnsafeMutablePointer<T>,
        argmax: UnsafeMutablePointer<Int32>
    ) {
        let width = g.inWidth
        let outWidth = g.outWidth
        let source = input + plane &* g.inHeight &* width
        var out = plane &* g.outHeight &* outWidth
        for oy in 0..<g.outHeight {
            let top = 2 &* oy &* width
            for ox in 0..<outWidth {
                let first = top &+ 2 &* ox
                var best = -T.infinity
                var bestIndex = first
                for index in [first, first &+ 1, first &+ width, first &+ width &+ 1] {
                    let value = source[index]
                    let takes = MaxRule.replaces(best, with: value)
                    best = takes ? value : best
                    bestIndex = takes ? index : bestIndex
                }
                output[out] = best
                argmax[out] = Int32(truncatingIfNeeded: bestIndex)
                out &+= 1
            }
        }
    }

    static func averageForward<T: KernelScalar>(
        _ g: Pool2dGeometry, plane: Int, input: UnsafePointer<T>, output: UnsafeMutablePointer<T>
    ) {
        let width = g.inWidth
        let outWidth = g.outWidth
        let source = input + plane &* g.inHeight &* width
        let target = output + plane &* g.outHeight &* outWidth
        for oy in 0..<g.outHeight {
            let row0 = source + 2 &* oy &* width
            let row1 = row0 + width
            let out = target + oy &* outWidth
            for ox in 0..<outWidth {
                let x = 2 &* ox
                var sum: T = 0
                sum += row0[x]
                sum += row0[x &+ 1]
                sum += row1[x]
                sum += row1[x &+ 1]
                out[ox] = sum / 4
            }
        }
    }

    static func averageBackward<T: KernelScalar>(
        _ g: Pool2dGeometry, plane: Int, gradOutput: UnsafePointer<T>, gradInput: UnsafeMutablePointer<T>
    ) {
        let width = g.inWidth
        let outWidth = g.outWidth
        let target = gradInput + plane &* g.inHeight &* width
        let source = gradOutput + plane &* g.outHeight &* outWidth
        // Pixels outside every window (an odd last row or column) get nothing;
        // with even sizes every pixel is written below, so no need to clear.
        if 2 &* g.outHeight != g.inHeight || 2 &* outWidth != width {
            target.update(repeating: 0, count: g.inHeight &* width)
        }
        for oy in 0..<g.outHeight {
            let row0 = target + 2 &* oy &* width
            let row1 = row0 + width
            let gradients = source + oy &* outWidth
            for ox in 0..<outWidth {
                // 0 + share, as the general kernel adds the share to a zeroed pixel.
                let share: T = 0 + gradients[ox] / 4
                let x = 2 &* ox
                row0[x] = share
                row0[x &+ 1] = share
                row1[x] = share
                row1[x &+ 1] = share
            }
        }
    }
}
