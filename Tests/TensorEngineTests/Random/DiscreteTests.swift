import Testing

@testable import TensorEngine

/// `torch.randint`, `torch.randperm` and `bernoulli_` (dropout masks).
@Suite("Integers, permutations and coin flips")
struct DiscreteTests {
    struct RandintCase: Sendable, CustomTestStringConvertible {
        let seed: UInt64
        let draws: [(count: Int, low: Int64, high: Int64, expected: [Int64])]
        var testDescription: String { "seed \(seed): " + draws.map { "[\($0.low), \($0.high))" }.joined(separator: " ") }
    }

    static let randintCases: [RandintCase] = [
        RandintCase(seed: 0, draws: [
            (5, 0, 10, [4, 9, 3, 0, 3]),
            (17, -5, 5, [4, 2, -2, 2, -2, -4, 1, 1, 4, 3, 1, 1, 3, -1, -2, 1, 4]),
        ]),
        RandintCase(seed: 42, draws: [
            (9, 0, 10, [2, 7, 6, 4, 6, 5, 0, 4, 0]),
            (16, 0, 2, [1, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 1]),
        ]),
        RandintCase(seed: 2024, draws: [(8, 0, 10, [2, 0, 4, 0, 3, 0, 0, 1])]),
        // Ranges from 2^28 on draw 64 bits per value.
        RandintCase(seed: 0, draws: [(4, 0, 1 << 28 - 1, [209_652_404, 130_329_144, 118_924_928, 136_432_845])]),
        RandintCase(seed: 0, draws: [(4, 0, 1 << 28, [130_329_135, 136_432_832, 195_187_451, 149_257_575])]),
        RandintCase(seed: 0, draws: [(
            4, -(1 << 62), 1 << 62,
            [-3_711_235_831_533_098_449, -642_142_871_786_238_784, -2_716_036_421_228_801_285, -3_783_737_528_391_729_817]
        )]),
    ]

    @Test("randint gives PyTorch's integers", arguments: randintCases)
    func randint(_ example: RandintCase) {
        let generator = RandomGenerator(seed: example.seed)
        for draw in example.draws {
            #expect(generator.randint(count: draw.count, low: draw.low, high: draw.high) == draw.expected)
        }
    }

    @Test("the widest range does not overflow")
    func widestRange() {
        let values = RandomGenerator(seed: 3).randint(count: 100, low: .min, high: .max)
        #expect(values.count == 100)
        #expect(values.allSatisfy { $0 < .max })
    }

    @Test("an empty range is PyTorch's error, and draws nothing if it arrives anyway")
    func emptyRange() {
        #expect(RandomGenerator.invalidRangeMessage(low: 5, high: 5) == "random_ expects 'from' to be less than 'to', but got from=5 >= to=5")
        #expect(RandomGenerator.invalidRangeMessage(low: 0, high: 1) == nil)
        let generator = RandomGenerator(seed: 0)
        #expect(generator.randint(count: 2, low: 5, high: 3) == [5, 5])
        #expect(generator.randint(count: 1, low: 0, high: 10) == [4])
    }

    @Test("randperm after seed 0 and 2024")
    func randperm() {
        let generator = RandomGenerator(seed: 0)
        #expect(generator.randperm(4) == [0, 1, 3, 2])
        #expect(generator.randperm(10) == [0, 8, 5, 9, 2, 7, 3, 6, 1, 4])
        #expect(RandomGenerator(seed: 2024).randperm(20) == [12, 4, 0, 2, 15, 10, 5, 7, 13, 9, 17, 3, 1, 19, 14, 18, 6, 8, 16, 11])
    }

    @Test("randperm is a permutation; n ≤ 1 draws nothing", arguments: [0, 1, 2, 1000])
    func randpermIsPermutation(n: Int) {
        let generator = RandomGenerator(seed: 11)
        #expect(generator.randperm(n).sorted() == (0..<Int64(max(n, 0))).map { $0 })
        let after = generator.uniform(count: 1, dtype: .float32)
        let reference = RandomGenerator(seed: 11)
        _ = reference.randperm(n)
        #expect(reference.uniform(count: 1, dtype: .float32) == after)
        if n <= 1 { #expect(after == RandomGenerator(seed: 11).uniform(count: 1, dtype: .float32)) }
    }

    @Test("bernoulli_(0.5) on 20 elements, then rand(2) continues after 40 words")
    func bernoulli() {
        let generator = RandomGenerator(seed: 0)
        let flips = generator.bernoulli(count: 20, probability: 0.5).map { $0 ? 1 : 0 }
        #expect(flips == [0, 0, 1, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 0, 0])
        #expect(generator.uniform(count: 2, dtype: .float32) == [0.5262957811355591, 0.24365824460983276])
    }

    @Test("dropout(p=0.25) keeps where bernoulli(0.75) is true")
    func dropoutMask() {
        // F.dropout(torch.ones(8), 0.25) after seed 0 printed
        // [0, 4/3, 4/3, 0, 4/3, 0, 4/3, 4/3].
        let keep = RandomGenerator(seed: 0).bernoulli(count: 8, probability: 0.75)
        #expect(keep == [false, true, true, false, true, false, true, true])
    }

    @Test("probabilities 0 and 1 are all false and all true", arguments: [0.0, 1.0])
    func extremeProbabilities(probability: Double) {
        let flips = RandomGenerator(seed: 1).bernoulli(count: 50, probability: probability)
        #expect(flips.allSatisfy { $0 == (probability == 1) })
    }
}
