import Testing

@testable import TensorEngine

@Suite("Mersenne Twister")
struct MersenneTwisterTests {
    @Test("seed 0 gives std::mt19937(0)'s first outputs")
    func firstOutputsOfSeedZero() {
        var engine = MersenneTwister(seed: 0)
        let outputs = (0..<4).map { _ in engine.next() }
        #expect(outputs == [2_357_136_044, 2_546_248_239, 3_071_714_933, 3_626_093_760])
    }

    @Test("the 10000th output of seed 5489 is 4123659995, as the C++ standard requires")
    func tenThousandthOutput() {
        var engine = MersenneTwister(seed: 5489)
        var last: UInt32 = 0
        for _ in 0..<10_000 { last = engine.next() }
        #expect(last == 4_123_659_995)
    }

    @Test("only the low 32 bits of the seed matter")
    func seedIsTruncated() {
        var wide = MersenneTwister(seed: 1 << 32 | 7)
        var narrow = MersenneTwister(seed: 7)
        #expect((0..<5).map { _ in wide.next() } == (0..<5).map { _ in narrow.next() })
    }

    @Test("bulk fill gives the same stream as single draws", arguments: [1, 623, 624, 625, 5000])
    func fillMatchesNext(count: Int) {
        var single = MersenneTwister(seed: 42)
        var bulk = MersenneTwister(seed: 42)
        _ = single.next()
        _ = bulk.next()  // start off a twist boundary
        let expected = (0..<count).map { _ in single.next() }
        var filled = [UInt32](repeating: 0, count: count)
        filled.withUnsafeMutableBufferPointer { bulk.fill($0) }
        #expect(filled == expected)
        #expect(bulk.next() == single.next())
    }
}
