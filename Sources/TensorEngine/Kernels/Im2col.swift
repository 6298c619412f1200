/// Unfolding an image into the patch matrix of a convolution (im2col) and
/// folding gradients back (col2im), for one image and one group.
///
/// The patch matrix has one row per `(channel, ky, kx)` of the group — the
/// order of a weight row — and one column per output pixel `(oy, ox)`, so a
/// convolution is `weight · patches` and its output lands directly in NCHW.
struct Im2col<T: KernelScalar> {
    let geometry: Conv2dGeometry

    // MARK: - Unfold

    /// Writes the `patchSize × outPlane` patch matrix of `channels` (the group's
    /// `inChannelsPerGroup` input planes) into `columns`; padding reads as 0.
    func unfold(_ channels: UnsafePointer<T>, into columns: UnsafeMutablePointer<T>) {
        let g = geometry
        let outWidth = g.outWidth
        let outPlane = g.outPlane
        var row = columns
        for channel in 0..<g.inChannelsPerGroup {
            let plane = channels + channel * g.inPlane
            for ky in 0..<g.kernelHeight {
                for kx in 0..<g.kernelWidth {
                    let span = validColumns(kx: kx)
                    for oy in 0..<g.outHeight {
                        let out = row + oy * outWidth
                        let iy = oy * g.strideY - g.padY + ky * g.dilationY
                        guard iy >= 0 && iy < g.inHeight, !span.isEmpty else {
                            out.update(repeating: 0, count: outWidth)
                            continue
                        }
                        out.update(repeating: 0, count: span.lowerBound)
                        let source = plane + iy * g.inWidth + (kx * g.dilationX - g.padX)
                        if g.strideX == 1 {
                            (out + span.lowerBound).update(from: source + span.lowerBound, count: span.count)
                        } else {
                            for ox in span { out[ox] = source[ox * g.strideX] }
                        }
                        (out + span.upperBound).update(repeating: 0, count: outWidth - span.upperBound)
                    }
                    row += outPlane
                }
            }
        }
    }

    // MARK: - Fold

    /// Adds every entry of the patch matrix `columns` to the input pixel it was
    /// read from (the adjoint of `unfold`); entries that came from padding are
    /// dropped. `channels` must hold the group's planes, already initialized.
    func foldAdding(_ columns: UnsafePointer<T>, into channels: UnsafeMutablePointer<T>) {
        let g = geometry
        let outWidth = g.outWidth
        var row = columns
        for channel in 0..<g.inChannelsPerGroup {
            let plane = channels + channel * g.inPlane
            for ky in 0..<g.kernelHeight {
                for kx in 0..<g.kernelWidth {
                    let span = validColumns(kx: kx)
                    for oy in 0..<g.outHeight where !span.isEmpty {
                        let iy = oy * g.strideY - g.padY + ky * g.dilationY
                        guard iy >= 0 && iy < g.inHeight else { continue }
                        let source = row + oy * outWidth
                        let target = plane + iy * g.inWidth + (kx * g.dilationX - g.padX)
                        if g.strideX == 1 {
                            for ox in span { target[ox] += source[ox] }
                        } else {
                            for ox in span { target[ox * g.strideX] += source[ox] }
                        }
                    }
                    row += g.outPlane
                }
            }
        }
    }

    // MARK: - Geometry of one kernel column

    /// The output columns `ox` whose input column `ox·strideX − padX + kx·dilationX`
    /// lies inside the image.
    func validColumns(kx: Int) -> Range<Int> {
        let g = geometry
        let offset = kx * g.dilationX - g.padX
        let first = offset >= 0 ? 0 : (-offset + g.strideX - 1) / g.strideX
        let lastInput = g.inWidth - 1 - offset
        let end = lastInput < 0 ? 0 : min(g.outWidth, lastInput / g.strideX + 1)
        return min(first, end)..<end
    }
}
