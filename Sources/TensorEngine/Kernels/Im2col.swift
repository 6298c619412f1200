/// Unfolding an image into the patch matrix of a convolution (im2col) and
/// folding gradients back (col2im), for one image and one group.
///
/// The patch matrix has one row per tap `(channel, ky, kx)` of the group — the
/// order of a weight row — and one column per output pixel `(oy, ox)`, so a
/// convolution is `weight · patches` and its output lands directly in NCHW.
struct Im2col<T: KernelScalar> {
    let geometry: ConvolutionLayout

    // MARK: - Unfold

    /// Writes the `patchSize × outPlane` patch matrix of `channels` (the group's
    /// `inChannelsPerGroup` input planes) into `columns`; padding reads as 0.
    func unfold(_ channels: UnsafePointer<T>, into columns: UnsafeMutablePointer<T>) {
        unfold(channels, taps: 0..<geometry.patchSize, rowStride: geometry.outPlane, into: columns)
    }

    /// Writes rows `taps` of the patch matrix, `rowStride ≥ outPlane` apart, the
    /// `rowStride − outPlane` entries after each row set to 0 (so that a
    /// vector loop may run over whole rows).
    ///
    /// Per tap, the output rows whose input row is padding are one run of
    /// zeros before and one after; each remaining row is zeros, a copy of the
    /// valid input columns, zeros. Rows are short (tens of pixels), so copies
    /// and fills are inline vector loops rather than memcpy/memset calls.
    /// Index arithmetic wraps (`&+`, `&*`): a valid geometry bounds every index.
    func unfold(
        _ channels: UnsafePointer<T>, taps: Range<Int>, rowStride: Int,
        into columns: UnsafeMutablePointer<T>
    ) {
        let g = geometry
        let outWidth = g.outWidth
        let kernelArea = g.kernelHeight &* g.kernelWidth
        let strideX = g.strideX
        var row = columns
        for tap in taps {
            let channel = tap / kernelArea
            let ky = (tap % kernelArea) / g.kernelWidth
            let kx = tap % g.kernelWidth
            let plane = channels + channel &* g.inPlane
            let span = validColumns(kx: kx)
            let rows = validRows(ky: ky)
            let xOffset = kx &* g.dilationX &- g.padX
            Self.fillZero(row, count: rows.lowerBound &* outWidth)
            if span.isEmpty {
                Self.fillZero(row + rows.lowerBound &* outWidth, count: rows.count &* outWidth)
            } else {
                for oy in rows {
                    let out = row + oy &* outWidth
                    let iy = oy &* g.strideY &- g.padY &+ ky &* g.dilationY
                    let source = plane + (iy &* g.inWidth &+ xOffset)
                    Self.fillZero(out, count: span.lowerBound)
                    if strideX == 1 {
                        Self.copy(from: source + span.lowerBound, to: out + span.lowerBound, count: span.count)
                    } else {
                        for ox in span { out[ox] = source[ox &* strideX] }
                    }
                    Self.fillZero(out + span.upperBound, count: outWidth &- span.upperBound)
                }
            }
            Self.fillZero(row + rows.upperBound &* outWidth, count: rowStride &- rows.upperBound &* outWidth)
            row += rowStride
        }
    }

    // MARK: - Short runs

    @inline(__always)
    static func fillZero(_ start: UnsafeMutablePointer<T>, count: Int) {
        typealias Vector = T.KernelHalfVector
        var index = 0
        while index &+ Vector.scalarCount <= count {
            UnsafeMutableRawPointer(start + index).storeBytes(of: Vector(), as: Vector.self)
            index &+= Vector.scalarCount
        }
        while index < count {
            start[index] = 0
            index &+= 1
        }
    }

    @inline(__always)
    static func copy(from source: UnsafePointer<T>, to target: UnsafeMutablePointer<T>, count: Int) {
        typealias Vector = T.KernelHalfVector
        var index = 0
        while index &+ Vector.scalarCount <= count {
            UnsafeMutableRawPointer(target + index).storeBytes(
                of: (source + index).loadVector(as: Vector.self), as: Vector.self)
            index &+= Vector.scalarCount
        }
        while index < count {
            target[index] = source[index]
            index &+= 1
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

    // MARK: - Geometry of one tap

    /// The output rows `oy` whose input row `oy·strideY − padY + ky·dilationY`
    /// lies inside the image.
    func validRows(ky: Int) -> Range<Int> {
        let g = geometry
        return Self.validRange(
            offset: ky * g.dilationY - g.padY, stride: g.strideY, inputSize: g.inHeight, outputSize: g.outHeight)
    }

    /// The output columns `ox` whose input column `ox·strideX − padX + kx·dilationX`
    /// lies inside the image.
    func validColumns(kx: Int) -> Range<Int> {
        let g = geometry
        return Self.validRange(
            offset: kx * g.dilationX - g.padX, stride: g.strideX, inputSize: g.inWidth, outputSize: g.outWidth)
    }

    /// The outputs `o` in `0..<outputSize` with `0 ≤ o·stride + offset < inputSize`.
    static func validRange(offset: Int, stride: Int, inputSize: Int, outputSize: Int) -> Range<Int> {
        let first = offset >= 0 ? 0 : (-offset + stride - 1) / stride
        let lastInput = inputSize - 1 - offset
        let end = lastInput < 0 ? 0 : min(outputSize, lastInput / stride + 1)
        return min(first, end)..<end
    }
}
