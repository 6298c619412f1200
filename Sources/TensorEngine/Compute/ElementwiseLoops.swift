/// The inner loops of every elementwise op.
///
/// Each function is `@inline(__always)` and generic, so a call site with a
/// closure literal and concrete element types compiles to a specialised loop
/// with the closure inlined; the unit-stride and broadcast-scalar cases get
/// their own loops so the compiler can vectorise them.
enum ElementwiseLoops {
    /// `output[i] = transform(input[i])` over a layout of (output, input).
    @inline(__always)
    static func map<A, R>(
        _ layout: StridedLayout, output: UnsafeMutablePointer<R>, input: UnsafePointer<A>,
        _ transform: (A) -> R
    ) {
        let length = layout.rowLength
        let outStride = layout.rowStride(0)
        let inStride = layout.rowStride(1)
        layout.forEachRow { offsets in
            let out = output + offsets[0]
            let a = input + offsets[1]
            if outStride == 1 && inStride == 1 {
                for i in 0..<length { out[i] = transform(a[i]) }
            } else if outStride == 1 && inStride == 0 {
                let value = transform(a[0])
                for i in 0..<length { out[i] = value }
            } else {
                for i in 0..<length { out[i &* outStride] = transform(a[i &* inStride]) }
            }
        }
    }

    /// `output[i] = combine(a[i], b[i])` over a layout of (output, a, b).
    @inline(__always)
    static func map<A, B, R>(
        _ layout: StridedLayout, output: UnsafeMutablePointer<R>, _ first: UnsafePointer<A>,
        _ second: UnsafePointer<B>, _ combine: (A, B) -> R
    ) {
        let length = layout.rowLength
        let outStride = layout.rowStride(0)
        let strideA = layout.rowStride(1)
        let strideB = layout.rowStride(2)
        layout.forEachRow { offsets in
            let out = output + offsets[0]
            let a = first + offsets[1]
            let b = second + offsets[2]
            if outStride == 1 && strideA == 1 && strideB == 1 {
                for i in 0..<length { out[i] = combine(a[i], b[i]) }
            } else if outStride == 1 && strideA == 1 && strideB == 0 {
                let right = b[0]
                for i in 0..<length { out[i] = combine(a[i], right) }
            } else if outStride == 1 && strideA == 0 && strideB == 1 {
                let left = a[0]
                for i in 0..<length { out[i] = combine(left, b[i]) }
            } else {
                for i in 0..<length { out[i &* outStride] = combine(a[i &* strideA], b[i &* strideB]) }
            }
        }
    }

    /// `output[i] = combine(a[i], b[i], c[i])` over a layout of (output, a, b, c).
    @inline(__always)
    static func map<A, B, C, R>(
        _ layout: StridedLayout, output: UnsafeMutablePointer<R>, _ first: UnsafePointer<A>,
        _ second: UnsafePointer<B>, _ third: UnsafePointer<C>, _ combine: (A, B, C) -> R
    ) {
        let length = layout.rowLength
        let outStride = layout.rowStride(0)
        let strideA = layout.rowStride(1)
        let strideB = layout.rowStride(2)
        let strideC = layout.rowStride(3)
        layout.forEachRow { offsets in
            let out = output + offsets[0]
            let a = first + offsets[1]
            let b = second + offsets[2]
            let c = third + offsets[3]
            if outStride == 1 && strideA == 1 && strideB == 1 && strideC == 1 {
                for i in 0..<length { out[i] = combine(a[i], b[i], c[i]) }
            } else {
                for i in 0..<length {
                    out[i &* outStride] = combine(a[i &* strideA], b[i &* strideB], c[i &* strideC])
                }
            }
        }
    }

    /// Calls `visit` with every element of a strided operand, in row-major order.
    @inline(__always)
    static func forEach<A>(_ layout: StridedLayout, _ input: UnsafePointer<A>, _ visit: (A) -> Void) {
        let length = layout.rowLength
        let inStride = layout.rowStride(0)
        layout.forEachRow { offsets in
            let a = input + offsets[0]
            for i in 0..<length { visit(a[i &* inStride]) }
        }
    }
}
