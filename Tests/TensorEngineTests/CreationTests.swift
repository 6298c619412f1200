import Testing

@testable import TensorEngine

@Suite("Creation")
struct CreationTests {
    // MARK: - torch.tensor

    @Test("dtype inference: bool < int64 < float32", arguments: [
        (TensorLiteral.list([1, 2, 3]), DType.int64),
        ([[1, 2.5], [3, 4]] as TensorLiteral, .float32),
        ([true, false, true] as TensorLiteral, .bool),
        ([true, 2, 3] as TensorLiteral, .int64),
        ([true, 2.5] as TensorLiteral, .float32),
        (5 as TensorLiteral, .int64),
        (.list([]), .float32),
    ])
    func inference(literal: TensorLiteral, dtype: DType) throws {
        #expect(try t(literal).dtype == dtype)
    }

    @Test func nestedListsGiveTheShape() throws {
        #expect(try t([[[1.0], [2.0]], [[3.0], [4.0]]]).shape == [2, 2, 1])
        let scalar = try t(5)
        #expect(scalar.shape == [] && scalar.rank == 0 && scalar.count == 1)
        #expect(try t(.list([])).shape == [0])
    }

    @Test func explicitDTypeConverts() throws {
        expectValues(try t([1.7, -1.7], .int64), shape: [2], [1, -1])
        #expect(try t([0, 3], .bool).booleans() == [false, true])
        #expect(try t([1, 2], .float32).dtype == .float32)
    }

    @Test func oneElementTensorsCountAsNumbersOfTheirDType() throws {
        let element = Tensor(.float(2.5), dtype: .float64)
        let result = try t(.list([.tensor(element), 1]))
        #expect(result.dtype == .float64)
        expectValues(result, shape: [2], [2.5, 1])
    }

    @Test func raggedListsAreValueErrors() {
        expectError("ValueError: expected sequence of length 2 at dim 1 (got 1)") { _ = try t([[1, 2], [3]]) }
        expectError("TypeError: not a sequence") { _ = try t([[1, 2], 3]) }
    }

    // MARK: - Fills

    @Test func zerosOnesFull() throws {
        expectValues(try Tensor.zeros([2, 3]), shape: [2, 3], [0, 0, 0, 0, 0, 0])
        #expect(try Tensor.zeros([2, 2], dtype: .int64).dtype == .int64)
        expectValues(try Tensor.ones([3]), shape: [3], [1, 1, 1])
        #expect(try Tensor.full([2], value: 7).dtype == .int64)
        #expect(try Tensor.full([2], value: 7.0).dtype == .float32)
        #expect(try Tensor.full([2, 2], value: true).booleans() == [true, true, true, true])
        expectValues(try Tensor.full([1, 3], value: 2, dtype: .float32), shape: [1, 3], [2, 2, 2])
    }

    @Test func likeFactoriesKeepShapeAndDType() throws {
        let a = try Tensor.arange(6).reshaped([2, 3])
        let zeros = try Tensor.zerosLike(a)
        #expect(zeros.shape == [2, 3] && zeros.dtype == .int64)
        let ones = try Tensor.onesLike(a, dtype: .float32)
        #expect(ones.dtype == .float32)
        expectValues(ones, shape: [2, 3], [1, 1, 1, 1, 1, 1])
    }

    @Test func negativeAndHugeShapesAreErrors() {
        expectError("RuntimeError: Trying to create tensor with negative dimension -1: [-1, 2]") {
            _ = try Tensor.zeros([-1, 2])
        }
        #expect(throws: TensorError.self) { _ = try Tensor.zeros([1 << 40, 1 << 30]) }
    }

    // MARK: - Ranges

    @Test func arangeWithOneTwoAndThreeArguments() throws {
        expectValues(try Tensor.arange(5), shape: [5], [0, 1, 2, 3, 4])
        expectValues(try Tensor.arange(start: 2, end: 8), shape: [6], [2, 3, 4, 5, 6, 7])
        expectValues(try Tensor.arange(start: 10, end: 0, step: -3), shape: [4], [10, 7, 4, 1])
        let quarters = try Tensor.arange(start: 0, end: 1, step: 0.25)
        #expect(quarters.dtype == .float32)
        expectValues(quarters, shape: [4], [0, 0.25, 0.5, 0.75])
        #expect(try Tensor.arange(4.0).dtype == .float32)
        #expect(try Tensor.arange(6, dtype: .float32).dtype == .float32)
        expectValues(try Tensor.arange(start: 1, end: 2.5, step: 0.5), shape: [3], [1, 1.5, 2])
    }

    @Test func arangeErrors() {
        expectError("RuntimeError: step must be nonzero") { _ = try Tensor.arange(start: 0, end: 5, step: 0) }
        expectError("RuntimeError: upper bound and larger bound inconsistent with step sign") {
            _ = try Tensor.arange(start: 0, end: 5, step: -1)
        }
    }

    @Test func linspaceIncludesBothEnds() throws {
        expectValues(try Tensor.linspace(start: 0, end: 1, steps: 5), shape: [5], [0, 0.25, 0.5, 0.75, 1])
        let thirds = try Tensor.linspace(start: -1, end: 1, steps: 4)
        expectValues(thirds, shape: [4], [-1, -1.0 / 3, 1.0 / 3, 1], tolerance: 1e-7)
        #expect(thirds.doubles()[3] == 1)
        expectValues(try Tensor.linspace(start: 3, end: 9, steps: 1), shape: [1], [3])
    }

    @Test func eyeSquareAndRectangular() throws {
        expectValues(try Tensor.eye(3), shape: [3, 3], [1, 0, 0, 0, 1, 0, 0, 0, 1])
        expectValues(try Tensor.eye(2, 3), shape: [2, 3], [1, 0, 0, 0, 1, 0])
    }

    // MARK: - Conversions

    @Test func conversionsTruncateAndTestNonzero() throws {
        let x = try t([1.9, -1.9, 0.0])
        #expect(try x.to(.int64).integers() == [1, -1, 0])
        #expect(try x.to(.bool).booleans() == [true, true, false])
        #expect(try x.to(.float64).dtype == .float64)
        expectValues(try t([3, 0]).to(.float32), shape: [2], [3, 0])
        #expect(try t([300, -1]).to(.uint8).integers() == [44, 255])
        // NaN and infinities do not trap.
        #expect(try t([.scalar(.float(.nan)), .scalar(.float(.infinity))]).to(.int64).integers() == [Int64.min, Int64.min])
    }

    @Test func float32ValuesReadBackExactly() throws {
        let x = try t([0.1])
        #expect(x.doubles() == [Double(Float(0.1))])
        #expect(try x.item() == .float(Double(Float(0.1))))
    }

    @Test func cloneDoesNotShareStorage() throws {
        let a = try Tensor.arange(6.0).reshaped([2, 3])
        let c = try a.clone()
        try c.setIndex([.integer(0), .integer(0)], value: 100.0)
        expectValues(a, shape: [2, 3], [0, 1, 2, 3, 4, 5])
        expectValues(c, shape: [2, 3], [100, 1, 2, 3, 4, 5])
    }

    @Test func itemNeedsOneElement() throws {
        #expect(try t([[7]]).item() == .int(7))
        expectError("RuntimeError: a Tensor with 2 elements cannot be converted to Scalar") { _ = try t([1, 2]).item() }
    }
}
