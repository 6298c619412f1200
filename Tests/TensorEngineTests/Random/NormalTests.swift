import Testing

@testable import TensorEngine

/// `torch.randn` / `torch.normal` / `normal_` on all three of PyTorch's paths.
@Suite("Normal numbers")
struct NormalTests {
    // MARK: - Scalar double Box–Muller (fewer than 16 elements)

    @Test("manual_seed(0); randn(5).tolist() exactly")
    func randnSeedZeroExact() {
        let values = RandomGenerator(seed: 0).normal(count: 5, dtype: .float32)
        #expect(values == [1.5409960746765137, -0.293428897857666, -2.1787893772125244, 0.5684312582015991, -1.0845223665237427])
    }

    @Test("randn(3) then randn(2, 3)")
    func successiveSmallDraws() {
        let generator = RandomGenerator(seed: 0)
        #expect(fixed4(generator.normal(count: 3, dtype: .float32)) == ["1.5410", "-0.2934", "-2.1788"])
        #expect(fixed4(generator.normal(count: 6, dtype: .float32)) == printedNumbers("0.5684, -1.0845, -1.3986, 0.4033, 0.8380, -0.7193"))
    }

    @Test("an odd draw leaves the cached sine for the next call")
    func cacheCarriesOver() {
        let generator = RandomGenerator(seed: 0)
        let singles = (0..<3).flatMap { _ in generator.normal(count: 1, dtype: .float32) }
        #expect(fixed4(singles) == ["1.5410", "-0.2934", "-2.1788"])
        #expect(fixed4(generator.normal(count: 2, dtype: .float32)) == ["0.5684", "-1.0845"])
    }

    @Test("rand, randn, rand share the stream; the cache does not hold uniforms back")
    func mixedDraws() {
        let generator = RandomGenerator(seed: 42)
        #expect(fixed4(generator.uniform(count: 2, dtype: .float32)) == ["0.8823", "0.9150"])
        #expect(fixed4(generator.normal(count: 3, dtype: .float32)) == ["0.4740", "0.1978", "1.1561"])
        #expect(fixed4(generator.uniform(count: 2, dtype: .float32)) == ["0.9346", "0.5936"])
    }

    @Test("randn(4, 5) after seed 2024 and normal(0, 1, (10, 2)) give the same 20 numbers")
    func seed2024() {
        let printed = printedNumbers("""
            -1.2262, -0.0093,  1.5420, -0.4657,  1.8567,
             1.9776, -0.4322,  1.3667,  0.7131, -0.3869,
            -0.2535, -1.6675,  0.9962,  0.9391,  1.4148,
             0.6343, -0.0776, -1.1175, -0.6481,  0.6530
            """)
        #expect(fixed4(RandomGenerator(seed: 2024).normal(count: 20, dtype: .float32)) == printed)
        #expect(fixed4(RandomGenerator(seed: 2024).normal(count: 20, dtype: .float32, mean: 0, std: 1)) == printed)
    }

    @Test("normal_(mean=0.5, std=0.1) on 5 elements, exact bits")
    func scalarPathWithMeanAndStd() {
        let values = RandomGenerator(seed: 4).normal(count: 5, dtype: .float32, mean: 0.5, std: 0.1)
        #expect(values == floats([0x3EAD_CF53, 0x3F05_F39E, 0x3F39_5736, 0x3F15_B0D3, 0x3F1E_BC8B]))
    }

    @Test("nn.init.normal_(w, 0, 0.01) on a 2×4 weight")
    func smallInitNormal() {
        let values = RandomGenerator(seed: 0).normal(count: 8, dtype: .float32, mean: 0, std: 0.01)
        #expect(fixed4(values) == printedNumbers("0.0154, -0.0029, -0.0218, 0.0057, -0.0108, -0.0140, 0.0040, 0.0084"))
    }

