import Testing

@testable import TensorEngine

/// `requires_grad=True`, `grad_fn=<…>` and `Parameter containing:`, on the
/// same line or their own (printing.md, rng.md).
@Suite("Printing autograd suffixes and parameters")
struct SuffixPrintingTests {
    static let cases: [PrintCase] = [
        PrintCase(
            name: "requires_grad on one line", snapshot: float32Tensor([2], [1, 1]), requiresGrad: true,
            expected: "tensor([1., 1.], requires_grad=True)"),
        PrintCase(
            name: "requires_grad after several lines", snapshot: float32Tensor([2, 2], [0, 0, 0, 0]), requiresGrad: true,
            expected: "tensor([[0., 0.],\n        [0., 0.]], requires_grad=True)"),
        PrintCase(
            name: "0-d requires_grad", snapshot: float32Tensor([], [2]), requiresGrad: true,
            expected: "tensor(2., requires_grad=True)"),
        PrintCase(
            name: "grad_fn wins over requires_grad", snapshot: float32Tensor([2], [0.5, 1]), requiresGrad: true,
            gradFunction: "DivBackward0", expected: "tensor([0.5000, 1.0000], grad_fn=<DivBackward0>)"),
        PrintCase(
            name: "0-d grad_fn", snapshot: float32Tensor([], [5]), requiresGrad: true, gradFunction: "SumBackward0",
            expected: "tensor(5., grad_fn=<SumBackward0>)"),
        PrintCase(
            name: "a view", snapshot: float32Tensor([2, 1], [1, 2]), requiresGrad: true, gradFunction: "ViewBackward0",
            expected: "tensor([[1.],\n        [2.]], grad_fn=<ViewBackward0>)"),
        PrintCase(
            name: "a convolution", snapshot: float32Tensor([1, 1, 2, 2], [8, 12, 20, 24]), requiresGrad: true,
            gradFunction: "ConvolutionBackward0",
            expected: "tensor([[[[ 8., 12.],\n          [20., 24.]]]], grad_fn=<ConvolutionBackward0>)"),
        PrintCase(
            name: "a pooled 1×1", snapshot: float32Tensor([1, 1, 1, 1], [24]), requiresGrad: true,
            gradFunction: "MaxPool2DWithIndicesBackward0",
            expected: "tensor([[[[24.]]]], grad_fn=<MaxPool2DWithIndicesBackward0>)"),
        PrintCase(
            name: "a loss", snapshot: float32Tensor([], [0.31326169]), requiresGrad: true, gradFunction: "NllLossBackward0",
            expected: "tensor(0.3133, grad_fn=<NllLossBackward0>)"),
        PrintCase(
            name: "a parameter", snapshot: float32Tensor([2, 2], [1, 2, 3, 4]), requiresGrad: true, isParameter: true,
            expected: "Parameter containing:\ntensor([[1., 2.],\n        [3., 4.]], requires_grad=True)"),
        PrintCase(
            name: "a one-element parameter", snapshot: float32Tensor([1], [0]), requiresGrad: true, isParameter: true,
            expected: "Parameter containing:\ntensor([0.], requires_grad=True)"),
        PrintCase(
            name: "a parameter whose suffix does not fit",
            snapshot: float32Tensor([6], [0.0074, -0.0226, 0.0537, -0.0262, 0.0174, 0.1150]), requiresGrad: true,
            isParameter: true,
            expected: """
                Parameter containing:
                tensor([ 0.0074, -0.0226,  0.0537, -0.0262,  0.0174,  0.1150],
                       requires_grad=True)
                """),
        PrintCase(
            name: "grad_fn moves below a wide 2-D slice",
            snapshot: float32Tensor([2, 5], [0.0258, -0.0221, -0.0097, 0.0235, -0.0471, -0.0255, 0.0351, 0.0003, -0.0401, -0.0105]),
            requiresGrad: true, gradFunction: "SliceBackward0",
            expected: """
                tensor([[ 0.0258, -0.0221, -0.0097,  0.0235, -0.0471],
                        [-0.0255,  0.0351,  0.0003, -0.0401, -0.0105]],
                       grad_fn=<SliceBackward0>)
                """),
        PrintCase(
            name: "grad_fn that just fits stays on the line",
            snapshot: float32Tensor([5], [-0.0130, -0.0176, -0.0259, -0.0040, -0.0312]), requiresGrad: true,
            gradFunction: "SliceBackward0",
            expected: "tensor([-0.0130, -0.0176, -0.0259, -0.0040, -0.0312], grad_fn=<SliceBackward0>)"),
    ]

    @Test("prints as PyTorch printed", arguments: cases)
    func printsLikePyTorch(_ example: PrintCase) {
        #expect(example.printed == example.expected)
    }
}
