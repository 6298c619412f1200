/// The weight gradient of a convolution with small images (LeNet's layers):
/// `∂W[o, tap] = Σ over images of Σ_p ∂out[o, p] · patches[tap, p]`,
/// computed as dot products along the pixels, where both operands are contiguous.
///
/// As a GEMM this is a product with a long, skinny depth and a tiny output
/// (6 × 25 for LeNet's first layer), where packing dominates. Here every
/// (o, tap) pair is a dot product of two rows, 2 × 6 pairs at a time in 12
/// vector accumulators. The patch rows come from one of two sources:
///
/// - *implicit* (stride 1, finite input): the runs of a zero-padded copy of
///   the image (`PaddedImage`), against a gradient copied into the same
///   padded-width layout with zeros in the surplus columns — no unfolding;
/// - *unfolded*: the rows `Im2col` writes, for other strides or when the
///   input holds an infinity or NaN (a surplus column would multiply it by a
///   zero gradient and turn a finite result into NaN).
///
/// Order of accumulation, the same for every element whichever block, edge
/// loop or thread computes it: `Lanes` lane sums over the pixel vectors of
/// image 0, then of image 1, and so on (kept in memory between images, not
/// reduced per image: the reduction cost as much as the products), and at
/// the end the lanes added left to right. Threads split the output channels
/// (each then reads only its own gradients) or, when there are fewer output
/// channels than threads, the taps.
struct WeightGradientKernel<T: KernelScalar> {
    typealias Lanes = T.KernelHalfVector
    let geometry: ConvolutionLayout
    let implicit: Bool

    init(_ geometry: ConvolutionLayout, implicit: Bool) {
        self.geometry = geometry
        self.implicit = implicit
    }

    /// Pixels per row of the dot products, rounded up to whole vectors.
    var rowLength: Int {
        let g = geometry
        let pixels = implicit ? (g.outHeight - 1) * (g.inWidth + 2 * g.padX) + g.outWidth : g.outPlane
        return (pixels + Lanes.scalarCount - 1) / Lanes.scalarCount * Lanes.scalarCount
    }

    /// Computes the gradient of taps `taps` of output channels `outputs` (within
    /// the group) of `group`, overwriting those entries of `gradWeight`.
    func run(
        group: Int, outputs: Range<Int>, taps: Range<Int>, input: UnsafePointer<T>,
        gradOutput: UnsafePointer<T>, gradWeight: UnsafeMutablePointer<T>
    ) {
        let g = geometry
        let outChannels = outputs.count
        let length = rowLength
        let padded = implicit ? PaddedImage<T>(g) : nil
        let patches = ScratchBuffer<T>(count: implicit ? 0 : taps.count * length)
        let gradients = ScratchBuffer<T>(count: outChannels * length)
        let lanes = UnsafeMutablePointer<Lanes>.allocate(capacity: max(outChannels * taps.count, 1))
        lanes.initialize(repeating: Lanes(), count: max(outChannels * taps.count, 1))
        defer {
            padded?.deallocate()
            patches.deallocate()
            gradients.deallocate()
            lanes.deallocate()
        }
        // Zero once: the surplus columns and the tail stay zero for every image.
        gradients.base.update(repeating: 0, count: gradients.count)
        let gradientRowStride = padded?.paddedWidth ?? g.outWidth
        let unfold = Im2col<T>(geometry: g)
        let target = gradWeight + (group * g.outChannelsPerGroup + outputs.lowerBound) * g.patchSize + taps.lowerBound
        for image in 0..<g.batch {
            let channels = input + (image * g.inChannels + group * g.inChannelsPerGroup) * g.inPlane
            if let padded {
                padded.load(channels)
            } else {
                unfold.unfold(channels, taps: taps, rowStride: length, into: patches.base)
            }
            let planes =
                gradOutput + (image * g.outChannels + group * g.outChannelsPerGroup + outputs.lowerBound) * g.outPlane
            for o in 0..<outChannels {
                for oy in 0..<g.outHeight {
                    Im2col<T>.copy(
                        from: planes + o * g.outPlane + oy * g.outWidth,
                        to: gradients.base + o * length + oy * gradientRowStride, count: g.outWidth)
                }
            }
            accumulate(
                outChannels: outChannels, taps: taps.count, gradients: UnsafePointer(gradients.base),
                lanes: lanes
            ) { tap in
                if let padded {
                    return UnsafePointer(padded.buffer.base + padded.tapOffsets[taps.lowerBound + tap])
                }
                return UnsafePointer(patches.base + tap * length)
            }
        }
        for o in 0..<outChannels {
            for t in 0..<taps.count {
                target[o * g.patchSize + t] = Self.laneSum(lanes[o * taps.count + t])
            }
        }
    }

