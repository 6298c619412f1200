import Testing

@testable import TensorEngine

extension Pool2dGeometry {
    /// A compact initializer for tests: square planes unless `width` is given.
    init(
        planes: Int = 1, _ height: Int, _ width: Int? = nil, kernel: (Int, Int),
        stride: (Int, Int)? = nil, pad: (Int, Int) = (0, 0), ceil: Bool = false
    ) {
        self.init(
            planes: planes, inHeight: height, inWidth: width ?? height,
            kernelHeight: kernel.0, kernelWidth: kernel.1,
            strideY: (stride ?? kernel).0, strideX: (stride ?? kernel).1,
            padY: pad.0, padX: pad.1, ceilMode: ceil)
    }
}

let poolingCases: [Pool2dGeometry] = [
    Pool2dGeometry(planes: 3, 4, kernel: (2, 2)),
    Pool2dGeometry(planes: 2, 5, 7, kernel: (2, 2)),  // 2×2 blocks with a row and a column left over
    Pool2dGeometry(planes: 2, 4, kernel: (3, 3), stride: (2, 2), pad: (1, 1)),
    Pool2dGeometry(planes: 1, 4, kernel: (2, 3), stride: (2, 3), pad: (0, 1)),
    Pool2dGeometry(planes: 2, 5, kernel: (2, 2), ceil: true),
    Pool2dGeometry(planes: 2, 7, 6, kernel: (3, 2), stride: (2, 1), pad: (1, 1), ceil: true),
    Pool2dGeometry(planes: 1, 4, kernel: (2, 2), stride: (3, 3), pad: (1, 1), ceil: true),
    Pool2dGeometry(planes: 4, 9, 11, kernel: (3, 3), stride: (1, 1)),
    Pool2dGeometry(planes: 2, 1, kernel: (1, 1)),
]

@Suite("Pooling kernels")
struct PoolingTests {
    static let grid4 = (0..<16).map(Float.init)
    static let grid5 = (0..<25).map(Float.init)

    // MARK: - pooling.md