    @Test("torch.normal(0, 1, (2, 3))")
    func torchNormalSmall() {
        let values = RandomGenerator(seed: 0).normal(count: 6, dtype: .float32, mean: 0, std: 1)
        #expect(fixed4(values) == printedNumbers("1.5410, -0.2934, -2.1788, 0.5684, -1.0845, -1.3986"))
    }

    // MARK: - Vectorised float32 Box–Muller (16 or more contiguous elements)

    @Test("randn(16) after seed 1")
    func sixteen() {
        let printed = printedNumbers("""
            -1.5256, -0.7502, -0.6540, -1.6095, -0.1002, -0.6092, -0.9798, -1.6091,
            -0.7121,  0.3037, -0.7773, -0.2515, -0.2223,  1.6871,  0.2284,  0.4676
            """)
        #expect(fixed4(RandomGenerator(seed: 1).normal(count: 16, dtype: .float32)) == printed)
    }

    @Test("randn(17) after seed 1: the last 16 are drawn again")
    func seventeen() {
        let printed = printedNumbers("""
            -1.5256, -1.1608,  0.6995,  0.1991,  0.8657,  0.2444, -0.6629,  0.8073,
             0.4391, -0.1759, -2.2456, -1.4465,  0.0612, -0.6177, -0.7981, -0.1316,
            -0.7984
            """)
        #expect(fixed4(RandomGenerator(seed: 1).normal(count: 17, dtype: .float32)) == printed)
    }

    @Test("randn(33) after seed 1, exact bits (Cephes log/sincos with PyTorch's FMAs)")
    func thirtyThreeExact() {
        let expected = floats([
            0xBFC3_46BA, 0xBF40_0F31, 0xBF27_6B4B, 0xBFCE_0399, 0xBDCD_2473, 0xBF1B_F3CE, 0xBF7A_D25B, 0xBFCD_F6DE,
            0xBF36_4F1C, 0x3E9B_8173, 0xBF46_FE12, 0xBE80_BEBE, 0xBE63_9AE0, 0x3FD7_F355, 0x3E69_E84A, 0x3EEF_6DEC,
            0xBF32_6CC9, 0xBD93_B9D4, 0x3E21_8E9E, 0xBF46_0124, 0x3E4B_D578, 0x3D3B_32D6, 0x3E1C_A0BD, 0xBEF3_8C2C,
            0xBFF0_EA0C, 0x3E95_E165, 0xBE21_A229, 0xBCEB_D302, 0x4016_DAE8, 0xBF84_C784, 0x3FC9_92FC, 0xBF21_3DAB,
            0x401A_0BEE,
        ])
        #expect(RandomGenerator(seed: 1).normal(count: 33, dtype: .float32) == expected)
    }

