import Testing

@testable import TensorEngine

/// `torch.rand` / `uniform_` against numbers real PyTorch produced
/// (conformance notebook rng.md, and PyTorch 2.13 for the exact bits).
@Suite("Uniform numbers")
struct UniformTests {
    @Test("manual_seed(0); rand(5).tolist() exactly")
    func randSeedZeroExact() {
        let values = RandomGenerator(seed: 0).uniform(count: 5, dtype: .float32)
        #expect(values == [0.49625658988952637, 0.7682217955589294, 0.08847743272781372, 0.13203048706054688, 0.30742281675338745])
    }

    @Test("rand(3) then rand(2, 2) continue one stream")
    func successiveDraws() {
        let generator = RandomGenerator(seed: 0)
        #expect(fixed4(generator.uniform(count: 3, dtype: .float32)) == ["0.4963", "0.7682", "0.0885"])
        #expect(fixed4(generator.uniform(count: 4, dtype: .float32)) == ["0.1320", "0.3074", "0.6341", "0.4901"])
    }

    struct PrintedCase: Sendable, CustomTestStringConvertible {
        let seed: UInt64
        let counts: [Int]
        let printed: String
        var testDescription: String { "seed \(seed), sizes \(counts)" }
    }

    static let printedCases: [PrintedCase] = [
        PrintedCase(
            seed: 1, counts: [16, 17],
            printed: """
                0.7576, 0.2793, 0.4031, 0.7347, 0.0293, 0.7999, 0.3971, 0.7544, 0.5695,
                0.4388, 0.6387, 0.5247, 0.6826, 0.3051, 0.4635, 0.4550
                0.5725, 0.4980, 0.9371, 0.6556, 0.3138, 0.1980, 0.4162, 0.2843, 0.3398,
                0.5239, 0.7981, 0.7718, 0.0112, 0.8100, 0.6397, 0.9743, 0.8300
                """),
        PrintedCase(
            seed: 42, counts: [100],
            printed: """
                0.8823, 0.9150, 0.3829, 0.9593, 0.3904, 0.6009, 0.2566, 0.7936, 0.9408,
                0.1332, 0.9346, 0.5936, 0.8694, 0.5677, 0.7411, 0.4294, 0.8854, 0.5739,
                0.2666, 0.6274, 0.2696, 0.4414, 0.2969, 0.8317, 0.1053, 0.2695, 0.3588,
                0.1994, 0.5472, 0.0062, 0.9516, 0.0753, 0.8860, 0.5832, 0.3376, 0.8090,
                0.5779, 0.9040, 0.5547, 0.3423, 0.6343, 0.3644, 0.7104, 0.9464, 0.7890,
                0.2814, 0.7886, 0.5895, 0.7539, 0.1952, 0.0050, 0.3068, 0.1165, 0.9103,
                0.6440, 0.7071, 0.6581, 0.4913, 0.8913, 0.1447, 0.5315, 0.1587, 0.6542,
                0.3278, 0.6532, 0.3958, 0.9147, 0.2036, 0.2018, 0.2018, 0.9497, 0.6666,
                0.9811, 0.0874, 0.0041, 0.1088, 0.1637, 0.7025, 0.6790, 0.9155, 0.2418,
                0.1591, 0.7653, 0.2979, 0.8035, 0.3813, 0.7860, 0.1115, 0.2477, 0.6524,
                0.6057, 0.3725, 0.7980, 0.8399, 0.1374, 0.2331, 0.9578, 0.3313, 0.3227,
                0.0162
                """),
        PrintedCase(
            seed: 2024, counts: [64],
            printed: """
                0.5317, 0.8313, 0.9718, 0.1193, 0.1669, 0.3495, 0.2150, 0.6201
                0.4849, 0.7492, 0.1521, 0.5625, 0.1735, 0.7046, 0.9265, 0.4061
                0.3045, 0.9073, 0.7637, 0.6101, 0.8914, 0.9090, 0.6652, 0.6786
                0.2268, 0.5031, 0.2151, 0.7988, 0.0784, 0.0706, 0.2972, 0.0692
                0.9827, 0.6969, 0.6907, 0.4406, 0.5646, 0.1914, 0.3562, 0.5626
                0.0469, 0.4520, 0.4588, 0.7574, 0.9929, 0.5146, 0.4524, 0.9701
                0.2343, 0.6591, 0.6730, 0.1999, 0.2684, 0.5766, 0.2735, 0.4980
                0.9732, 0.4558, 0.7026, 0.8392, 0.1718, 0.4847, 0.5086, 0.0755
                """),
        PrintedCase(
            seed: 0, counts: [24],  // printing.md: rand(2, 12)
            printed: """
                0.4963, 0.7682, 0.0885, 0.1320, 0.3074, 0.6341, 0.4901, 0.8964, 0.4556,
                0.6323, 0.3489, 0.4017, 0.0223, 0.1689, 0.2939, 0.5185, 0.6977, 0.8000,
                0.1610, 0.2823, 0.6816, 0.9152, 0.3971, 0.8742
                """),
    ]

