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
        expectError("RuntimeError: expected m1 and m2 to have the same dtype, but got: long int != float") {
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

    @Test func textsCheckedAgainstTorch() throws {
        expectError("IndexError: argmax(): Expected reduction dim to be specified for input.numel() == 0.") {
            _ = try Tensor.zeros([0]).argmax()
        }
        expectError("IndexError: argmax(): Expected reduction dim 0 to have non-zero size.") {
            _ = try Tensor.zeros([0, 3]).argmax(dimension: 0)
        }
        expectError("TypeError: 'list' object cannot be interpreted as an integer") { _ = try t([[1, 2], [3, [4]]]) }
        expectError("TypeError: must be real number, not list") { _ = try t([[1.0, 2.0], [3.0, [4.0]]]) }
        expectError(
            "NotImplementedError: Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to "
                + "invert a mask, use the `~` or `logical_not()` operator instead."
        ) { _ = try t([true]).subtracting(t([1])) }
        expectError("TypeError: ~ (operator.invert) is only implemented on integer and Boolean-type tensors") {
            _ = try Tensor.ones([2]).bitwiseNot()
        }
        expectError("RuntimeError: expected scalar type Float but found Double") {
            _ = try Tensor.ones([1, 1, 3, 3]).conv2d(weight: Tensor.ones([1, 1, 2, 2], dtype: .float64))
        }
        expectError("RuntimeError: Input type (float) and bias type (double) should be the same") {
            _ = try Tensor.ones([1, 1, 3, 3]).conv2d(
                weight: Tensor.ones([1, 1, 2, 2]), bias: Tensor.ones([1], dtype: .float64))
        }
        expectError("RuntimeError: weight should have at least three dimensions") {
            _ = try Tensor.ones([1, 1, 4, 4]).conv2d(weight: Tensor.ones([1, 2]))
        }
        expectError("RuntimeError: 0D or 1D target tensor expected, multi-target not supported") {
            _ = try Tensor.ones([3, 4]).nllLoss(target: t([[0, 1], [1, 2], [0, 0]]))
        }
        expectError("RuntimeError: size mismatch (got input: [2, 3, 4, 4] , target: [2, 4, 5]") {
            _ = try Tensor.ones([2, 3, 4, 4]).nllLoss(target: Tensor.zeros([2, 4, 5], dtype: .int64))
        }
        expectError("NotImplementedError: \"softmax_lastdim_kernel_impl\" not implemented for 'Long'") {
            _ = try t([1, 2]).softmax(dimension: 0)
        }
        expectError("NotImplementedError: \"log_softmax_lastdim_kernel_impl\" not implemented for 'Long'") {
            _ = try t([1, 2]).logSoftmax(dimension: 0)
        }
        expectError("RuntimeError: stride should not be zero") { _ = try Tensor.ones([1, 1, 4, 4]).maxPool2d(kernelSize: 0) }
        expectError("RuntimeError: pad must be non-negative, but got pad: -1") {
            _ = try Tensor.ones([1, 1, 4, 4]).maxPool2d(kernelSize: 2, padding: -1)
        }
        #expect(try Tensor.ones([2]).matmul(Tensor.ones([2, 3]).requiresGrad_()).gradFunctionName
            == "SqueezeBackward4")
        #expect(try Tensor.ones([3]).requiresGrad_().linear(weight: Tensor.ones([4, 3]), bias: Tensor.ones([4]))
            .gradFunctionName == "ViewBackward0")
        expectValues(try t([[[[-7, 0], [0, 0]]]]).avgPool2d(kernelSize: 2), shape: [1, 1, 1, 1], [-1])
        expectValues(try t([[[[1, 5], [3, 2]]]]).maxPool2d(kernelSize: 2), shape: [1, 1, 1, 1], [5])
    }

    @Test func zeroNormCountsNonzeros() throws {
        expectValues(try t([0.0, 2.0, -3.0]).norm(p: 0), shape: [], [2])
    }
}
