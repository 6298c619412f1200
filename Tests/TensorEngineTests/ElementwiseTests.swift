import Foundation
import Testing

@testable import TensorEngine

@Suite("Elementwise operations")
struct ElementwiseTests {
    let x: Tensor
    let y: Tensor

    init() throws {
        x = try t([1.0, 2.0, 4.0, 8.0])
        y = try t([2.0, 2.0, 2.0, 2.0])
    }

    @Test func arithmeticOnEqualShapes() throws {
        expectValues(try x.adding(y), shape: [4], [3, 4, 6, 10])
        expectValues(try x.subtracting(y), shape: [4], [-1, 0, 2, 6])
        expectValues(try x.multiplied(by: y), shape: [4], [2, 4, 8, 16])
        expectValues(try x.divided(by: y), shape: [4], [0.5, 1, 2, 4])
        expectValues(try x.raised(toPower: y), shape: [4], [1, 4, 16, 64])
    }

    @Test func pythonNumbersOnEitherSide() throws {
        expectValues(try x.adding(.int(1)), shape: [4], [2, 3, 5, 9])
        expectValues(try x.subtracted(from: .int(10)), shape: [4], [9, 8, 6, 2])
        expectValues(try x.divided(into: .int(1)), shape: [4], [1, 0.5, 0.25, 0.125])
        expectValues(try x.raised(toPower: .float(0.5)), shape: [4], [1, 2.0.squareRoot(), 2, 8.0.squareRoot()], tolerance: 1e-6)
        expectValues(try x.raising(.int(2)), shape: [4], [2, 4, 16, 256])
    }

    @Test func divisionByZeroGivesInfinityAndNaN() throws {
        let result = try t([1.0, -1.0, 0.0]).divided(by: .int(0)).doubles()
        #expect(result[0] == .infinity && result[1] == -.infinity && result[2].isNaN)
    }

    @Test func floorDivisionAndRemainderFollowPython() throws {
        let a = try t([7, -7, 6])
        #expect(try a.floorDivided(by: .int(2)).integers() == [3, -4, 3])
        #expect(try a.remainder(dividingBy: .int(3)).integers() == [1, 2, 0])
        #expect(try a.remainder(dividingBy: .int(-3)).integers() == [-2, -1, 0])
        expectValues(try t([7.5, -7.5]).floorDivided(by: .int(2)), shape: [2], [3, -4])
        expectValues(try t([7.5, -7.5]).remainder(dividingBy: .int(2)), shape: [2], [1.5, 0.5])
        expectError("RuntimeError: ZeroDivisionError") { _ = try a.floorDivided(by: .int(0)) }
        expectError("RuntimeError: Integers to negative integer powers are not allowed.") {
            _ = try a.raised(toPower: .int(-1))
        }
        // Int64.min // -1 wraps instead of trapping.
        #expect(try t([.scalar(.int(Int64.min))]).floorDivided(by: .int(-1)).integers() == [Int64.min])
    }

    @Test func broadcasting() throws {
        let m = try Tensor.arange(12.0).reshaped([3, 4])
        expectValues(
            try m.adding(t([100.0, 200.0, 300.0, 400.0])), shape: [3, 4],
            [100, 201, 302, 403, 104, 205, 306, 407, 108, 209, 310, 411])
        expectValues(
            try m.multiplied(by: t([[1.0], [0.0], [-1.0]])), shape: [3, 4], [0, 1, 2, 3, 0, 0, 0, 0, -8, -9, -10, -11])
        let sum = try Tensor.arange(3).reshaped([3, 1]).adding(Tensor.arange(2).reshaped([1, 2]))
        #expect(sum.shape == [3, 2] && sum.integers() == [0, 1, 1, 2, 2, 3])
        let p = try Tensor.arange(6.0).reshaped([1, 2, 1, 3])
        let r = try p.adding(t([[10.0], [20.0]]))
        expectValues(r, shape: [1, 2, 2, 3], [10, 11, 12, 20, 21, 22, 13, 14, 15, 23, 24, 25])
        // Broadcasting over transposed (non-contiguous) operands.
        let tr = try Tensor.arange(6.0).reshaped([2, 3]).transposed()
        expectValues(try tr.adding(t([1.0, 2.0])), shape: [3, 2], [1, 5, 2, 6, 3, 7])
    }

    @Test func broadcastErrors() {
        expectError("RuntimeError: The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0") {
            _ = try Tensor.ones([3]).adding(Tensor.ones([2]))
        }
        expectError("RuntimeError: The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1") {
            _ = try Tensor.ones([2, 3]).multiplied(by: Tensor.ones([3, 2]))
        }
        expectError("RuntimeError: output with shape [3, 1] doesn't match the broadcast shape [3, 4]") {
            try Tensor.zeros([3, 1]).add_(Tensor.ones([3, 4]))
        }
    }

