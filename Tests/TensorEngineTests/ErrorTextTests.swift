import Testing

@testable import TensorEngine

/// Error texts that notebooks show, and inputs that must become errors rather
/// than traps.
@Suite("Error texts and hostile inputs")
struct ErrorTextTests {
    @Test func matrixProductErrors() throws {
        let a = try Tensor.arange(6.0).reshaped([2, 3])
        let v = try t([1.0, 2.0, 3.0])
        expectError("RuntimeError: mm: mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)") { _ = try a.matmul(a) }
        expectError(
            "RuntimeError: inconsistent tensor size, expected tensor [3] and src [2] to have the same number of "
                + "elements, but got 3 and 2 elements respectively"
        ) { _ = try v.dot(Tensor.ones([2])) }
        expectError("RuntimeError: mm: mat2 must be a matrix, got 1-D tensor") { _ = try a.mm(v) }
        expectError("RuntimeError: both arguments to matmul need to be at least 1D, but they are 0D and 1D") {
            _ = try Tensor(.float(1)).matmul(v)
        }
        expectError("RuntimeError: Expected size for first two dimensions of batch2 tensor to be: [2, 3] but got: [2, 4].") {
            _ = try Tensor.ones([2, 2, 3]).matmul(Tensor.ones([2, 4, 2]))
        }
        expectError("RuntimeError: expected mat1 and mat2 to have the same dtype, but got: long int != float") {
            _ = try Tensor.arange(4).reshaped([2, 2]).mm(Tensor.ones([2, 2]))
        }
        #expect(try Tensor.arange(4).reshaped([2, 2]).matmul(t([[1, 1], [0, 1]])).integers() == [0, 1, 2, 5])
    }

    @Test func autogradErrors() {
        expectError("RuntimeError: Only Tensors of floating point and complex dtype can require gradients") {
            _ = try Tensor.ones([2], dtype: .int64).asParameter()
        }
        expectError("RuntimeError: Mismatch in shape: grad_output[0] has a shape of torch.Size([3]) and output[0] has a shape of torch.Size([2]).") {
            let x = try Tensor.ones([2]).requiresGrad_()
            try x.multiplied(by: .int(2)).backward(gradient: Tensor.ones([3]))
        }
    }

    @Test("hostile sizes become errors, not traps", arguments: [
        { _ = try Tensor.zeros([Int.max, 2]) },
        { _ = try Tensor.arange(start: .int(Int64.min), end: .int(Int64.max)) },
        { _ = try Tensor.ones([3]).reshaped([Int.max, -1]) },
        { _ = try Tensor.ones([4, 4]).conv2d(weight: Tensor.ones([1, 1, 2, 2]), padding: IntOrPair(Int.max / 2)) },
        { _ = try Tensor.ones([1, 1, 4, 4]).conv2d(weight: Tensor.ones([1, 1, 2, 2]), dilation: IntOrPair(Int.max)) },
        { _ = try Tensor.ones([1, 1, 4, 4]).maxPool2d(kernelSize: IntOrPair(Int.max)) },
        { _ = try Tensor.ones([3]).expanded(to: [-2, 3]) },
        { _ = try Tensor.linspace(start: 0, end: 1, steps: -1) },
        { _ = try Tensor.randint(low: 5, high: 5, shape: [2]) },
        { _ = try Tensor.ones([2]).index([.tensor(t([.scalar(.int(Int64.max))]))]) },
        { _ = try Tensor.ones([2]).index([.integer(Int.min)]) },
        { _ = try Tensor.ones([2, 2]).flattened(from: 1, to: 0) },
    ] as [@Sendable () throws -> Void])
    func hostileInputs(_ body: @Sendable () throws -> Void) {
        #expect(throws: TensorError.self) { try body() }
    }

    @Test func hugeSlicesAndStepsDoNotOverflow() throws {
        let x = try Tensor.arange(10)
        #expect(try x.index([.slice(start: Int.min, stop: Int.max, step: Int.max)]).integers() == [0])
        #expect(try x.index([.slice(start: 3, stop: nil, step: 1 << 62)]).integers() == [3])
        #expect(try x.index([.slice(start: -Int.max, stop: nil, step: 4)]).integers() == [0, 4, 8])
    }

    @Test func zeroNormCountsNonzeros() throws {
        expectValues(try t([0.0, 2.0, -3.0]).norm(p: 0), shape: [], [2])
    }
}
