/// PyTorch's CPU floating-point summation order (`cascade_sum` in
/// ATen's SumKernel), reproduced so that sums round exactly as PyTorch's do.
///
/// Float32 values printed to 6 decimals (a training loop's mean loss) differ
/// in the last digit when the additions happen in another order, so the order
/// itself is the contract. Three building blocks, all with `T` accumulators:
/// - `cascade`: one running sum that is pushed up through four levels every
///   16 (or 32) elements — error grows like log n, not n;
/// - `rowSum`: four interleaved `cascade`s (elements i ≡ k mod 4), the tail
///   added to the first, then combined 0+1+2+3;
/// - `innerSum`: a contiguous run read as AVX2 vectors of `lanes`
///   elements: one `rowSum` per lane over whole vectors, then the scalar tail,
///   then the lanes in order.
/// Reductions over a non-innermost dimension follow `vectorized_outer_sum`.
enum CascadeSum {
    /// Elements per 256-bit vector: PyTorch's `Vectorized<T>::size()` with the
    /// AVX2 kernels it dispatches to by default even on AVX-512 machines
    /// (`torch.backends.cpu.get_cpu_capability()` is "AVX2" on this one).
    @inline(__always)
    static func lanes<T: FloatingElement>(_ type: T.Type) -> Int { T.LaneVector.scalarCount }

    /// `utils::CeilLog2`: 1 for x ≤ 2, else ⌈log2 x⌉.
    @inline(__always)
    static func ceilLog2(_ x: Int) -> Int {
        x <= 2 ? 1 : Int.bitWidth - (x - 1).leadingZeroBitCount
    }

    /// `multi_row_sum` for one column: `count` elements `stride` apart.
    static func cascade<T: FloatingElement>(_ elements: UnsafePointer<T>, count: Int, stride: Int) -> T {
        let levelPower = Swift.max(4, ceilLog2(count) / 4)
        let levelStep = 1 << levelPower
        let levelMask = levelStep - 1
        var (a0, a1, a2, a3): (T, T, T, T) = (0, 0, 0, 0)
        var i = 0
        while i + levelStep <= count {
            for _ in 0..<levelStep {
                a0 += elements[i * stride]
                i += 1
            }
            a1 += a0
            a0 = 0
            if i & (levelMask << levelPower) != 0 { continue }
            a2 += a1
            a1 = 0
            if i & (levelMask << (2 * levelPower)) != 0 { continue }
            a3 += a2
            a2 = 0
        }
        while i < count {
            a0 += elements[i * stride]
            i += 1
        }
        a0 += a1
        a0 += a2
        a0 += a3
        return a0
    }

    /// `row_sum`: four interleaved cascades, the tail, then 0+1+2+3.
    static func rowSum<T: FloatingElement>(_ elements: UnsafePointer<T>, count: Int, stride: Int) -> T {
        let rows = count / 4
        var p0 = cascade(elements, count: rows, stride: 4 * stride)
        let p1 = cascade(elements + stride, count: rows, stride: 4 * stride)
        let p2 = cascade(elements + 2 * stride, count: rows, stride: 4 * stride)
        let p3 = cascade(elements + 3 * stride, count: rows, stride: 4 * stride)
        for i in (rows * 4)..<Swift.max(count, rows * 4) { p0 += elements[i * stride] }
        p0 += p1
        p0 += p2
        p0 += p3
        return p0
    }

    /// `vectorized_inner_sum` for one contiguous run (or `rowSum` when the run
    /// is shorter than a vector, as PyTorch's dispatch does).
    static func innerSum<T: FloatingElement>(_ elements: UnsafePointer<T>, count: Int) -> T {
        let width = lanes(T.self)
        guard count >= width else { return rowSum(elements, count: count, stride: 1) }
        let vectors = count / width
        // One rowSum per lane, all lanes at once: SIMD adds are lane-wise,
        // so this rounds exactly like the scalar form.
        let perLane: T.LaneVector = rowSum(vectorsAt: elements, count: vectors, stride: width)
        var total: T = 0
        for i in (vectors * width)..<count { total += elements[i] }
        for lane in 0..<width { total += perLane[lane] }
        return total
    }