    @Test("rand prints as PyTorch printed it", arguments: printedCases)
    func printedValues(_ example: PrintedCase) {
        let generator = RandomGenerator(seed: example.seed)
        let drawn = example.counts.flatMap { generator.uniform(count: $0, dtype: .float32) }
        #expect(fixed4(drawn) == printedNumbers(example.printed))
    }

    @Test("two rand(3) equal one rand(6)")
    func streamIsContinuous() {
        let split = RandomGenerator(seed: 42)
        let first = split.uniform(count: 3, dtype: .float32) + split.uniform(count: 3, dtype: .float32)
        #expect(first == RandomGenerator(seed: 42).uniform(count: 6, dtype: .float32))
        #expect(fixed4(first) == ["0.8823", "0.9150", "0.3829", "0.9593", "0.3904", "0.6009"])
    }

    @Test("float64 rand uses 53 bits of random64()")
    func randFloat64() {
        let values = RandomGenerator(seed: 0).uniform(count: 3, dtype: .float64)
        #expect(values == [0.9700530018065531, 0.707819864399788, 0.45938294312745087])
    }

    @Test("uniform_(-2, 3): float32 fma and float64, exact bits")
    func uniformWithBounds() {
        let single = RandomGenerator(seed: 6).uniform(count: 4, dtype: .float32, from: -2, to: 3)
        #expect(single == floats([0x3F5C_69B2, 0x3F44_F5ED, 0x403B_C91C, 0x3F85_2392]))
        let double = RandomGenerator(seed: 6).uniform(count: 4, dtype: .float64, from: -2, to: 3)
        #expect(double == doubles([0x3FEC_69B6_BCC4_F5ED, 0x4003_C91C_0302_91C9, 0x4003_1704_948F_BCC8, 0xBF9B_2E64_C851_9DC0]))
    }

    @Test("every float32 value is exactly a float")
    func float32ValuesAreFloats() {
        let values = RandomGenerator(seed: 9).uniform(count: 1000, dtype: .float32, from: -0.3, to: 0.7)
        #expect(values.allSatisfy { Double(Float($0)) == $0 && $0 >= Double(Float(-0.3)) && $0 < 0.7 })
    }

    @Test("buffer fills give the array fills' values")
    func buffersMatchArrays() {
        var floatBuffer = [Float](repeating: 0, count: 40)
        floatBuffer.withUnsafeMutableBufferPointer { RandomGenerator(seed: 3).fillUniform($0, from: -1, to: 1) }
        #expect(floatBuffer.map(Double.init) == RandomGenerator(seed: 3).uniform(count: 40, dtype: .float32, from: -1, to: 1))
        var doubleBuffer = [Double](repeating: 0, count: 40)
        doubleBuffer.withUnsafeMutableBufferPointer { RandomGenerator(seed: 3).fillUniform($0) }
        #expect(doubleBuffer == RandomGenerator(seed: 3).uniform(count: 40, dtype: .float64))
    }

    @Test("a long fill crosses chunk boundaries without losing a draw")
    func longFill() {
        let generator = RandomGenerator(seed: 0)
        let values = generator.uniform(count: 4000, dtype: .float32)
        #expect(Array(values.suffix(3)) == [0.3527682423591614, 0.45392048358917236, 0.9423873424530029])
    }

    @Test("zero or negative counts draw nothing")
    func emptyCounts() {
        let generator = RandomGenerator(seed: 0)
        #expect(generator.uniform(count: 0, dtype: .float32).isEmpty)
        #expect(generator.uniform(count: -3, dtype: .float64).isEmpty)
        #expect(generator.uniform(count: 1, dtype: .float32) == [0.49625658988952637])
    }
}