    @Test func unaryFunctions() throws {
        let z = try t([-1.5, 0.0, 2.25])
        let negated = try z.negated().doubles()
        #expect(negated == [1.5, -0.0, -2.25] && negated[1].sign == .minus)
        expectValues(try z.absolute(), shape: [3], [1.5, 0, 2.25])
        expectValues(try t([0.0, 1.0, -1.0]).exp(), shape: [3], [1, M_E, 1 / M_E])
        let logs = try t([1.0, 0.0, -1.0]).log().doubles()
        #expect(logs[0] == 0 && logs[1] == -.infinity && logs[2].isNaN)
        let roots = try t([4.0, 2.0, -1.0]).sqrt().doubles()
        #expect(roots[0] == 2 && roots[2].isNaN)
        let s = try t([-2.0, 0.0, 0.5, 3.0])
        expectValues(try s.sigmoid(), shape: [4], [-2.0, 0, 0.5, 3].map { 1 / (1 + Foundation.exp(-$0)) })
        expectValues(try s.relu(), shape: [4], [0, 0, 0.5, 3])
        expectValues(try s.tanh(), shape: [4], [-2.0, 0, 0.5, 3].map { Foundation.tanh($0) })
        expectValues(try t([-2.0, 0.5, 3.0]).clamped(min: 0, max: 1), shape: [3], [0, 0.5, 1])
        expectValues(try t([1.0, 5.0, 3.0]).maximum(t([4.0, 2.0, 3.0])), shape: [3], [4, 5, 3])
        expectValues(try t([1.0, 5.0, 3.0]).minimum(t([4.0, 2.0, 3.0])), shape: [3], [1, 2, 3])
        // exp of an integer tensor promotes to float32.
        #expect(try t([1, 2]).exp().dtype == .float32)
        #expect(try t([-3, 4]).relu().integers() == [0, 4])
    }

    @Test func comparisonsAndLogic() throws {
        #expect(try x.greater(.int(2)).booleans() == [false, false, true, true])
        #expect(try x.greaterEqual(.int(2)).booleans() == [false, true, true, true])
        #expect(try x.equal(y).booleans() == [false, true, false, false])
        #expect(try x.notEqual(y).booleans() == [true, false, true, true])
        #expect(try x.less(.int(4)).booleans() == [true, true, false, false])
        #expect(try x.lessEqual(.int(1)).booleans() == [true, false, false, false])
        let lower = try Tensor.arange(3).reshaped([3, 1]).less(Tensor.arange(3))
        #expect(lower.shape == [3, 3])
        #expect(lower.booleans() == [false, true, true, false, false, true, false, false, false])
        let m1 = try t([true, true, false])
        let m2 = try t([true, false, false])
        #expect(try m1.bitwiseAnd(m2).booleans() == [true, false, false])
        #expect(try m1.bitwiseOr(m2).booleans() == [true, true, false])
        #expect(try m1.bitwiseNot().booleans() == [false, false, true])
        #expect(try m1.logicalXor(m2).booleans() == [false, true, false])
        #expect(try t([12, 10]).bitwiseAnd(t([10, 6])).integers() == [8, 2])
        expectError("NotImplementedError: \"bitwise_and_cpu\" not implemented for 'Float'") { _ = try x.bitwiseAnd(x) }
        let nanComparison = try t([.scalar(.float(.nan))]).equal(t([.scalar(.float(.nan))]))
        #expect(nanComparison.booleans() == [false])
    }

    @Test func inPlaceOperations() throws {
        let v = try Tensor.ones([3])
        try v.add_(.int(2))
        try v.multiply_(t([1.0, 2.0, 3.0]))
        expectValues(v, shape: [3], [3, 6, 9])
        try v.add_(t([1.0, 1.0, 1.0]), alpha: .float(-2))
        expectValues(v, shape: [3], [1, 4, 7])
        try v.clamp_(max: 5)
        expectValues(v, shape: [3], [1, 4, 5])
        try v.zero_()
        expectValues(v, shape: [3], [0, 0, 0])
        try v.fill_(.float(1.5))
        expectValues(v, shape: [3], [1.5, 1.5, 1.5])
    }

    @Test func selectingIsTorchWhere() throws {
        let result = try Tensor.selecting(t([true, false, true]), t([1.0, 2.0, 3.0]), t([10, 20, 30]))
        #expect(result.dtype == .float32)
        expectValues(result, shape: [3], [1, 20, 3])
    }

    @Test func equalityAndCloseness() throws {
        #expect(try t([1, 2]).isEqual(to: t([1.0, 2.0])))
        #expect(try !t([1, 2]).isEqual(to: t([1, 2, 3])))
        #expect(try t([1.0, 2.0]).isClose(to: t([1.0, 2.000001])))
        #expect(try !t([1.0, 2.0]).isClose(to: t([1.0, 2.1])))
    }
}
