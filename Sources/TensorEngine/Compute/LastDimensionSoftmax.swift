import Foundation

/// PyTorch's float32 softmax and log-softmax over the last, contiguous
/// dimension (`_vec_softmax_lastdim`, `_vec_log_softmax_lastdim`), step for
/// step: SLEEF's vector `exp`, sums accumulated in eight lanes and folded by
/// AVX2's horizontal shuffles, and a reciprocal multiply for softmax — so that
/// a classifier's loss prints the digits PyTorch prints.
enum LastDimensionSoftmax {
    typealias Vector = SIMD8<Float>

    /// Softmax or log-softmax of `rows` rows of `length` contiguous floats.
    static func run(
        _ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, rows: Int, length: Int, logarithm: Bool
    ) {
        guard length > 0 else { return }
        for row in 0..<rows {
            let x = input + row * length
            let y = output + row * length
            let maximum = maximumOf(x, length)
            if logarithm {
                let total = reduceSum(x, length) { VectorExponential.exp($0 - Vector(repeating: maximum)) }
                let logTotal = Foundation.log(total)
                for index in 0..<length { y[index] = x[index] - maximum - logTotal }
            } else {
                map(x, y, length) { VectorExponential.exp($0 - Vector(repeating: maximum)) }
                let reciprocal = 1 / reduceSum(UnsafePointer(y), length) { $0 }
                for index in 0..<length { y[index] = y[index] * reciprocal }
            }
        }
    }

    /// The largest element; NaN wins, as `vec::maximum` propagates it.
    private static func maximumOf(_ x: UnsafePointer<Float>, _ length: Int) -> Float {
        var result = x[0]
        for index in 1..<Swift.max(length, 1) where x[index] > result || x[index].isNaN {
            result = x[index]
            if result.isNaN { break }
        }
        return result
    }

    /// `vec::map`: whole vectors, the tail as one zero-padded vector.
    @inline(__always)
    private static func map(
        _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ length: Int, _ transform: (Vector) -> Vector
    ) {
        var index = 0
        while index + 8 <= length {
            let result = transform(load(x + index, count: 8))
            for lane in 0..<8 { y[index + lane] = result[lane] }
            index += 8
        }
        if index < length {
            let result = transform(load(x + index, count: length - index))
            for lane in 0..<(length - index) { y[index + lane] = result[lane] }
        }
    }

    /// `vec::map_reduce_all` with `+`: lane-wise accumulation over whole
    /// vectors (the tail merged into its first lanes), then AVX2's horizontal
    /// fold; below one vector, lanes are added left to right.
    @inline(__always)
    private static func reduceSum(_ x: UnsafePointer<Float>, _ length: Int, _ transform: (Vector) -> Vector) -> Float {
        if length < 8 {
            let lanes = transform(load(x, count: length))
            var total = lanes[0]
            for lane in 1..<Swift.max(length, 1) { total = total + lanes[lane] }
            return total
        }
        var accumulator = transform(load(x, count: 8))
        var index = 8
        let end = length - length % 8
        while index < end {
            accumulator = accumulator + transform(load(x + index, count: 8))
            index += 8
        }
        if index < length {
            let tail = length - index
            let merged = accumulator + transform(load(x + index, count: tail))
            for lane in 0..<tail { accumulator[lane] = merged[lane] }
        }
        // _mm256_permute2f128_ps, then the 64- and 32-bit shuffles.
        let (f0, f1) = (accumulator[0] + accumulator[4], accumulator[1] + accumulator[5])
        let (f2, f3) = (accumulator[2] + accumulator[6], accumulator[3] + accumulator[7])
        return (f0 + f2) + (f1 + f3)
    }

    /// `Vectorized::loadu(ptr, count)`: missing lanes are zero.
    @inline(__always)
    private static func load(_ x: UnsafePointer<Float>, count: Int) -> Vector {
        var vector = Vector()
        for lane in 0..<count { vector[lane] = x[lane] }
        return vector
    }
}
