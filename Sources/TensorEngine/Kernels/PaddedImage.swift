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
/// borders stay zero from image to image.
struct PaddedImage<T: KernelScalar> {
    let geometry: Conv2dGeometry
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

    init(_ g: Conv2dGeometry) {
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

    /// The implicit patch matrix as a GEMM operand: `patchSize × columnCount`.
    var patches: MatrixOperand<T> {
        MatrixOperand(UnsafePointer(buffer.base), rowOffsets: UnsafePointer(tapOffsets))
    }

    /// True when the implicit scheme is likely cheaper than unfolding: stride 1,
    /// and the surplus columns cost fewer multiply-adds than unfolding would
    /// (one unfolded element costs about as much as 10 multiply-adds here).
    static func suits(_ g: Conv2dGeometry) -> Bool {
        guard g.strideY == 1 && g.strideX == 1 else { return false }
        let surplus = (g.outHeight - 1) * (g.inWidth + 2 * g.padX) + g.outWidth - g.outPlane
        return surplus * g.outChannelsPerGroup <= 8 * g.outPlane
    }
}
