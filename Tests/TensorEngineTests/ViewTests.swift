import Testing

@testable import TensorEngine

@Suite("Shapes and views")
struct ViewTests {
    @Test func reshapeAndViewWithInferredSize() throws {
        let x = try Tensor.arange(12)
        #expect(try x.reshaped([3, 4]).shape == [3, 4])
        #expect(try x.reshaped([2, -1]).shape == [2, 6])
        let v = try x.view([-1, 6])
        #expect(v.shape == [2, 6])
        #expect(v.integers() == Array(0..<12))
    }

    @Test func reshapeErrors() {
        expectError("RuntimeError: shape '[4, -1]' is invalid for input of size 6") {
            _ = try Tensor.arange(6).reshaped([4, -1])
        }
        expectError("RuntimeError: only one dimension can be inferred") { _ = try Tensor.arange(6).reshaped([-1, -1]) }
        expectError("RuntimeError: invalid shape dimension -2 at index 0 of shape [-2, 3]") { _ = try Tensor.arange(6).reshaped([-2, 3]) }
    }

    @Test func transposeIsNotContiguousUntilCopied() throws {
        let m = try Tensor.arange(6).reshaped([2, 3])
        let tr = try m.transposed()
        #expect(tr.shape == [3, 2])
        #expect(tr.integers() == [0, 3, 1, 4, 2, 5])
        #expect(!tr.isContiguous)
        #expect(try tr.contiguous().isContiguous)
        expectError(
            "RuntimeError: view size is not compatible with input tensor's size and stride (at least one dimension "
                + "spans across two contiguous subspaces). Use .reshape(...) instead."
        ) { _ = try tr.view([6]) }
        let copied = try tr.reshaped([6])
        #expect(copied.integers() == [0, 3, 1, 4, 2, 5])
        #expect(!copied.sharesStorage(with: m))
    }

    @Test func viewOfNonContiguousWhenStridesAllow() throws {
        // Splitting a dimension of a transposed tensor is a valid view.
        let x = try Tensor.arange(24).reshaped([4, 6]).transposed()
        let v = try x.view([2, 3, 4])
        #expect(v.sharesStorage(with: x))
        #expect(try v.integers() == x.contiguous().view([2, 3, 4]).integers())
    }

    @Test func permuteTransposeAndT() throws {
        #expect(try Tensor.arange(24).reshaped([2, 3, 4]).permuted([2, 0, 1]).shape == [4, 2, 3])
        #expect(try Tensor.arange(6).reshaped([2, 3]).transposed(0, 1).shape == [3, 2])
        let p = try Tensor.arange(24).reshaped([2, 3, 4]).permuted([2, 0, 1])
        #expect(try p.select(0, index: 1).integers() == [1, 5, 9, 13, 17, 21])
        expectError("RuntimeError: t() expects a tensor with <= 2 dimensions, but self is 3D") {
            _ = try Tensor.zeros([2, 2, 2]).transposed()
        }
        expectError("RuntimeError: permute(): duplicate dims are not allowed.") {
            _ = try Tensor.zeros([2, 2]).permuted([0, 0])
        }
    }

    @Test func unsqueezeSqueezeFlatten() throws {
        let v = try t([1.0, 2.0, 3.0])
        #expect(try v.unsqueezed(at: 0).shape == [1, 3])
        #expect(try v.unsqueezed(at: 1).shape == [3, 1])
        #expect(try v.unsqueezed(at: -1).shape == [3, 1])
        let s = try Tensor.zeros([1, 3, 1, 2])
        #expect(try s.squeezed().shape == [3, 2])
        #expect(try s.squeezed(at: 0).shape == [3, 1, 2])
        #expect(try s.squeezed(at: 1).shape == [1, 3, 1, 2])
        let f = try Tensor.arange(12).reshaped([2, 3, 2])
        #expect(try f.flattened().shape == [12])
        #expect(try f.flattened(from: 1).shape == [2, 6])
        #expect(try f.flattened(from: 0, to: 1).shape == [6, 2])
        #expect(try Tensor(.int(3)).flattened().shape == [1])
        expectError("IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 2)") {
            _ = try v.unsqueezed(at: 2).squeezed(at: 2)
        }
    }

    @Test func expandBroadcastsWithoutCopying() throws {
        let column = try t([[1], [2], [3]])
        let wide = try column.expanded(to: [3, 4])
        #expect(wide.strides == [1, 0])
        #expect(wide.integers() == [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3])
        #expect(try column.expanded(to: [2, -1, 2]).shape == [2, 3, 2])
        expectError(
            "RuntimeError: The expanded size of the tensor (3) must match the existing size (2) at non-singleton "
                + "dimension 0.  Target sizes: [3].  Tensor sizes: [2]"
        ) { _ = try t([1, 2]).expanded(to: [3]) }
    }

    @Test func narrowAndSelect() throws {
        let x = try Tensor.arange(12).reshaped([3, 4])
        #expect(try x.narrowed(1, start: 1, length: 2).integers() == [1, 2, 5, 6, 9, 10])
        #expect(try x.select(1, index: -1).integers() == [3, 7, 11])
        expectError("RuntimeError: start (3) + length (2) exceeds dimension size (4).") {
            _ = try x.narrowed(1, start: 3, length: 2)
        }
        expectError("IndexError: select(): index 3 out of range for tensor of size [3, 4] at dimension 0") {
            _ = try x.select(0, index: 3)
        }
    }

    @Test func catAndStack() throws {
        let a = try Tensor.arange(6.0).reshaped([2, 3])
        let b = try Tensor.ones([2, 3])
        expectValues(try Tensor.concatenate([a, b], dimension: 0), shape: [4, 3], [0, 1, 2, 3, 4, 5, 1, 1, 1, 1, 1, 1])
        expectValues(try Tensor.concatenate([a, b], dimension: 1), shape: [2, 6], [0, 1, 2, 1, 1, 1, 3, 4, 5, 1, 1, 1])
        #expect(try Tensor.stack([a, b]).shape == [2, 2, 3])
        expectValues(try Tensor.stack([a, b], dimension: 1), shape: [2, 2, 3], [0, 1, 2, 1, 1, 1, 3, 4, 5, 1, 1, 1])
        expectValues(try Tensor.stack([a, b], dimension: -1), shape: [2, 3, 2], [0, 1, 1, 1, 2, 1, 3, 1, 4, 1, 5, 1])
        #expect(try Tensor.concatenate([t([1, 2]), t([0.5])]).dtype == .float32)
        #expect(try Tensor.concatenate([Tensor.zeros([0]), a]).shape == [2, 3])
    }

    @Test func catAndStackErrors() {
        expectError(
            "RuntimeError: Sizes of tensors must match except in dimension 0. Expected size 3 but got size 2 for "
                + "tensor number 1 in the list."
        ) { _ = try Tensor.concatenate([Tensor.ones([2, 3]), Tensor.ones([3, 2])]) }
        expectError("ValueError: torch.cat(): expected a non-empty list of Tensors") { _ = try Tensor.concatenate([]) }
        expectError("RuntimeError: zero-dimensional tensor (at position 0) cannot be concatenated") {
            _ = try Tensor.concatenate([Tensor(.int(1))])
        }
        expectError("RuntimeError: stack expects each tensor to be equal size, but got [2] at entry 0 and [3] at entry 1")
        {
            _ = try Tensor.stack([Tensor.ones([2]), Tensor.ones([3])])
        }
    }
}