    /// `lanes[o, t] += Σ_p gradients[o, p] · patchRow(t)[p]`, lane by lane, for all o, t.
    @inline(__always)
    func accumulate(
        outChannels: Int, taps: Int, gradients: UnsafePointer<T>, lanes: UnsafeMutablePointer<Lanes>,
        patchRow: (Int) -> UnsafePointer<T>
    ) {
        let length = rowLength
        let vectors = length / Lanes.scalarCount
        let fullO = outChannels / 2 * 2
        let fullT = taps / 6 * 6
        var o = 0
        while o < fullO {
            var t = 0
            while t < fullT {
                block(
                    vectors: vectors, g0: gradients + o * length, g1: gradients + (o + 1) * length,
                    rows: (patchRow(t), patchRow(t + 1), patchRow(t + 2), patchRow(t + 3), patchRow(t + 4), patchRow(t + 5)),
                    lanes: lanes + o * taps + t, ldLanes: taps)
                t += 6
            }
            o += 2
        }
        if fullO < outChannels {
            // The last, odd output channel: one row of 6-tap blocks.
            var t = 0
            while t < fullT {
                rowBlock(
                    vectors: vectors, g0: gradients + fullO * length,
                    rows: (patchRow(t), patchRow(t + 1), patchRow(t + 2), patchRow(t + 3), patchRow(t + 4), patchRow(t + 5)),
                    lanes: lanes + fullO * taps + t)
                t += 6
            }
        }
        // Edges: the taps past the last full block.
        for o in 0..<outChannels {
            for t in fullT..<taps {
                let cell = lanes + o * taps + t
                cell.pointee = Self.dot(vectors: vectors, gradients + o * length, patchRow(t), into: cell.pointee)
            }
        }
    }

    typealias SixRows = (
        UnsafePointer<T>, UnsafePointer<T>, UnsafePointer<T>, UnsafePointer<T>, UnsafePointer<T>, UnsafePointer<T>
    )

    /// 2 output channels × 6 taps, 12 accumulators.
    @inline(__always)
    func block(
        vectors: Int, g0: UnsafePointer<T>, g1: UnsafePointer<T>, rows: SixRows,
        lanes: UnsafeMutablePointer<Lanes>, ldLanes: Int
    ) {
        let row1 = lanes + ldLanes
        var a0 = lanes[0], a1 = lanes[1], a2 = lanes[2], a3 = lanes[3], a4 = lanes[4], a5 = lanes[5]
        var b0 = row1[0], b1 = row1[1], b2 = row1[2], b3 = row1[3], b4 = row1[4], b5 = row1[5]
        for v in 0..<vectors {
            let offset = v &* Lanes.scalarCount
            let x = (g0 + offset).loadVector(as: Lanes.self)
            let y = (g1 + offset).loadVector(as: Lanes.self)
            let p0 = (rows.0 + offset).loadVector(as: Lanes.self)
            a0 = multiplyAdd(x, p0, a0)
            b0 = multiplyAdd(y, p0, b0)
            let p1 = (rows.1 + offset).loadVector(as: Lanes.self)
            a1 = multiplyAdd(x, p1, a1)
            b1 = multiplyAdd(y, p1, b1)
            let p2 = (rows.2 + offset).loadVector(as: Lanes.self)
            a2 = multiplyAdd(x, p2, a2)
            b2 = multiplyAdd(y, p2, b2)
            let p3 = (rows.3 + offset).loadVector(as: Lanes.self)
            a3 = multiplyAdd(x, p3, a3)
            b3 = multiplyAdd(y, p3, b3)
            let p4 = (rows.4 + offset).loadVector(as: Lanes.self)
            a4 = multiplyAdd(x, p4, a4)
            b4 = multiplyAdd(y, p4, b4)
            let p5 = (rows.5 + offset).loadVector(as: Lanes.self)
            a5 = multiplyAdd(x, p5, a5)
            b5 = multiplyAdd(y, p5, b5)
        }
        lanes[0] = a0
        lanes[1] = a1
        lanes[2] = a2
        lanes[3] = a3
        lanes[4] = a4
        lanes[5] = a5
        row1[0] = b0
        row1[1] = b1
        row1[2] = b2
        row1[3] = b3
        row1[4] = b4
        row1[5] = b5
    }

    /// 1 output channel × 6 taps, 6 accumulators (the same sums as `block`'s rows).
    @inline(__always)
    func rowBlock(vectors: Int, g0: UnsafePointer<T>, rows: SixRows, lanes: UnsafeMutablePointer<Lanes>) {
        var a0 = lanes[0], a1 = lanes[1], a2 = lanes[2], a3 = lanes[3], a4 = lanes[4], a5 = lanes[5]
        for v in 0..<vectors {
            let offset = v &* Lanes.scalarCount
            let x = (g0 + offset).loadVector(as: Lanes.self)
            a0 = multiplyAdd(x, (rows.0 + offset).loadVector(as: Lanes.self), a0)
            a1 = multiplyAdd(x, (rows.1 + offset).loadVector(as: Lanes.self), a1)
            a2 = multiplyAdd(x, (rows.2 + offset).loadVector(as: Lanes.self), a2)
            a3 = multiplyAdd(x, (rows.3 + offset).loadVector(as: Lanes.self), a3)
            a4 = multiplyAdd(x, (rows.4 + offset).loadVector(as: Lanes.self), a4)
            a5 = multiplyAdd(x, (rows.5 + offset).loadVector(as: Lanes.self), a5)
        }
        lanes[0] = a0
        lanes[1] = a1
        lanes[2] = a2
        lanes[3] = a3
        lanes[4] = a4
        lanes[5] = a5
    }

    // MARK: - The fixed-order pieces

    @inline(__always)
    static func dot(vectors: Int, _ x: UnsafePointer<T>, _ y: UnsafePointer<T>, into start: Lanes) -> Lanes {
        var sum = start
        for v in 0..<vectors {
            let offset = v &* Lanes.scalarCount
            sum = multiplyAdd((x + offset).loadVector(as: Lanes.self), (y + offset).loadVector(as: Lanes.self), sum)
        }
        return sum
    }

    @inline(__always)
    static func laneSum(_ lanes: Lanes) -> T {
        var total: T = 0
        for lane in 0..<Lanes.scalarCount { total += lanes[lane] }
        return total
    }

}