    // MARK: - Lane-parallel forms

    /// `cascade` for every lane of `V` at once: element `i` of the run is the
    /// vector starting `i · stride` elements after `elements`.
    @inline(__always)
    static func cascade<V: SIMD>(vectorsAt elements: UnsafePointer<V.Scalar>, count: Int, stride: Int) -> V
    where V.Scalar: FloatingPoint {
        let raw = UnsafeRawPointer(elements)
        let step = stride * MemoryLayout<V.Scalar>.stride
        let levelPower = Swift.max(4, ceilLog2(count) / 4)
        let levelStep = 1 << levelPower
        let levelMask = levelStep - 1
        var (a0, a1, a2, a3) = (V(), V(), V(), V())
        var i = 0
        while i + levelStep <= count {
            for _ in 0..<levelStep {
                a0 += raw.loadUnaligned(fromByteOffset: i * step, as: V.self)
                i += 1
            }
            a1 += a0
            a0 = V()
            if i & (levelMask << levelPower) != 0 { continue }
            a2 += a1
            a1 = V()
            if i & (levelMask << (2 * levelPower)) != 0 { continue }
            a3 += a2
            a2 = V()
        }
        while i < count {
            a0 += raw.loadUnaligned(fromByteOffset: i * step, as: V.self)
            i += 1
        }
        a0 += a1
        a0 += a2
        a0 += a3
        return a0
    }

    /// `rowSum` for every lane of `V` at once.
    @inline(__always)
    static func rowSum<V: SIMD>(vectorsAt elements: UnsafePointer<V.Scalar>, count: Int, stride: Int) -> V
    where V.Scalar: FloatingPoint {
        let rows = count / 4
        var p0: V = cascade(vectorsAt: elements, count: rows, stride: 4 * stride)
        let p1: V = cascade(vectorsAt: elements + stride, count: rows, stride: 4 * stride)
        let p2: V = cascade(vectorsAt: elements + 2 * stride, count: rows, stride: 4 * stride)
        let p3: V = cascade(vectorsAt: elements + 3 * stride, count: rows, stride: 4 * stride)
        let raw = UnsafeRawPointer(elements)
        for i in (rows * 4)..<Swift.max(count, rows * 4) {
            p0 += raw.loadUnaligned(fromByteOffset: i * stride * MemoryLayout<V.Scalar>.stride, as: V.self)
        }
        p0 += p1
        p0 += p2
        p0 += p3
        return p0
    }

    /// Adds the column sums of one contiguous row of `columns` outputs — the
    /// outer-reduction scheme for each column — into `output`.
    ///
    /// `elements` is the first reduced element of column 0; reduced elements
    /// are `stride` apart. Blocks of four vectors use `cascade`, single
    /// vectors and scalar columns `rowSum`, as `vectorized_outer_sum` does.
    static func addOuterSums<T: FloatingElement>(
        _ elements: UnsafePointer<T>, count: Int, stride: Int, columns: Int, into output: UnsafeMutablePointer<T>
    ) {
        let width = lanes(T.self)
        let block = 4 * width
        var column = 0
        if columns >= width {
            while column + block <= columns {
                // Four vectors' columns, one vector at a time (wider SIMD
                // types compile to slow generic code).
                for part in Swift.stride(from: 0, to: block, by: width) {
                    let sums: T.LaneVector = cascade(vectorsAt: elements + column + part, count: count, stride: stride)
                    for lane in 0..<width { output[column + part + lane] += sums[lane] }
                }
                column += block
            }
            while column + width <= columns {
                let sums: T.LaneVector = rowSum(vectorsAt: elements + column, count: count, stride: stride)
                for lane in 0..<width { output[column + lane] += sums[lane] }
                column += width
            }
        } else {
            while column + 4 <= columns {
                for lane in 0..<4 { output[column + lane] += cascade(elements + column + lane, count: count, stride: stride) }
                column += 4
            }
        }
        while column < columns {
            output[column] += rowSum(elements + column, count: count, stride: stride)
            column += 1
        }
    }
}
