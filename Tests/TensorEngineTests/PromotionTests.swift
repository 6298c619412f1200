import Testing

@testable import TensorEngine

/// How an operand takes part in type promotion.
enum OperandKind: CustomStringConvertible {
    case tensor(DType)  // 1-d tensor
    case zeroDimensional(DType)
    case number(Scalar)  // a Python number

    func make() throws -> Tensor {
        switch self {
        case .tensor(let dtype): try Tensor.ones([2], dtype: dtype)
        case .zeroDimensional(let dtype): Tensor(.int(1), dtype: dtype)
        case .number(let scalar): Tensor.wrapping(scalar)
        }
    }

    var description: String {
        switch self {
        case .tensor(let dtype): "tensor(\(dtype))"
        case .zeroDimensional(let dtype): "0-d(\(dtype))"
        case .number(let scalar): "number(\(scalar))"
        }
    }
}

@Suite("Type promotion")
struct PromotionTests {
    /// Facts about `torch.result_type` (PyTorch 2.x), one per row.
    @Test("addition result dtype", arguments: [
        (OperandKind.tensor(.int64), OperandKind.tensor(.float32), DType.float32),
        (.tensor(.int64), .number(.float(1.5)), .float32),
        (.tensor(.int64), .number(.int(2)), .int64),
        (.tensor(.float32), .tensor(.float64), .float64),
        (.tensor(.float32), .zeroDimensional(.float64), .float32),
        (.tensor(.int64), .zeroDimensional(.float32), .float32),
        (.tensor(.int64), .zeroDimensional(.float64), .float64),
        (.tensor(.bool), .zeroDimensional(.int64), .int64),
        (.tensor(.bool), .tensor(.bool), .bool),
        (.tensor(.bool), .number(.int(1)), .int64),
        (.tensor(.bool), .number(.float(2.5)), .float32),
        (.tensor(.int32), .number(.int(5)), .int32),
        (.tensor(.uint8), .zeroDimensional(.int64), .uint8),
        (.tensor(.int32), .tensor(.int64), .int64),
        (.tensor(.float64), .number(.float(2)), .float64),
        (.zeroDimensional(.int64), .zeroDimensional(.float64), .float64),
        (.zeroDimensional(.int32), .number(.float(0.5)), .float32),
    ])
    func additionResultType(a: OperandKind, b: OperandKind, expected: DType) throws {
        #expect(try a.make().adding(b.make()).dtype == expected)
        #expect(try b.make().adding(a.make()).dtype == expected)
    }

    @Test func divisionIsTrueDivision() throws {
        let quotient = try t([7, -7, 6]).divided(by: t([2, 2, 3]))
        #expect(quotient.dtype == .float32)
        expectValues(quotient, shape: [3], [3.5, -3.5, 2])
        #expect(try t([true]).divided(by: t([true])).dtype == .float32)
    }

    @Test func integerTensorsStayIntegerUnderPlusMinusTimesPow() throws {
        let k = try t([1, 2, 3])
        #expect(try k.adding(.int(1)).integers() == [2, 3, 4])
        #expect(try k.multiplied(by: k).integers() == [1, 4, 9])
        #expect(try k.raised(toPower: .int(2)).integers() == [1, 4, 9])
        #expect(try k.subtracting(.int(5)).integers() == [-4, -3, -2])
        #expect(try k.multiplied(by: .int(2)).dtype == .int64)
        #expect(try k.multiplied(by: .float(2)).dtype == .float32)
        #expect(try k.raised(toPower: .float(0.5)).dtype == .float32)
    }

    @Test func boolArithmetic() throws {
        let b = try t([true, false, true])
        #expect(try b.adding(b).booleans() == [true, false, true])
        #expect(try b.adding(.int(1)).integers() == [2, 1, 2])
        expectValues(try b.multiplied(by: .float(2.5)), shape: [3], [2.5, 0, 2.5])
        let total = try b.sum()
        #expect(total.dtype == .int64 && total.integers() == [2])
        expectError(
            "NotImplementedError: Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or "
                + "`logical_xor()` operator instead."
        ) { _ = try b.subtracting(b) }
        expectError(
            "NotImplementedError: Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert "
                + "a mask, use the `~` or `logical_not()` operator instead."
        ) { _ = try b.negated() }
    }

    @Test func inPlaceResultsMustCastBack() throws {
        let ints = try t([1, 2])
        expectError("RuntimeError: result type Float can't be cast to the desired output type Long") {
            try ints.divide_(.int(2))
        }
        expectError("RuntimeError: result type Float can't be cast to the desired output type Long") {
            try ints.add_(.float(1.5))
        }
        let floats = try t([1.0, 2.0])
        try floats.add_(Tensor.ones([2], dtype: .float64))
        #expect(floats.dtype == .float32)
        expectValues(floats, shape: [2], [2, 3])
    }
}
