import Foundation
import Testing

@testable import TensorEngine

/// Large elementwise passes run on several threads; their results must not
/// depend on the thread count, nor on where the work is split.
@Suite struct ElementwiseThreadingTests {
    /// Not a multiple of 16, so the tensor has a tail that takes the scalar path.
    let count = 3 * ForkJoin.elementwiseParallelLimit + 7

    func tensor(_ values: [Float]) throws -> Tensor {
        let result = try Tensor(uninitializedShape: [values.count], dtype: .float32)
        result.basePointer(as: Float.self).update(from: values, count: values.count)
        return result
    }

    @Test func rangesCoverEverythingOnceWithAlignedBoundaries() {
        for (count, threads) in [(0, 2), (5, 2), (count, 1), (count, 2), (count, 3), (count, 7)] {
            let ranges = KernelThreads.withCount(threads) { () -> [Range<Int>] in
                let lock = NSLock()
                var ranges: [Range<Int>] = []
                ForkJoin.forEachRange(count: count, alignment: 16) { range in
                    lock.withLock { ranges.append(range) }
                }
                return ranges.sorted { $0.lowerBound < $1.lowerBound }
            }
            #expect(ranges.reduce(0) { $0 + $1.count } == count)
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(ranges.allSatisfy { $0.lowerBound % 16 == 0 })
            #expect(ranges.count <= max(1, threads))
        }
    }

    @Test func sigmoidIsTheSameBitsOnAnyThreadCountAsOneUnsplitPass() throws {
        let values = (0..<count).map { Float($0 % 4001) / 100 - 20 }
        var unsplit = [Float](repeating: .nan, count: count)
        values.withUnsafeBufferPointer { VectorExponential.sigmoid($0.baseAddress!, &unsplit, count: count) }
        let input = try tensor(values)
        let results = try resultsForThreadCounts { try input.sigmoid().elements(as: Float.self) }
        #expect(results.allSatisfy { bitPatterns($0) == bitPatterns(unsplit) })
    }

    @Test func sigmoidGradientIsTheSameBitsOnAnyThreadCount() throws {
        let y = try tensor((0..<count).map { Float($0 % 997) / 997 })
        let g = try tensor((0..<count).map { Float($0 % 13) - 6.5 })
        let expected = (0..<count).map { i -> Float in
            let (gi, yi) = (Float(i % 13) - 6.5, Float(i % 997) / 997)
            return gi * (1 - yi) * yi
        }
        let results = try resultsForThreadCounts {
            try FusedKernels.sigmoidBackward(gradient: g, output: y).elements(as: Float.self)
        }
        #expect(results.allSatisfy { bitPatterns($0) == bitPatterns(expected) })
    }
}
