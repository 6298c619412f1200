import Foundation

/// PyTorch's CPU random generator, reproduced bit for bit.
///
/// After `manualSeed(s)` every filler (`uniform`, `normal`, `randint`,
/// `randperm`, `bernoulli`) returns exactly the numbers that
/// `torch.manual_seed(s)` followed by the same PyTorch calls gives on the CPU,
/// because it runs the same engine (`MersenneTwister`), the same bit
/// transformations and the same kernel paths. All fillers draw from one
/// stream, so the order of calls matters exactly as it does in PyTorch.
///
///     let generator = RandomGenerator(seed: 0)
///     generator.uniform(count: 3, dtype: .float32)
///     // [0.49625658988952637, 0.7682217955589294, 0.08847743272781372]
///
/// The generator is a reference type, like PyTorch's: every tensor factory of
/// a notebook shares `RandomGenerator.default`. Its methods lock, so it may be
/// shared across threads; the numbers then depend on the order of the calls.
public final class RandomGenerator: @unchecked Sendable {
    // MARK: - Seeds

    /// The seed PyTorch's default CPU generator starts from when nothing
    /// seeded it (`torch.initial_seed()` in a fresh process).
    public static let defaultSeed: UInt64 = 67_280_421_310_721

    /// The process-wide generator that `torch.manual_seed`, `torch.rand`,
    /// `torch.randn` and the default initialisation of layers use.
    public static let `default` = RandomGenerator()

    // MARK: - State

    /// Everything that determines the generator's future output: what
    /// `torch.get_rng_state()` saves and `torch.set_rng_state()` restores.
    public struct State: Sendable, Equatable {
        /// The seed last given to `manualSeed` (or the default seed).
        public var seed: UInt64
        /// The Mersenne Twister engine and its position.
        public var engine: MersenneTwister
        /// The second value of the last scalar double Box–Muller pair, kept
        /// for the next normal draw (PyTorch's `next_double_normal_sample`).
        public var nextDoubleNormalSample: Double?
        /// The float counterpart (`next_float_normal_sample`); PyTorch's CPU
        /// kernels keep and reset it but draw float normals through doubles.
        public var nextFloatNormalSample: Float?

        /// The state right after seeding with `seed`.
        public init(seed: UInt64) {
            self.seed = seed
            self.engine = MersenneTwister(seed: seed)
            self.nextDoubleNormalSample = nil
            self.nextFloatNormalSample = nil
        }
    }

    /// Guards `current`; held for a whole fill, as PyTorch's generator mutex is.
    private let lock = NSLock()
    private var current: State

    /// A generator seeded with `seed` (PyTorch's default seed if omitted).
    public init(seed: UInt64 = RandomGenerator.defaultSeed) {
        current = State(seed: seed)
    }

    /// Reseeds the engine and forgets any cached normal value, as
    /// `torch.manual_seed(seed)` does.
    public func manualSeed(_ seed: UInt64) {
        withState { $0 = State(seed: seed) }
    }

    /// The seed last set (`torch.initial_seed()`).
    public var initialSeed: UInt64 {
        withState { $0.seed }
    }

    /// A copy of the full state, or replaces it (`get_rng_state`/`set_rng_state`).
    public var state: State {
        get { withState { $0 } }
        set { withState { $0 = newValue } }
    }

    // MARK: - Raw draws

    /// One 32-bit output of the engine (PyTorch's `random()`).
    public func random32() -> UInt32 {
        withState { $0.engine.next() }
    }

    /// Two 32-bit outputs joined, the first one in the high word
    /// (PyTorch's `random64()`).
    public func random64() -> UInt64 {
        withState { Self.random64(&$0.engine) }
    }

    // MARK: - Helpers for the fillers

    /// Runs `body` on the state while holding the lock.
    ///
    /// The fillers take the state out of `self` into a local for the duration
    /// of a fill, so that their inner loops touch a local value and not a
    /// class property (which would be checked for exclusive access on every
    /// draw).
    func withState<Result>(_ body: (inout State) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&current)
    }

    @inline(__always)
    static func random64(_ engine: inout MersenneTwister) -> UInt64 {
        let high = UInt64(engine.next())
        let low = UInt64(engine.next())
        return high << 32 | low
    }

    /// A uniform double in [0, 1) from the low 53 bits of `random64()`
    /// (PyTorch's `uniform_real_distribution<double>(0, 1)`).
    @inline(__always)
    static func unitDouble(_ engine: inout MersenneTwister) -> Double {
        unitDouble(random64(&engine))
    }

    @inline(__always)
    static func unitDouble(_ bits: UInt64) -> Double {
        Double(bits & (1 << 53 - 1)) * 0x1p-53
    }

    /// A uniform float in [0, 1) from the low 24 bits of one 32-bit output
    /// (PyTorch's `uniform_real_distribution<float>(0, 1)`).
    @inline(__always)
    static func unitFloat(_ word: UInt32) -> Float {
        Float(word & 0xFF_FFFF) * 0x1p-24
    }
}