    @Test("pooling.md: max pooling of arange(16) and arange(25)")
    func documentedMax() {
        #expect(PoolingRunner.maxForward(Pool2dGeometry(4, kernel: (3, 3)), Self.grid4).values == [10])
        #expect(
            PoolingRunner.maxForward(Pool2dGeometry(4, kernel: (3, 3), stride: (2, 2), pad: (1, 1)), Self.grid4).values
                == [5, 7, 13, 15])
        #expect(
            PoolingRunner.maxForward(Pool2dGeometry(4, kernel: (2, 3), pad: (0, 1)), Self.grid4).values == [5, 7, 13, 15])
        #expect(PoolingRunner.maxForward(Pool2dGeometry(5, kernel: (2, 2)), Self.grid5).values == [6, 8, 16, 18])
        #expect(
            PoolingRunner.maxForward(Pool2dGeometry(5, kernel: (2, 2), ceil: true), Self.grid5).values
                == [6, 8, 9, 16, 18, 19, 21, 23, 24])
        #expect(
            PoolingRunner.maxForward(Pool2dGeometry(5, kernel: (3, 3), stride: (2, 2)), Self.grid5).values
                == [12, 14, 22, 24])
    }

    @Test("pooling.md: average pooling, with and without padded zeros in the divisor")
    func documentedAverage() {
        #expect(PoolingRunner.averageForward(Pool2dGeometry(4, kernel: (2, 2)), Self.grid4) == [2.5, 4.5, 10.5, 12.5])
        let strideOne: [Float] = [2.5, 3.5, 4.5, 6.5, 7.5, 8.5, 10.5, 11.5, 12.5]
        #expect(PoolingRunner.averageForward(Pool2dGeometry(4, kernel: (2, 2), stride: (1, 1)), Self.grid4) == strideOne)
        let padded = Pool2dGeometry(4, kernel: (3, 3), stride: (2, 2), pad: (1, 1))
        let includingPad: [Float] = [10 / 9, 24 / 9, 51 / 9, 10]  // printed as 1.1111, 2.6667, 5.6667, 10.0000
        #expect(PoolingRunner.averageForward(padded, Self.grid4) == includingPad)
        #expect(PoolingRunner.averageForward(padded, Self.grid4, countIncludePad: false) == [2.5, 4, 8.5, 10])
        #expect(PoolingRunner.averageForward(Pool2dGeometry(5, kernel: (2, 2), stride: (3, 3)), Self.grid5) == [3, 6, 18, 21])
        // ceil mode: the corner window holds only pixel 24 and divides by 1.
        #expect(PoolingRunner.averageForward(Pool2dGeometry(5, kernel: (2, 2), ceil: true), Self.grid5).last == 24)
    }

    @Test("autograd.md: max pooling sends each gradient to its window's first maximum")
    func documentedMaxGradients() {
        let xp: [Float] = [1, 3, 2, 0, 4, 0.5, 1, 6, 0, 2, 5, 1, 3, 1, 0, 2]
        let g = Pool2dGeometry(4, kernel: (2, 2))
        let forward = PoolingRunner.maxForward(g, xp)
        #expect(
            PoolingRunner.maxBackward(g, [Float](repeating: 1, count: 4), forward.argmax)
                == [0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0])
        let overlapping = Pool2dGeometry(3, kernel: (2, 2), stride: (1, 1))
        let xo: [Float] = [1, 2, 1, 2, 9, 2, 1, 2, 1]
        let shared = PoolingRunner.maxForward(overlapping, xo)
        #expect(PoolingRunner.maxBackward(overlapping, [1, 1, 1, 1], shared.argmax) == [0, 0, 0, 0, 4, 0, 0, 0, 0])
        let ties = PoolingRunner.maxForward(overlapping, [Float](repeating: 1, count: 9))
        #expect(ties.argmax == [0, 1, 3, 4])
        #expect(PoolingRunner.maxBackward(overlapping, [1, 1, 1, 1], ties.argmax) == [1, 1, 0, 1, 1, 0, 0, 0, 0])
    }

    @Test("autograd.md: average pooling spreads the gradient evenly")
    func documentedAverageGradient() {
        let g = Pool2dGeometry(4, kernel: (2, 2))
        #expect(PoolingRunner.averageBackward(g, [Float](repeating: 1, count: 4)) == [Float](repeating: 0.25, count: 16))
    }

    // MARK: - NaN and infinities

    @Test("NaN propagates and takes the index; all -inf windows keep their first pixel")
    func nanAndInfinity() {
        let g = Pool2dGeometry(2, kernel: (2, 2))
        let withNaN = PoolingRunner.maxForward(g, [1, .nan, 5, .nan] as [Float])
        #expect(withNaN.values[0].isNaN)
        #expect(withNaN.argmax == [3])  // each NaN replaces the maximum: the last one wins
        let infinite = PoolingRunner.maxForward(g, [Float](repeating: -.infinity, count: 4))
        #expect(infinite.values == [-.infinity])
        #expect(infinite.argmax == [0])
        #expect(PoolingRunner.averageForward(g, [1, .nan, 5, 3] as [Float])[0].isNaN)
    }

    @Test("NaN and ties in general windows (four computed side by side)")
    func nanInGeneralWindows() {
        // One row of 9 pixels, windows of 3 with stride 1: 7 outputs, the first
        // four computed together. Pixel 3 is NaN, pixel 5 is NaN, pixels 7, 8 tie.
        let g = Pool2dGeometry(1, 9, kernel: (1, 3), stride: (1, 1))
        let input: [Float] = [1, 5, 2, .nan, 0, .nan, 3, 9, 9]
        let result = PoolingRunner.maxForward(g, input)
        #expect(result.values[0] == 5 && result.argmax[0] == 1)
        for window in 1...5 {
            #expect(result.values[window].isNaN, "window \(window)")
        }
        // Windows 3 and 4 hold both NaNs: the later one (index 5) wins.
        #expect(result.argmax[1...5] == [3, 3, 5, 5, 5])
        #expect(result.values[6] == 9 && result.argmax[6] == 7)  // a tie keeps the first
    }

    // MARK: - Against the reference

    @Test("Forward passes match the reference", arguments: poolingCases)
    func forwardMatchesReference(_ g: Pool2dGeometry) {
        let input: [Double] = randomValues(g.inputCount, seed: 41)
        let max = PoolingRunner.maxForward(g, input)
        let reference = PoolingReference.max(g, input)
        #expect(max.values == reference.values)
        #expect(max.argmax.map(Int.init) == reference.argmax)
        for include in [true, false] {
            let average = PoolingRunner.averageForward(g, input, countIncludePad: include)
            let expected = PoolingReference.average(g, input, countIncludePad: include)
            expectClose(
                average, expected, bounds: expected.map { _ in 1.0 }, tolerance: 1e-14, "include=\(include) \(g)")
        }
        let floats = input.map(Float.init)
        #expect(PoolingRunner.maxForward(g, floats).values == reference.values.map(Float.init))
    }

    @Test("Backward passes agree with central finite differences (Double)", arguments: poolingCases)
    func finiteDifferences(_ g: Pool2dGeometry) {
        let input: [Double] = randomValues(g.inputCount, seed: 42)
        let projection: [Double] = randomValues(g.outputCount, seed: 43)
        let h = 1e-7  // far below the gap between distinct random values: no window changes its maximum
        for include in [true, false] {
            func loss(_ kind: Int, _ input: [Double]) -> Double {
                let output =
                    kind == 0
                    ? PoolingRunner.maxForward(g, input).values
                    : PoolingRunner.averageForward(g, input, countIncludePad: include)
                return zip(output, projection).reduce(0) { $0 + $1.0 * $1.1 }
            }
            for kind in 0..<2 {
                let analytic =
                    kind == 0
                    ? PoolingRunner.maxBackward(g, projection, PoolingRunner.maxForward(g, input).argmax)
                    : PoolingRunner.averageBackward(g, projection, countIncludePad: include)
                var perturbed = input
                let numeric = input.indices.map { index in
                    perturbed[index] = input[index] + h
                    let up = loss(kind, perturbed)
                    perturbed[index] = input[index] - h
                    let down = loss(kind, perturbed)
                    perturbed[index] = input[index]
                    return (up - down) / (2 * h)
                }
                expectClose(
                    analytic, numeric, bounds: numeric.map { _ in Double(g.outputCount) }, tolerance: 1e-7,
                    "kind=\(kind) include=\(include) \(g)")
            }
        }
    }

    @Test("Bitwise identical for 1, 2, 3 and 7 threads")
    func deterministic() {
        let g = Pool2dGeometry(planes: 64, 28, kernel: (3, 3), stride: (2, 2), pad: (1, 1), ceil: true)
        #expect(g.outputCount * 9 >= Pooling.parallelLimit)  // large enough to be split
        let input: [Float] = randomValues(g.inputCount, seed: 44)
        let gradOutput: [Float] = randomValues(g.outputCount, seed: 45)
        let results = resultsForThreadCounts { () -> [[UInt32]] in
            let max = PoolingRunner.maxForward(g, input)
            return [
                bitPatterns(max.values), max.argmax.map { UInt32(bitPattern: $0) },
                bitPatterns(PoolingRunner.maxBackward(g, gradOutput, max.argmax)),
                bitPatterns(PoolingRunner.averageForward(g, input, countIncludePad: false)),
                bitPatterns(PoolingRunner.averageBackward(g, gradOutput)),
            ]
        }
        #expect(results.allSatisfy { $0 == results[0] })
    }
}
