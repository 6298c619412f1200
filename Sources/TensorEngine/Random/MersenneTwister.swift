/// The 32-bit Mersenne Twister (MT19937) that PyTorch's CPU generator runs on.
///
/// PyTorch seeds it the classic way (`init_genrand`): the state's first word is
/// the low 32 bits of the 64-bit seed, and every further word is
/// `1812433253 * (w ^ (w >> 30)) + i`. Its outputs are therefore those of
/// C++'s `std::mt19937(seed & 0xFFFF_FFFF)`.
///
///     var engine = MersenneTwister(seed: 0)
///     engine.next()  // 2357136044
public struct MersenneTwister: Sendable, Equatable {
    // MARK: - Parameters of MT19937

    static let stateSize = 624
    static let shiftSize = 397
    static let matrixA: UInt32 = 0x9908_B0DF
    static let upperMask: UInt32 = 0x8000_0000
    static let lowerMask: UInt32 = 0x7FFF_FFFF

    // MARK: - State

    /// The 624 words of state; `index` is the next word to temper.
    private var words: [UInt32]
    private var index: Int

    /// Seeds the engine with the low 32 bits of `seed`, as PyTorch does.
    public init(seed: UInt64) {
        var words = [UInt32](repeating: 0, count: Self.stateSize)
        words[0] = UInt32(truncatingIfNeeded: seed)
        for i in 1..<Self.stateSize {
            let previous = words[i - 1]
            words[i] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(i)
        }
        self.words = words
        self.index = Self.stateSize
    }

    // MARK: - Drawing

    /// The next 32-bit output.
    @inline(__always)
    public mutating func next() -> UInt32 {
        if index >= Self.stateSize { twist() }
        let word = words.withUnsafeBufferPointer { $0[index] }
        index += 1
        return Self.temper(word)
    }

    /// Writes the next `buffer.count` outputs into `buffer`, in order.
    ///
    /// The same values as `buffer.count` calls to `next()`, without per-call
    /// overhead: bulk fills (60 000 × 784 uniforms) go through here.
    public mutating func fill(_ buffer: UnsafeMutableBufferPointer<UInt32>) {
        var written = 0
        while written < buffer.count {
            if index >= Self.stateSize { twist() }
            let available = min(Self.stateSize - index, buffer.count - written)
            words.withUnsafeBufferPointer { state in
                for k in 0..<available {
                    buffer[written + k] = Self.temper(state[index + k])
                }
            }
            index += available
            written += available
        }
    }

    /// Calls `body(i, output)` for the next `count` outputs, i = 0, 1, …,
    /// generating them in bulk chunks.
    @inline(__always)
    mutating func forEachOutput(_ count: Int, _ body: (Int, UInt32) -> Void) {
        let scratch = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: Self.chunkSize)
        defer { scratch.deallocate() }
        var done = 0
        while done < count {
            let part = UnsafeMutableBufferPointer(rebasing: scratch[0..<min(Self.chunkSize, count - done)])
            fill(part)
            for j in part.indices { body(done + j, part[j]) }
            done += part.count
        }
    }

    /// Calls `body(i, output)` for the next `count` 64-bit outputs (two
    /// 32-bit outputs each, the first in the high word), generated in bulk.
    @inline(__always)
    mutating func forEachOutput64(_ count: Int, _ body: (Int, UInt64) -> Void) {
        let scratch = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: Self.chunkSize)
        defer { scratch.deallocate() }
        var done = 0
        while done < count {
            let pairs = min(Self.chunkSize / 2, count - done)
            let part = UnsafeMutableBufferPointer(rebasing: scratch[0..<(2 * pairs)])
            fill(part)
            for j in 0..<pairs {
                body(done + j, UInt64(part[2 * j]) << 32 | UInt64(part[2 * j + 1]))
            }
            done += pairs
        }
    }

    /// Outputs generated per bulk step (a few pages of stack).
    static let chunkSize = 2048

    @inline(__always)
    static func temper(_ word: UInt32) -> UInt32 {
        var y = word
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// Regenerates all 624 words of state (the "twist"), in three runs so
    /// that no index needs wrapping.
    private mutating func twist() {
        let n = Self.stateSize
        let m = Self.shiftSize
        words.withUnsafeMutableBufferPointer { state in
            @inline(__always)
            func mix(_ upper: UInt32, _ lower: UInt32, _ far: UInt32) -> UInt32 {
                let y = (upper & Self.upperMask) | (lower & Self.lowerMask)
                return far ^ (y >> 1) ^ ((0 &- (y & 1)) & Self.matrixA)
            }
            for i in 0..<(n - m) {
                state[i] = mix(state[i], state[i + 1], state[i + m])
            }
            for i in (n - m)..<(n - 1) {
                state[i] = mix(state[i], state[i + 1], state[i + m - n])
            }
            state[n - 1] = mix(state[n - 1], state[0], state[m - 1])
        }
        index = 0
    }
}
