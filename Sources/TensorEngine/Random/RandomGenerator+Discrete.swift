/// Integers, permutations and coin flips: `torch.randint`, `torch.randperm`,
/// `Tensor.bernoulli_` with a scalar probability (dropout's mask).
extension RandomGenerator {
    // MARK: - randint

    /// `count` integers uniform in [low, high), in fill order
    /// (PyTorch's `random_(from, to)` kernel behind `torch.randint`).
    ///
    /// Each value is `low + draw % (high - low)` with a 32-bit draw when the
    /// range is below 2²⁸, a 64-bit one otherwise (modulo bias included, as
    /// in PyTorch).
    ///
    ///     RandomGenerator(seed: 0).randint(count: 5, low: 0, high: 10)  // [4, 9, 3, 0, 3]
    ///
    /// An empty range (`high <= low`) is an error in PyTorch
    /// (`invalidRangeMessage`); callers check it first. Should one arrive
    /// here, the result is `count` copies of `low` and nothing is drawn.
    public func randint(count: Int, low: Int64, high: Int64) -> [Int64] {
        guard count > 0 else { return [] }
        guard low < high else { return [Int64](repeating: low, count: count) }
        let range = UInt64(bitPattern: high) &- UInt64(bitPattern: low)
        let base = UInt64(bitPattern: low)
        return [Int64](unsafeUninitializedCapacity: count) { buffer, initialized in
            withState { state in
                if range >= Self.wideRandintRange {
                    state.engine.forEachOutput64(count) { i, draw in
                        buffer[i] = Int64(bitPattern: draw % range &+ base)
                    }
                } else {
                    state.engine.forEachOutput(count) { i, draw in
                        buffer[i] = Int64(bitPattern: UInt64(draw) % range &+ base)
                    }
                }
            }
            initialized = count
        }
    }

    /// From this range on, `randint` draws 64 bits per value (PyTorch's
    /// threshold, which keeps the modulo bias of 32-bit draws near 5 %).
    static let wideRandintRange: UInt64 = 1 << 28

    /// PyTorch's error text for an empty `randint` range, or nil when the
    /// range is valid.
    public static func invalidRangeMessage(low: Int64, high: Int64) -> String? {
        low < high ? nil : "random_ expects 'from' to be less than 'to', but got from=\(low) >= to=\(high)"
    }

    // MARK: - randperm

    /// A random permutation of `0..<n` (PyTorch's CPU `randperm`).
    ///
    /// For n below 2³²/20 PyTorch starts from the identity and, for each
    /// position i, swaps it with `i + random() % (n - i)`; for larger n it
    /// builds the permutation "inside out" with `random64() % (i + 1)`.
    ///
    ///     RandomGenerator(seed: 0).randperm(4)  // [0, 1, 3, 2]
    public func randperm(_ n: Int) -> [Int64] {
        guard n > 0 else { return [] }
        var permutation = [Int64](repeating: 0, count: n)
        withState { state in
            permutation.withUnsafeMutableBufferPointer { values in
                if UInt64(n) < UInt64(UInt32.max) / 20 {
                    for i in 0..<n { values[i] = Int64(i) }
                    for i in 0..<(n - 1) {
                        let offset = Int(UInt64(state.engine.next()) % UInt64(n - i))
                        values.swapAt(i, i + offset)
                    }
                } else {
                    for i in 0..<n {
                        let target = Int(Self.random64(&state.engine) % UInt64(i + 1))
                        values[i] = values[target]
                        values[target] = Int64(i)
                    }
                }
            }
        }
        return permutation
    }

    // MARK: - bernoulli

    /// `count` coin flips that are true with `probability`, in fill order
    /// (PyTorch's CPU `bernoulli_(p)`: a 53-bit uniform double `u`, true when
    /// `u < p`). Dropout keeps an element where the flip with `1 - p` is true.
    ///
    /// A probability outside [0, 1] is an error in PyTorch; here it simply
    /// gives all false (p ≤ 0) or all true (p > 1) after the same draws.
    public func bernoulli(count: Int, probability: Double) -> [Bool] {
        guard count > 0 else { return [] }
        return [Bool](unsafeUninitializedCapacity: count) { buffer, initialized in
            withState { state in
                state.engine.forEachOutput64(count) { i, bits in
                    buffer[i] = Self.unitDouble(bits) < probability
                }
            }
            initialized = count
        }
    }
}
