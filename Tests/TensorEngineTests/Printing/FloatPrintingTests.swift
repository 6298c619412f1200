import Testing

@testable import TensorEngine

/// printing.md's float32 cases: notation, widths, non-finite values, signs.
@Suite("Printing floats")
struct FloatPrintingTests {
    static let cases: [PrintCase] = [
        PrintCase(
            name: "whole values get a trailing point", snapshot: float32Tensor([2, 2], [19, 25, 37, 43]),
            expected: "tensor([[19., 25.],\n        [37., 43.]])"),
        PrintCase(
            name: "mixed signs share the widest width", snapshot: float32Tensor([2, 3], [1, -1, 0, 10, -100, 2]),
            expected: "tensor([[   1.,   -1.,    0.],\n        [  10., -100.,    2.]])"),
        PrintCase(
            name: "four decimals", snapshot: float32Tensor([4], [0.12345, 1.23456, 12.34567, 2.0]),
            expected: "tensor([ 0.1235,  1.2346, 12.3457,  2.0000])"),
        PrintCase(
            name: "rounding uses the exact float32 value",
            snapshot: float32Tensor([6], [1.0 / 3, 2.0 / 3, 1.00005, 0.12345, 2.71828, 0.00625]),
            expected: "tensor([0.3333, 0.6667, 1.0000, 0.1235, 2.7183, 0.0063])"),
        PrintCase(
            name: "negative fixed", snapshot: float32Tensor([2, 2], [-0.5, 0.25, 3.125, -12.0625]),
            expected: "tensor([[ -0.5000,   0.2500],\n        [  3.1250, -12.0625]])"),
        PrintCase(
            name: "largest above 1e8 is scientific", snapshot: float32Tensor([3], [1.5e8, 2, 3]),
            expected: "tensor([1.5000e+08, 2.0000e+00, 3.0000e+00])"),
        PrintCase(
            name: "smallest below 1e-4 is scientific", snapshot: float32Tensor([3], [0.00001, 0.5, 0.25]),
            expected: "tensor([1.0000e-05, 5.0000e-01, 2.5000e-01])"),
        PrintCase(
            name: "ratio above 1000 is scientific", snapshot: float32Tensor([3], [0.001, 1.5, 1000]),
            expected: "tensor([1.0000e-03, 1.5000e+00, 1.0000e+03])"),
        PrintCase(
            name: "ratio of at most 1000 stays fixed", snapshot: float32Tensor([3], [0.5, 400, 12.25]),
            expected: "tensor([  0.5000, 400.0000,  12.2500])"),
        PrintCase(
            name: "whole numbers up to ratio 1000", snapshot: float32Tensor([3], [1000, 1, -3]),
            expected: "tensor([1000.,    1.,   -3.])"),
        PrintCase(
            name: "whole numbers past ratio 1000", snapshot: float32Tensor([2], [10000, 1]),
            expected: "tensor([1.0000e+04, 1.0000e+00])"),
        PrintCase(
            name: "zeros are not the smallest magnitude", snapshot: float32Tensor([3], [0, 0.001, 0.5]),
            expected: "tensor([0.0000, 0.0010, 0.5000])"),
        PrintCase(
            name: "negative scientific", snapshot: float32Tensor([2, 2], [-1.0e-5, 2.0e5, 3.5, -4.25e-3]),
            expected: "tensor([[-1.0000e-05,  2.0000e+05],\n        [ 3.5000e+00, -4.2500e-03]])"),
        PrintCase(
            name: "inf and nan as words", snapshot: float32Tensor([4], [1, .infinity, .nan, -.infinity]),
            expected: "tensor([1., inf, nan, -inf])"),
        PrintCase(
            name: "non-finite next to fractions", snapshot: float32Tensor([3], [0.5, .nan, -2.25]),
            expected: "tensor([ 0.5000,     nan, -2.2500])"),
        PrintCase(
            name: "only non-finite values", snapshot: float32Tensor([2], [.nan, .infinity]),
            expected: "tensor([nan, inf])"),
        PrintCase(name: "negative zero, whole", snapshot: float32Tensor([2], [-0.0, 1]), expected: "tensor([-0., 1.])"),
        PrintCase(
            name: "negative zero, fixed", snapshot: float32Tensor([2], [-0.0, 0.5]), expected: "tensor([-0.0000, 0.5000])"),
        PrintCase(name: "0-d negative zero", snapshot: float32Tensor([], [-0.0]), expected: "tensor(-0.)"),
        PrintCase(name: "0-d fraction", snapshot: float32Tensor([], [3.5]), expected: "tensor(3.5000)"),
        PrintCase(name: "0-d whole", snapshot: float32Tensor([], [100]), expected: "tensor(100.)"),
        PrintCase(name: "0-d tiny", snapshot: float32Tensor([], [1e-8]), expected: "tensor(1.0000e-08)"),
        PrintCase(name: "0-d large", snapshot: float32Tensor([], [123_456_789.0]), expected: "tensor(1.2346e+08)"),
        PrintCase(
            name: "t = [[0.5, 1], [1.5, 2]]", snapshot: float32Tensor([2, 2], [0.5, 1, 1.5, 2]),
            expected: "tensor([[0.5000, 1.0000],\n        [1.5000, 2.0000]])"),
    ]

    @Test("prints as PyTorch printed", arguments: cases)
    func printsLikePyTorch(_ example: PrintCase) {
        #expect(example.printed == example.expected)
    }

    @Test("a 0-d tensor and a list element print alike")
    func elementsOfAList() {
        // print([torch.tensor(1.0), torch.tensor([2, 3])]) shows each repr.
        let parts = [float32Tensor([], [1]), int64Tensor([2], [2, 3])].map {
            TensorFormatter.repr($0, requiresGrad: false, gradFunction: nil, isParameter: false)
        }
        #expect("[" + parts.joined(separator: ", ") + "]" == "[tensor(1.), tensor([2, 3])]")
    }
}
