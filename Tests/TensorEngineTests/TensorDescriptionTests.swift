import Testing

@testable import TensorEngine

/// `Tensor.description`: the formatter fed with this tensor's values and
/// autograd state (expected texts are what PyTorch printed).
@Suite("Tensor description")
struct TensorDescriptionTests {
    @Test func valuesAndSuffixes() throws {
        #expect(try Tensor.arange(12).reshaped([3, 4]).transposed().description == """
            tensor([[ 0,  4,  8],
                    [ 1,  5,  9],
                    [ 2,  6, 10],
                    [ 3,  7, 11]])
            """)
        let x = try t([1.0, 2.0]).requiresGrad_()
        #expect(x.description == "tensor([1., 2.], requires_grad=True)")
        #expect(try x.multiplied(by: .int(2)).description == "tensor([2., 4.], grad_fn=<MulBackward0>)")
        #expect(try x.divided(into: .int(1)).description == "tensor([1.0000, 0.5000], grad_fn=<MulBackward0>)")
        #expect(try Tensor.arange(12).reshaped([3, 4]).index([.slice(start: 5, stop: nil, step: nil)]).description
            == "tensor([], size=(0, 4), dtype=torch.int64)")
        #expect(try t([[1.0, 2.0], [3.0, 4.0]]).asParameter().description == """
            Parameter containing:
            tensor([[1., 2.],
                    [3., 4.]], requires_grad=True)
            """)
        #expect(try Tensor.ones([2], dtype: .float64).multiplied(by: .int(2)).description
            == "tensor([2., 2.], dtype=torch.float64)")
    }

    @Test func condensedPrintingMatchesFullPrinting() throws {
        for shape in [[40, 50], [3, 500], [1001], [2, 3, 200]] {
            let x = try Tensor.rand(shape, generator: RandomGenerator(seed: 3)).multiplied(by: .int(100))
            let full = TensorFormatter.repr(x.snapshot(), requiresGrad: false, gradFunction: nil, isParameter: false)
            #expect(x.description == full)
            #expect(x.description.contains("..."))
        }
    }
}
