import Testing

@testable import TensorEngine

@Suite("Reductions")
struct ReductionTests {
    let x: Tensor

    init() throws { x = try Tensor.arange(12.0).reshaped([3, 4]) }

    @Test func sums() throws {
        expectValues(try x.sum(), shape: [], [66])
        expectValues(try x.sum(dimension: 0), shape: [4], [12, 15, 18, 21])
        expectValues(try x.sum(dimension: 1), shape: [3], [6, 22, 38])
        expectValues(try x.sum(dimension: -1, keepDim: true), shape: [3, 1], [6, 22, 38])
        #expect(try x.sum(dimension: 0, keepDim: true).shape == [1, 4])
        let cube = try Tensor.arange(24.0).reshaped([2, 3, 4])
        expectValues(try cube.sum(dimensions: [0, 2]), shape: [3], [60, 92, 124])
        expectValues(try cube.sum(dimension: -1), shape: [2, 3], [6, 22, 38, 54, 70, 86])
        // A non-contiguous input, reduced over its inner dimension.
        expectValues(try x.transposed().sum(dimension: 1), shape: [4], [12, 15, 18, 21])
        expectError("RuntimeError: dim 0 appears multiple times in the list of dims") {
            _ = try x.sum(dimensions: [0, -2])
        }
    }

    @Test func integerAndBoolSumsAreInt64() throws {
        let i = try t([[1, 2], [3, 4]], .int32)
        #expect(try i.sum().dtype == .int64)
        #expect(try i.sum(dimension: 0).integers() == [4, 6])
        let b = try t([[true, false], [true, true]])
        #expect(try b.sum().integers() == [3])
        #expect(try b.sum(dimension: 1).integers() == [1, 2])
    }

    @Test func means() throws {
        expectValues(try x.mean(), shape: [], [5.5])
        expectValues(try x.mean(dimension: 0), shape: [4], [4, 5, 6, 7])
        expectValues(try x.mean(dimension: 1, keepDim: true), shape: [3, 1], [1.5, 5.5, 9.5])
        expectError(
            "NotImplementedError: mean(): could not infer output dtype. Input dtype must be either a floating point "
                + "or complex dtype. Got: Long"
        ) { _ = try t([1, 2]).mean() }
    }

    @Test func float32SumsArePairwiseAccurate() throws {
        // 2^24 + many small values: a naive float32 running sum loses them all.
        let count = 1 << 20
        let values = try Tensor.full([count], value: .float(0.1))
        let total = try values.sum().item().doubleValue
        #expect(abs(total - Double(count) * Double(Float(0.1))) < 1.0)
        let strided = try Tensor.full([count, 2], value: .float(0.1)).sum(dimension: 0).doubles()
        #expect(strided.allSatisfy { abs($0 - Double(count) * Double(Float(0.1))) < 1.0 })
    }

    @Test func maxMinAndArgmax() throws {
        let y = try t([[3.0, -1.0, 7.0], [7.0, 0.5, -2.0]])
        expectValues(try y.max(), shape: [], [7])
        expectValues(try y.min(), shape: [], [-2])
        let (values, indices) = try y.max(dimension: 1)
        expectValues(values, shape: [2], [7, 7])
        #expect(indices.integers() == [2, 0] && indices.dtype == .int64)
        let (minimums, positions) = try y.min(dimension: 0, keepDim: true)
        expectValues(minimums, shape: [1, 3], [3, -1, -2])
        #expect(positions.integers() == [0, 0, 1])
        #expect(try y.argmax().integers() == [2])
        #expect(try y.argmax(dimension: 0).integers() == [1, 1, 0])
        #expect(try y.argmin(dimension: 1).integers() == [1, 2])
        #expect(try t([2.0, 5.0, 5.0, 1.0]).argmax().integers() == [1])
        let withNaN = try t([1.0, .scalar(.float(.nan)), 3.0])
        #expect(try withNaN.max().item().doubleValue.isNaN)
        #expect(try withNaN.argmax().integers() == [1])
        #expect(try t([true, false]).max().booleans() == [true])
    }

    @Test func productsAllAny() throws {
        let p = try t([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
        expectValues(try p.product(), shape: [], [720])
        expectValues(try p.product(dimension: 0), shape: [3], [4, 10, 18])
        expectValues(try p.product(dimension: 1, keepDim: true), shape: [2, 1], [6, 120])
        #expect(try t([2, 3, 4]).product().integers() == [24])
        let b = try t([[true, false], [true, true]])
        #expect(try b.all().booleans() == [false])
        #expect(try b.any(dimension: 0).booleans() == [true, true])
        #expect(try b.all(dimension: 1).booleans() == [false, true])
    }

    @Test func emptyReductions() throws {
        expectValues(try Tensor.zeros([0]).sum(), shape: [], [0])
        expectValues(try Tensor.zeros([0, 3]).sum(dimension: 0), shape: [3], [0, 0, 0])
        #expect(try Tensor.zeros([0]).product().doubles() == [1])
        expectError(
            "RuntimeError: max(): Expected reduction dim to be specified for input.numel() == 0. Specify the "
                + "reduction dim with the 'dim' argument."
        ) { _ = try Tensor.zeros([0]).max() }
        expectError("IndexError: max(): Expected reduction dim 0 to have non-zero size.") {
            _ = try Tensor.zeros([0, 3]).max(dimension: 0)
        }
    }

    @Test func norms() throws {
        let v = try t([3.0, -4.0])
        expectValues(try v.norm(), shape: [], [5])
        expectValues(try v.norm(p: 1), shape: [], [7])
        expectValues(try v.norm(p: .infinity), shape: [], [4])
        expectValues(try t([[3.0, 4.0], [6.0, 8.0]]).norm(dimensions: [1]), shape: [2], [5, 10])
        expectError("RuntimeError: linalg.vector_norm: Expected a floating point or complex tensor as input. Got Long") {
            _ = try t([1, 2]).norm()
        }
    }
}
