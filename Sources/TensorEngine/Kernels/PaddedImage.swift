/// One image's group of input planes copied into a zero-bordered buffer, for
/// the implicit patch matrix of a stride-1 convolution.
///
/// With every plane padded to `paddedHeight × paddedWidth`, the pixels that
/// tap `(c, ky, kx)` reads for outputs `(oy, ox)` are, for all `ox` in
/// `0..<paddedWidth`, the contiguous run starting at `tapOffsets[tap]`: output
/// pixel `(oy, ox)` sits at column `oy · paddedWidth + ox` of that run. Columns
/// with `ox ≥ outWidth` are surplus (they read the next row's pixels) and are
/// dropped, so no patch matrix is materialized: the run *is* the patch row.
///
/// The buffer is zeroed once; each `load` rewrites only the interior, so the
/// borders stay zero from image to image. The input gradient uses the same
/// layout in reverse: patch gradients are added back at the tap offsets and
/// the interior is cropped out (`foldAdding`).
struct PaddedImage<T: KernelScalar> {
    let geometry: ConvolutionLayout
    let paddedHeight: Int
    let paddedWidth: Int
    let buffer: ScratchBuffer<T>
    /// Where each tap's run starts, in elements from `buffer.base`.
    let tapOffsets: UnsafeMutablePointer<Int>

    /// Columns of the implicit patch matrix: through the last real output pixel.
    var columnCount: Int { (geometry.outHeight - 1) * paddedWidth + geometry.outWidth }

    /// Elements past the last plane kept zero, so a vector loop may read the
    /// last run in whole `KernelVector`s.
    static var tailCount: Int { 2 * T.KernelVector.scalarCount }

    init(_ g: ConvolutionLayout) {
        geometry = g
        paddedHeight = g.inHeight + 2 * g.padY
        paddedWidth = g.inWidth + 2 * g.padX
        let planeCount = paddedHeight * paddedWidth
        buffer = ScratchBuffer(count: g.inChannelsPerGroup * planeCount + Self.tailCount)
        buffer.base.update(repeating: 0, count: buffer.count)
        tapOffsets = .allocate(capacity: max(g.patchSize, 1))
        var tap = 0
        for channel in 0..<g.inChannelsPerGroup {
            for ky in 0..<g.kernelHeight {
                for kx in 0..<g.kernelWidth {
                    tapOffsets[tap] = channel * planeCount + ky * g.dilationY * paddedWidth + kx * g.dilationX
                    tap += 1
                }
            }
        }
    }

    func deallocate() {
        buffer.deallocate()
        tapOffsets.deallocate()
    }

    /// Copies the group's planes (`inChannelsPerGroup` contiguous `inHeight ×
    /// inWidth` planes) into the interior.
    func load(_ channels: UnsafePointer<T>) {
        let g = geometry
        var target = buffer.base + g.padY * paddedWidth + g.padX
        var source = channels
        for _ in 0..<g.inChannelsPerGroup {
            for _ in 0..<g.inHeight {
                Im2col<T>.copy(from: source, to: target, count: g.inWidth)
                source += g.inWidth
                target += paddedWidth
            }
            target += 2 * g.padY * paddedWidth
        }
    }

    /// Copies `outChannelsPerGroup` output-gradient planes into `target` in the
    /// padded-width layout (`columnCount` per channel, pixel `(oy, ox)` at
    /// `oy · paddedWidth + ox`), zeros in the surplus columns.
    func spread(_ planes: UnsafePointer<T>, into target: UnsafeMutablePointer<T>) {
        let g = geometry
        let columns = columnCount
        for channel in 0..<g.outChannelsPerGroup {
            let row = target + channel * columns
            for oy in 0..<g.outHeight {
                let out = row + oy * paddedWidth
                Im2col<T>.copy(from: planes + channel * g.outPlane + oy * g.outWidth, to: out, count: g.outWidth)
                if oy + 1 < g.outHeight {
                    Im2col<T>.fillZero(out + g.outWidth, count: paddedWidth - g.outWidth)
                }
            }
        }
    }

    /// Adds each row of `patchGradients` (`patchSize × columns`, padded-width
    /// layout) to the padded image at its tap's offset, taps in order, then
    /// writes the interior to `channels` (overwriting it). Uses the buffer as
    /// the padded gradient image, so the next `load` must rewrite it.
    func foldAdding(_ patchGradients: UnsafePointer<T>, columns: Int, into channels: UnsafeMutablePointer<T>) {
        let g = geometry
        typealias Vector = T.KernelHalfVector
        buffer.base.update(repeating: 0, count: buffer.count)
        for tap in 0..<g.patchSize {
            let source = patchGradients + tap * columns
            let target = buffer.base + tapOffsets[tap]
            var index = 0
            while index &+ Vector.scalarCount <= columns {
                let sum = (UnsafePointer(target) + index).loadVector(as: Vector.self)
                    + (source + index).loadVector(as: Vector.self)
                UnsafeMutableRawPointer(target + index).storeBytes(of: sum, as: Vector.self)
                index &+= Vector.scalarCount
            }
            while index < columns {
                target[index] += source[index]
                index &+= 1
            }
        }
        var source = UnsafePointer(buffer.base) + g.padY * paddedWidth + g.padX
        var target = channels
        for _ in 0..<g.inChannelsPerGroup {
            for _ in 0..<g.inHeight {
                Im2col<T>.copy(from: source, to: target, count: g.inWidth)
                source += paddedWidth
                target += g.inWidth
            }
            source += 2 * g.padY * paddedWidth
        }
    }

    /// The implicit patch matrix as a GEMM operand: `patchSize × columnCount`.
    var patches: MatrixOperand<T> {
        MatrixOperand(UnsafePointer(buffer.base), rowOffsets: UnsafePointer(tapOffsets))
    }

    /// True when the implicit scheme is likely cheaper than unfolding: stride 1,
    /// and the surplus columns cost fewer multiply-adds than unfolding would
    /// (one unfolded element costs about as much as 10 multiply-adds here).
    static func suits(_ g: ConvolutionLayout) -> Bool {
        guard g.strideY == 1 && g.strideX == 1 else { return false }
        let surplus = (g.outHeight - 1) * (g.inWidth + 2 * g.padX) + g.outWidth - g.outPlane
        return surplus * g.outChannelsPerGroup <= 8 * g.outPlane
    }
}
