import Testing

@testable import TensorEngine

@Suite("Generator seeding and state")
struct GeneratorStateTests {
    @Test("an unseeded generator starts from PyTorch's default seed")
    func defaultSeed() {
        let generator = RandomGenerator()
        #expect(generator.initialSeed == 67_280_421_310_721)
        // torch.rand(3, generator=torch.Generator())
        #expect(generator.uniform(count: 3, dtype: .float32) == [0.267295241355896, 0.8725283145904541, 0.3352888226509094])
    }

    @Test("manualSeed sets initialSeed and restarts the stream")
    func manualSeedRestarts() {
        let generator = RandomGenerator(seed: 5)
        _ = generator.uniform(count: 10, dtype: .float32)
        generator.manualSeed(0)
        #expect(generator.initialSeed == 0)
        #expect(generator.uniform(count: 1, dtype: .float32) == [0.49625658988952637])
    }

    @Test("manualSeed forgets the cached normal value")
    func manualSeedClearsCache() {
        let generator = RandomGenerator(seed: 0)
        _ = generator.normal(count: 1, dtype: .float32)
        #expect(generator.state.nextDoubleNormalSample != nil)
        generator.manualSeed(0)
        #expect(generator.state.nextDoubleNormalSample == nil)
        #expect(generator.normal(count: 1, dtype: .float32) == [1.5409960746765137])
    }

    @Test("the cache holds a normal, not uniforms: rand after an odd randn")
    func uniformAfterOddNormal() {
        let generator = RandomGenerator(seed: 0)
        _ = generator.normal(count: 1, dtype: .float32)
        #expect(generator.uniform(count: 1, dtype: .float32) == [0.30742281675338745])
    }

    @Test("a saved state replays the same numbers")
    func stateRoundTrip() {
        let generator = RandomGenerator(seed: 2024)
        _ = generator.normal(count: 3, dtype: .float32)
        let saved = generator.state
        let first = generator.normal(count: 7, dtype: .float32) + generator.uniform(count: 20, dtype: .float64)
        generator.state = saved
        let second = generator.normal(count: 7, dtype: .float32) + generator.uniform(count: 20, dtype: .float64)
        #expect(first == second)
        #expect(generator.initialSeed == 2024)
    }

    @Test("random64 puts the first 32-bit output in the high word")
    func random64Order() {
        let generator = RandomGenerator(seed: 0)
        #expect(generator.random64() == UInt64(2_357_136_044) << 32 | 2_546_248_239)
        #expect(generator.random32() == 3_071_714_933)
    }

    @Test("the default generator is one shared instance")
    func sharedDefault() {
        #expect(RandomGenerator.default === RandomGenerator.default)
    }
}
