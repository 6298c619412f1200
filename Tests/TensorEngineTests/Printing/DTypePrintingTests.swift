import Testing

@testable import TensorEngine

/// Integer, bool, float64 and empty tensors, and `torch.Size`.
@Suite("Printing dtypes, empty tensors and sizes")
struct DTypePrintingTests {
    static let cases: [PrintCase] = [
        PrintCase(
            name: "int64 right-aligned, no suffix", snapshot: int64Tensor([2, 3], [1, -20, 300, 4000, 5, -6]),
            expected: "tensor([[   1,  -20,  300],\n        [4000,    5,   -6]])"),
        PrintCase(
            name: "integers never go scientific", snapshot: int64Tensor([3], [123_456_789_012, 1, -7]),
            expected: "tensor([123456789012,            1,           -7])"),
        PrintCase(
            name: "bool", snapshot: boolTensor([2, 3], [true, false, true, false, false, true]),
            expected: "tensor([[ True, False,  True],\n        [False, False,  True]])"),
        PrintCase(name: "0-d int64", snapshot: int64Tensor([], [7]), expected: "tensor(7)"),
        PrintCase(name: "0-d bool", snapshot: boolTensor([], [true]), expected: "tensor(True)"),
        PrintCase(
            name: "int32 shows its dtype",
            snapshot: TensorSnapshot(shape: [2], dtype: .int32, values: .integer([1, 2])),
            expected: "tensor([1, 2], dtype=torch.int32)"),
        PrintCase(
            name: "float64 fractions", snapshot: float64Tensor([2], [1.5, 2]),
            expected: "tensor([1.5000, 2.0000], dtype=torch.float64)"),
        PrintCase(name: "float64 0-d", snapshot: float64Tensor([], [2]), expected: "tensor(2., dtype=torch.float64)"),
        PrintCase(
            name: "float64 scientific", snapshot: float64Tensor([2], [1e-6, 1]),
            expected: "tensor([1.0000e-06, 1.0000e+00], dtype=torch.float64)"),
        PrintCase(name: "empty float32", snapshot: float32Tensor([0], []), expected: "tensor([])"),
        PrintCase(name: "empty 0×3", snapshot: float32Tensor([0, 3], []), expected: "tensor([], size=(0, 3))"),
        PrintCase(name: "empty 2×0", snapshot: float32Tensor([2, 0], []), expected: "tensor([], size=(2, 0))"),
        PrintCase(name: "empty int64", snapshot: int64Tensor([0], []), expected: "tensor([], dtype=torch.int64)"),
        PrintCase(
            name: "empty int64 0×2", snapshot: int64Tensor([0, 2], []),
            expected: "tensor([], size=(0, 2), dtype=torch.int64)"),
        PrintCase(name: "empty float64", snapshot: float64Tensor([0], []), expected: "tensor([], dtype=torch.float64)"),
        PrintCase(
            name: "float64 with requires_grad: dtype first", snapshot: float64Tensor([2], [1, 2]), requiresGrad: true,
            expected: "tensor([1., 2.], dtype=torch.float64, requires_grad=True)"),
        PrintCase(
            name: "float64 with grad_fn: dtype first", snapshot: float64Tensor([2], [3, 6]), requiresGrad: true,
            gradFunction: "MulBackward0", expected: "tensor([3., 6.], dtype=torch.float64, grad_fn=<MulBackward0>)"),
        PrintCase(
            name: "with float64 as the default dtype, float32 shows its dtype",
            snapshot: float32Tensor([1], [0.5]), options: PrintOptions(defaultFloatingType: .float64),
            expected: "tensor([0.5000], dtype=torch.float32)"),
    ]

    @Test("prints as PyTorch printed", arguments: cases)
    func printsLikePyTorch(_ example: PrintCase) {
        #expect(example.printed == example.expected)
    }

    @Test("torch.Size and tuples")
    func sizes() {
        #expect(TensorFormatter.sizeDescription([2, 3]) == "torch.Size([2, 3])")
        #expect(TensorFormatter.sizeDescription([4, 1, 28, 28]) == "torch.Size([4, 1, 28, 28])")
        #expect(TensorFormatter.sizeDescription([]) == "torch.Size([])")
        #expect(TensorFormatter.sizeDescription([0]) == "torch.Size([0])")
        #expect(TensorFormatter.tupleDescription([5]) == "(5,)")
        #expect(TensorFormatter.tupleDescription([]) == "()")
    }

    @Test("a snapshot whose values do not fill its shape prints a note, not a crash")
    func inconsistentSnapshot() {
        let broken = float32Tensor([2, 3], [1, 2])
        #expect(!broken.isConsistent)
        #expect(TensorFormatter.repr(broken, requiresGrad: false, gradFunction: nil, isParameter: false) == "tensor(<2 values for shape [2, 3]>)")
        let negative = float32Tensor([-1], [])
        #expect(negative.shapeElementCount == nil)
        let huge = float32Tensor([Int.max, 2], [])
        #expect(huge.shapeElementCount == nil)
        #expect(TensorFormatter.contents(huge, indent: 0) == "[]")
    }
}