    @Test("randn(100) after seed 42, printed in scientific mode")
    func hundred() {
        let printed = printedNumbers("""
             1.9269e+00,  1.4873e+00,  9.0072e-01, -2.1055e+00,  6.7842e-01,
            -1.2345e+00, -4.3067e-02, -1.6047e+00, -7.5214e-01,  1.6487e+00,
            -3.9248e-01, -1.4036e+00, -7.2788e-01, -5.5943e-01, -7.6884e-01,
             7.6245e-01,  1.6423e+00, -1.5960e-01, -4.9740e-01,  4.3959e-01,
            -7.5813e-01,  1.0783e+00,  8.0080e-01,  1.6806e+00,  1.2791e+00,
             1.2964e+00,  6.1047e-01,  1.3347e+00, -2.3162e-01,  4.1759e-02,
            -2.5158e-01,  8.5986e-01, -1.3847e+00, -8.7124e-01, -2.2337e-01,
             1.7174e+00,  3.1888e-01, -4.2452e-01,  3.0572e-01, -7.7459e-01,
            -1.5576e+00,  9.9564e-01, -8.7979e-01, -6.0114e-01, -1.2742e+00,
             2.1228e+00, -1.2347e+00, -4.8791e-01, -9.1382e-01, -6.5814e-01,
             7.8024e-02,  5.2581e-01, -4.8799e-01,  1.1914e+00, -8.1401e-01,
            -7.3599e-01, -1.4032e+00,  3.6004e-02, -6.3477e-02,  6.7561e-01,
            -9.7807e-02,  1.8446e+00, -1.1845e+00,  1.3835e+00,  1.4451e+00,
             8.5641e-01,  2.2181e+00,  5.2317e-01,  3.4665e-01, -1.9733e-01,
            -1.0546e+00,  1.2780e+00, -1.7219e-01,  5.2379e-01,  5.6622e-02,
             4.2630e-01,  5.7501e-01, -6.4172e-01, -2.2064e+00, -7.5080e-01,
             1.0868e-02, -3.3874e-01, -1.3407e+00, -5.8537e-01,  6.4076e-01,
             5.8325e-01,  1.0669e+00, -4.5015e-01, -6.7875e-01,  5.7432e-01,
             1.8775e-01, -3.5762e-01,  2.6491e-01,  1.2732e+00, -1.3109e-03,
            -3.0360e-01, -9.8644e-01,  1.2330e-01,  3.4987e-01,  6.1728e-01
            """)
        #expect(scientific4(RandomGenerator(seed: 42).normal(count: 100, dtype: .float32)) == printed)
    }

    @Test("torch.normal(2.0, 0.5, (20,)) then torch.normal(0, 0.01, (3, 7))")
    func normalWithMeanAndStd() {
        let generator = RandomGenerator(seed: 1)
        let first = printedNumbers("""
            1.2372, 1.6249, 1.6730, 1.1953, 2.4328, 2.1222, 1.6685, 2.4037, 2.2196,
            2.5856, 2.8837, 1.9523, 2.0306, 1.6911, 1.6010, 1.9342, 1.6008, 2.1679,
            2.1377, 2.8582
            """)
        #expect(fixed4(generator.normal(count: 20, dtype: .float32, mean: 2, std: 0.5)) == first)
        let second = printedNumbers("""
             0.0020,  0.0005,  0.0015, -0.0048, -0.0188, -0.0052, -0.0180,
            -0.0131,  0.0045,  0.0114,  0.0025, -0.0178, -0.0003,  0.0030,
             0.0011, -0.0065,  0.0043,  0.0148, -0.0179,  0.0161, -0.0070
            """)
        #expect(fixed4(generator.normal(count: 21, dtype: .float32, mean: 0, std: 0.01)) == second)
    }

    @Test("normal_(2.0, 0.5) on 20 elements, exact bits")
    func vectorisedWithMeanAndStdExact() {
        let expected = floats([
            0x3FFB_1843, 0x400B_8426, 0x3FCD_F370, 0x4002_49F5, 0x4021_7905, 0x4010_B5C2, 0x3FF5_5300, 0x4001_B273,
            0x400C_F28B, 0x4013_8FC4, 0x4018_551E, 0x3FFD_D8CA, 0x401F_EEFB, 0x400E_B19B, 0x404D_F6F7, 0x3FF6_9AB2,
            0x400F_860E, 0x4006_9148, 0x400A_D467, 0x402B_49C3,
        ])
        #expect(RandomGenerator(seed: 3).normal(count: 20, dtype: .float32, mean: 2, std: 0.5) == expected)
    }

    @Test("nn.init.normal_(Linear(4, 5).weight, std=0.1): 20 elements, vectorised")
    func initNormalTwenty() {
        let printed = printedNumbers("""
             0.1927,  0.1487,  0.0901, -0.2106, -0.0758,  0.1078,  0.0801,  0.1681,
             0.0356, -0.0687, -0.0493,  0.0241, -0.0232,  0.0042, -0.0252,  0.0860,
            -0.0310, -0.0396,  0.0803, -0.0622
            """)
        #expect(fixed4(RandomGenerator(seed: 42).normal(count: 20, dtype: .float32, mean: 0, std: 0.1)) == printed)
    }

