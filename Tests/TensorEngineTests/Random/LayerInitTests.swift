import Testing

@testable import TensorEngine

/// The draws behind `nn.Conv2d`/`nn.Linear` default initialisation and
/// `nn.init.xavier_uniform_`, at the generator level: weight first with
/// `kaiming_uniform_(a=√5)`, then the bias with `±1/√fan_in`.
@Suite("Layer initialisation draws")
struct LayerInitTests {
    @Test("Conv2d(1, 1, kernel_size=(1, 2), bias=False) after seed 0, exactly")
    func convOneByTwo() {
        let bound = defaultWeightBound(fanIn: 2)
        let weight = RandomGenerator(seed: 0).uniform(count: 2, dtype: .float32, from: -bound, to: bound)
        #expect(weight == [-0.005293981172144413, 0.37932288646698])
    }

    struct LayerCase: Sendable, CustomTestStringConvertible {
        let name: String
        let seed: UInt64
        let weightCount: Int
        let fanIn: Int
        let biasCount: Int
        /// The printed numbers and where they sit in the weight.
        let weightIndices: [Int]
        let weightPrinted: String
        let biasIndices: [Int]
        let biasPrinted: String
        var testDescription: String { name }
    }

    static let layers: [LayerCase] = [
        LayerCase(
            name: "Conv2d(1, 1, kernel_size=3) after seed 1", seed: 1, weightCount: 9, fanIn: 9, biasCount: 1,
            weightIndices: Array(0..<9),
            weightPrinted: "0.1718, -0.1471, -0.0646, 0.1565, -0.3138, 0.1999, -0.0686, 0.1696, 0.0463",
            biasIndices: [0], biasPrinted: "-0.0408"),
        LayerCase(
            name: "Conv2d(2, 3, 3) after seed 42", seed: 42, weightCount: 54, fanIn: 18, biasCount: 3,
            weightIndices: Array(0..<18),
            weightPrinted: """
                0.1802, 0.1956, -0.0552, 0.2165, -0.0516, 0.0476, -0.1148, 0.1384, 0.2078,
                -0.1729, 0.2049, 0.0441, 0.1741, 0.0319, 0.1137, -0.0333, 0.1817, 0.0348
                """,
            biasIndices: [0, 1, 2], biasPrinted: "0.0679, 0.0976, 0.0745"),
        LayerCase(
            name: "Conv2d(1, 6, kernel_size=5, padding=2) after seed 2024", seed: 2024, weightCount: 150, fanIn: 25,
            biasCount: 6, weightIndices: Array(0..<25),
            weightPrinted: """
                0.0127, 0.1325, 0.1887, -0.1523, -0.1332, -0.0602, -0.1140, 0.0481, -0.0061, 0.0997,
                -0.1392, 0.0250, -0.1306, 0.0818, 0.1706, -0.0376, -0.0782, 0.1629, 0.1055, 0.0440,
                0.1566, 0.1636, 0.0661, 0.0715, -0.1093
                """,
            biasIndices: Array(0..<6), biasPrinted: "0.0074, -0.0226, 0.0537, -0.0262, 0.0174, 0.1150"),
        LayerCase(
            name: "Linear(4, 3) after seed 0", seed: 0, weightCount: 12, fanIn: 4, biasCount: 3,
            weightIndices: Array(0..<12),
            weightPrinted: """
                -0.0037, 0.2682, -0.4115, -0.3680, -0.1926, 0.1341, -0.0099, 0.3964,
                -0.0444, 0.1323, -0.1511, -0.0983
                """,
            biasIndices: [0, 1, 2], biasPrinted: "-0.4777, -0.3311, -0.2061"),
        LayerCase(
            name: "Linear(3, 2, bias=False) after seed 42", seed: 42, weightCount: 6, fanIn: 3, biasCount: 0,
            weightIndices: Array(0..<6), weightPrinted: "0.4414, 0.4792, -0.1353, 0.5304, -0.1265, 0.1165",
            biasIndices: [], biasPrinted: ""),
        LayerCase(
            name: "Linear(400, 120) after seed 1: weight[:2, :5] and bias[:5]", seed: 1, weightCount: 48_000,
            fanIn: 400, biasCount: 120, weightIndices: Array(0..<5) + Array(400..<405),
            weightPrinted: "0.0258, -0.0221, -0.0097, 0.0235, -0.0471, -0.0255, 0.0351, 0.0003, -0.0401, -0.0105",
            biasIndices: Array(0..<5), biasPrinted: "-0.0130, -0.0176, -0.0259, -0.0040, -0.0312"),
    ]

    @Test("default initialisation prints as PyTorch printed it", arguments: layers)
    func defaultInitialisation(_ layer: LayerCase) {
        let generator = RandomGenerator(seed: layer.seed)
        let weightBound = defaultWeightBound(fanIn: layer.fanIn)
        let weight = generator.uniform(count: layer.weightCount, dtype: .float32, from: -weightBound, to: weightBound)
        #expect(fixed4(layer.weightIndices.map { weight[$0] }) == printedNumbers(layer.weightPrinted))
        let biasBound = defaultBiasBound(fanIn: layer.fanIn)
        let bias = generator.uniform(count: layer.biasCount, dtype: .float32, from: -biasBound, to: biasBound)
        #expect(fixed4(layer.biasIndices.map { bias[$0] }) == printedNumbers(layer.biasPrinted))
    }

    @Test("creating Linear(2, 2) uses six uniforms of the stream")
    func layerSharesStream() {
        let generator = RandomGenerator(seed: 0)
        _ = generator.uniform(count: 4, dtype: .float32, from: -defaultWeightBound(fanIn: 2), to: defaultWeightBound(fanIn: 2))
        _ = generator.uniform(count: 2, dtype: .float32, from: -defaultBiasBound(fanIn: 2), to: defaultBiasBound(fanIn: 2))
        #expect(fixed4(generator.uniform(count: 2, dtype: .float32)) == ["0.4901", "0.8964"])
    }

    @Test("xavier_uniform_ on a 3×5 weight after seed 0")
    func xavierMatrix() {
        let bound = xavierBound(fanIn: 5, fanOut: 3)
        let weight = RandomGenerator(seed: 0).uniform(count: 15, dtype: .float32, from: -bound, to: bound)
        let printed = """
            -0.0065, 0.4646, -0.7128, -0.6373, -0.3336, 0.2322, -0.0172, 0.6867, -0.0769, 0.2292,
            -0.2617, -0.1702, -0.8274, -0.5736, -0.3570
            """
        #expect(fixed4(weight) == printedNumbers(printed))
    }

    @Test("xavier_uniform_ on a 2×2×2×2 conv weight after seed 1")
    func xavierConv() {
        // fan_in = fan_out = 2 channels × 2×2 receptive field.
        let bound = xavierBound(fanIn: 8, fanOut: 8)
        let weight = RandomGenerator(seed: 1).uniform(count: 16, dtype: .float32, from: -bound, to: bound)
        let printed = """
            0.3155, -0.2703, -0.1187, 0.2874, -0.5765, 0.3673, -0.1260, 0.3115,
            0.0851, -0.0750, 0.1698, 0.0302, 0.2237, -0.2386, -0.0446, -0.0551
            """
        #expect(fixed4(weight) == printedNumbers(printed))
    }
}
