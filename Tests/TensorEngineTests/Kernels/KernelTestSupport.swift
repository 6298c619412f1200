import Testing

@testable import TensorEngine

/// A small deterministic generator (SplitMix64) so every test input is reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// `count` values uniform in [-1, 1).
func randomValues<T: KernelScalar>(_ count: Int, seed: UInt64, as _: T.Type = T.self) -> [T]
where T.RawSignificand: FixedWidthInteger {
    var generator = SeededGenerator(seed: seed)
    return (0..<max(count, 0)).map { _ in T.random(in: -1..<1, using: &generator) }
}

/// The bit patterns of floating-point values, for exact comparisons that also
/// tell +0 from -0 and compare NaNs.
func bitPatterns(_ values: [Float]) -> [UInt32] { values.map(\.bitPattern) }
func bitPatterns(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

/// Checks `actual` against a float64 reference, element by element, allowing
/// `tolerance · bound[i]` where `bound[i]` is the sum of the magnitudes of the
/// terms that made element `i` (so long sums get proportionally more room).
func expectClose<T: KernelScalar>(
    _ actual: [T], _ reference: [Double], bounds: [Double], tolerance: Double,
    _ context: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.count == reference.count, "\(context): count", sourceLocation: sourceLocation)
    var failures = 0
    for index in 0..<min(actual.count, reference.count) {
        let value = Double(actual[index])
        if !reference[index].isFinite {
            // Infinities must match exactly; a NaN reference wants a NaN.
            let matches = reference[index].isNaN ? value.isNaN : value == reference[index]
            if !matches {
                failures += 1
                Issue.record("\(context): element \(index) is \(value), expected \(reference[index])", sourceLocation: sourceLocation)
            }
            continue
        }
        let error = abs(value - reference[index])
        let allowed = tolerance * bounds[index] + 1e-300
        if !(error <= allowed) {
            failures += 1
            if failures <= 3 {
                Issue.record(
                    "\(context): element \(index) is \(actual[index]), expected \(reference[index]) (error \(error) > \(allowed))",
                    sourceLocation: sourceLocation)
            }
        }
    }
    #expect(failures == 0, "\(context): \(failures) elements differ", sourceLocation: sourceLocation)
}

/// The rounding allowance for a sum of `terms` products in `T`: a multiple of
/// the classic γₙ = n·u bound of recursive summation.
func sumTolerance<T: KernelScalar>(terms: Int, as _: T.Type) -> Double {
    2 * Double(max(terms, 1) + 2) * Double(T.ulpOfOne)
}

/// Runs `body` once per thread count and returns the results.
func resultsForThreadCounts<R>(_ counts: [Int] = [1, 2, 3, 7], _ body: () throws -> R) rethrows -> [R] {
    try counts.map { count in try KernelThreads.withCount(count, body) }
}

/// Up to `limit` indices spread evenly over `0..<count`, first and last included.
func sampledIndices(_ count: Int, limit: Int = 12) -> [Int] {
    guard count > limit else { return Array(0..<count) }
    return (0..<limit).map { $0 * (count - 1) / (limit - 1) }
}
