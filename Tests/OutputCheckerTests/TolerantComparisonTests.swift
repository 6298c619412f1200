import Testing

@testable import OutputChecker

@Suite struct TolerantComparisonTests {
    @Test(arguments: [
        ("loss 0.469, train acc 0.823, test acc 0.779", "loss 0.471, train acc 0.821, test acc 0.780", 1e-2, true),
        ("loss 0.469, train acc 0.823", "loss 0.569, train acc 0.823", 1e-2, false),
        ("loss 0.469, train acc 0.823", "loss 0.469, test acc 0.823", 1e-2, false),
        ("tensor([[ 1.0107, -0.9674]])", "tensor([[ 1.0110, -0.9670]])", 1e-3, true),
        ("tensor([[ 1.0107, -0.9674]])", "tensor([[ 1.0107,  0.9674]])", 1e-3, false),
        ("epoch 10, loss 0.000", "epoch 10, loss 0.0004", 1e-3, true),
        ("1.0000e+04", "1.0001e+04", 1e-3, true),
        ("a\nb 1", "a\nb 1\nc", 1e-3, false),
        ("conv2d 1", "conv3d 1", 0.5, false),
        ("x1 = 5", "x2 = 5", 0.5, false),
        ("nan inf", "nan inf", 1e-9, true),
        ("nan", "1.0", 10, false),
    ])
    func numbersWithinToleranceMatch(recorded: String, actual: String, tolerance: Double, expected: Bool) {
        #expect(TolerantComparison(tolerance: tolerance).matches(recorded, actual) == expected)
    }

    @Test func tokensKeepWordsWithDigitsAsText() {
        let tokens = TolerantComparison.tokens("Conv2d(1, 6, kernel_size=(5, 5)) -0.25 a-1")
        let numbers = tokens.compactMap { if case .number(let v, _) = $0 { v } else { nil } }
        #expect(numbers == [1, 6, 5, 5, -0.25, 1])
    }
}