    @Test("a non-contiguous target takes the scalar path whatever its size")
    func nonContiguousUsesScalarPath() {
        let strided = RandomGenerator(seed: 0).normal(count: 20, dtype: .float32, isContiguous: false)
        let scalarFirstFive = RandomGenerator(seed: 0).normal(count: 5, dtype: .float32)
        #expect(Array(strided.prefix(5)) == scalarFirstFive)
    }

    // MARK: - float64

    @Test("float64: randn(3) is scalar, then randn(17) uses double blocks")
    func float64Paths() {
        let generator = RandomGenerator(seed: 0)
        #expect(fixed4(generator.normal(count: 3, dtype: .float64)) == ["1.5410", "-0.2934", "-2.1788"])
        let printed = printedNumbers("""
            -0.8840,  0.2103,  0.1772, -0.8305,  0.2387,  0.7335, -1.3219,  1.3148,
            -1.4875,  1.4881, -0.4484, -0.8910,  0.6749,  1.0469,  0.1543, -0.7499,
            -0.7234
            """)
        #expect(fixed4(generator.normal(count: 17, dtype: .float64)) == printed)
    }

    @Test("float64 randn(4) after seed 7 exactly")
    func float64Exact() {
        let values = RandomGenerator(seed: 7).normal(count: 4, dtype: .float64)
        #expect(values == [-0.1467950974849952, 0.7861412987235358, 0.9468216090039564, -1.1143440212610307])
    }

    @Test("float64 normal_(0.25, 3) on 17 elements, exact bits")
    func float64BlocksWithMeanAndStd() {
        let expected = doubles([
            0x4005_C405_CBB3_9DD9, 0x3FD1_C59E_8A86_4B61, 0x4004_50CB_D721_C5D4, 0x4005_9954_B639_5D86,
            0xC00F_AA20_7864_41BC, 0x4002_E414_4AF9_7073, 0x3FD9_C89C_CDBD_8810, 0x4006_17DE_BC07_3B6F,
            0xBFEA_C58B_15AA_F40E, 0x4009_2326_BB47_D874, 0x4013_0244_1C06_62EB, 0x4006_CC66_AAEC_9A4D,
            0xBFEE_8127_E732_1025, 0xBFFE_8DD0_FAC2_CD02, 0xBFE1_C9E5_29ED_2E9E, 0xBFED_F856_CF4C_6606,
            0x4018_01BE_B423_804B,
        ])
        #expect(RandomGenerator(seed: 5).normal(count: 17, dtype: .float64, mean: 0.25, std: 3) == expected)
    }

    @Test("blocks are independent: a longer fill starts with a shorter one's blocks")
    func blocksAreIndependent() {
        let short = RandomGenerator(seed: 12).normal(count: 4096, dtype: .float32)
        let long = RandomGenerator(seed: 12).normal(count: 4096 + 35, dtype: .float32)
        #expect(Array(long.prefix(4096)) == short)
        #expect(long.suffix(16) != short.suffix(16))
    }

    @Test("buffer fills give the array fills' values", arguments: [5, 16, 37, 4100])
    func buffersMatchArrays(count: Int) {
        var floatBuffer = [Float](repeating: 0, count: count)
        floatBuffer.withUnsafeMutableBufferPointer { RandomGenerator(seed: 8).fillNormal($0, mean: 1, std: 2) }
        #expect(floatBuffer.map(Double.init) == RandomGenerator(seed: 8).normal(count: count, dtype: .float32, mean: 1, std: 2))
        var doubleBuffer = [Double](repeating: 0, count: count)
        doubleBuffer.withUnsafeMutableBufferPointer { RandomGenerator(seed: 8).fillNormal($0) }
        #expect(doubleBuffer == RandomGenerator(seed: 8).normal(count: count, dtype: .float64))
    }
}
