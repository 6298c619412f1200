import Testing

@testable import TensorEngine

/// Whole cells of rng.md and printing.md at the engine level: draw with the
/// generator, print with the formatter, compare with what PyTorch printed.
@Suite("Printed random tensors")
struct PrintedDrawsTests {
    private func printed(
        _ shape: [Int], _ values: [Double], dtype: DType = .float32, requiresGrad: Bool = false,
        gradFunction: String? = nil, isParameter: Bool = false
    ) -> String {
        TensorFormatter.repr(
            TensorSnapshot(shape: shape, dtype: dtype, values: .floating(values)), requiresGrad: requiresGrad,
            gradFunction: gradFunction, isParameter: isParameter)
    }

    @Test("manual_seed(0); torch.rand(2, 12) wraps each row")
    func randTwoByTwelve() {
        let values = RandomGenerator(seed: 0).uniform(count: 24, dtype: .float32)
        #expect(printed([2, 12], values) == """
            tensor([[0.4963, 0.7682, 0.0885, 0.1320, 0.3074, 0.6341, 0.4901, 0.8964, 0.4556,
                     0.6323, 0.3489, 0.4017],
                    [0.0223, 0.1689, 0.2939, 0.5185, 0.6977, 0.8000, 0.1610, 0.2823, 0.6816,
                     0.9152, 0.3971, 0.8742]])
            """)
    }

    @Test("manual_seed(42); torch.randn(100) prints in scientific mode, 5 per line")
    func randnHundred() {
        let text = printed([100], RandomGenerator(seed: 42).normal(count: 100, dtype: .float32))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 20)
        #expect(lines[0] == "tensor([ 1.9269e+00,  1.4873e+00,  9.0072e-01, -2.1055e+00,  6.7842e-01,")
        #expect(lines[18] == "         1.8775e-01, -3.5762e-01,  2.6491e-01,  1.2732e+00, -1.3109e-03,")
        #expect(lines[19] == "        -3.0360e-01, -9.8644e-01,  1.2330e-01,  3.4987e-01,  6.1728e-01])")
    }

    @Test("float64 randn(3) carries its dtype")
    func float64Randn() {
        let values = RandomGenerator(seed: 0).normal(count: 3, dtype: .float64)
        #expect(printed([3], values, dtype: .float64) == "tensor([ 1.5410, -0.2934, -2.1788], dtype=torch.float64)")
    }

    @Test("torch.randn(size=(), requires_grad=True) after seed 0")
    func zeroDimensionalRandn() {
        let values = RandomGenerator(seed: 0).normal(count: 1, dtype: .float32)
        #expect(printed([], values, requiresGrad: true) == "tensor(1.5410, requires_grad=True)")
    }

    @Test("Conv2d(1, 1, kernel_size=(1, 2), bias=False).weight after seed 0")
    func convWeight() {
        let bound = defaultWeightBound(fanIn: 2)
        let weight = RandomGenerator(seed: 0).uniform(count: 2, dtype: .float32, from: -bound, to: bound)
        #expect(printed([1, 1, 1, 2], weight, requiresGrad: true, isParameter: true) == """
            Parameter containing:
            tensor([[[[-0.0053,  0.3793]]]], requires_grad=True)
            """)
    }

    @Test("Conv2d(1, 6, kernel_size=5, padding=2) after seed 2024: weight[0, 0] and bias")
    func convSixChannels() {
        let generator = RandomGenerator(seed: 2024)
        let weightBound = defaultWeightBound(fanIn: 25)
        let weight = generator.uniform(count: 150, dtype: .float32, from: -weightBound, to: weightBound)
        let biasBound = defaultBiasBound(fanIn: 25)
        let bias = generator.uniform(count: 6, dtype: .float32, from: -biasBound, to: biasBound)
        #expect(printed([5, 5], Array(weight.prefix(25)), requiresGrad: true, gradFunction: "SelectBackward0") == """
            tensor([[ 0.0127,  0.1325,  0.1887, -0.1523, -0.1332],
                    [-0.0602, -0.1140,  0.0481, -0.0061,  0.0997],
                    [-0.1392,  0.0250, -0.1306,  0.0818,  0.1706],
                    [-0.0376, -0.0782,  0.1629,  0.1055,  0.0440],
                    [ 0.1566,  0.1636,  0.0661,  0.0715, -0.1093]],
                   grad_fn=<SelectBackward0>)
            """)
        #expect(printed([6], bias, requiresGrad: true, isParameter: true) == """
            Parameter containing:
            tensor([ 0.0074, -0.0226,  0.0537, -0.0262,  0.0174,  0.1150],
                   requires_grad=True)
            """)
    }

    @Test("Conv2d(2, 3, 3) after seed 42: weight[0] is 3-D")
    func convWeightSlice() {
        let bound = defaultWeightBound(fanIn: 18)
        let weight = RandomGenerator(seed: 42).uniform(count: 54, dtype: .float32, from: -bound, to: bound)
        #expect(printed([2, 3, 3], Array(weight.prefix(18)), requiresGrad: true, gradFunction: "SelectBackward0") == """
            tensor([[[ 0.1802,  0.1956, -0.0552],
                     [ 0.2165, -0.0516,  0.0476],
                     [-0.1148,  0.1384,  0.2078]],

                    [[-0.1729,  0.2049,  0.0441],
                     [ 0.1741,  0.0319,  0.1137],
                     [-0.0333,  0.1817,  0.0348]]], grad_fn=<SelectBackward0>)
            """)
    }

    @Test("xavier_uniform_ on Conv2d(2, 2, kernel_size=2).weight after seed 1")
    func xavierParameter() {
        let bound = xavierBound(fanIn: 8, fanOut: 8)
        let weight = RandomGenerator(seed: 1).uniform(count: 16, dtype: .float32, from: -bound, to: bound)
        #expect(printed([2, 2, 2, 2], weight, requiresGrad: true, isParameter: true) == """
            Parameter containing:
            tensor([[[[ 0.3155, -0.2703],
                      [-0.1187,  0.2874]],

                     [[-0.5765,  0.3673],
                      [-0.1260,  0.3115]]],


                    [[[ 0.0851, -0.0750],
                      [ 0.1698,  0.0302]],

                     [[ 0.2237, -0.2386],
                      [-0.0446, -0.0551]]]], requires_grad=True)
            """)
    }

    @Test("randint(-5, 5, (17,)) after randint(0, 10, (5,)), seed 0")
    func randintPrinted() {
        let generator = RandomGenerator(seed: 0)
        _ = generator.randint(count: 5, low: 0, high: 10)
        let values = generator.randint(count: 17, low: -5, high: 5)
        let text = TensorFormatter.repr(
            TensorSnapshot(shape: [17], dtype: .int64, values: .integer(values)), requiresGrad: false, gradFunction: nil,
            isParameter: false)
        #expect(text == "tensor([ 4,  2, -2,  2, -2, -4,  1,  1,  4,  3,  1,  1,  3, -1, -2,  1,  4])")
    }
}
