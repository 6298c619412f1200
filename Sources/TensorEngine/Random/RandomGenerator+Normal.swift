import Foundation

/// Normal numbers: `torch.randn`, `torch.normal`, `Tensor.normal_`,
/// `nn.init.normal_`.
///
/// PyTorch's CPU kernel takes one of three paths, and each gives different
/// numbers from the same seed:
/// - fewer than 16 elements, or a non-contiguous tensor: scalar double
///   Box–Muller, `u1`, `u2` from `random64()`, `r = sqrt(-2 log1p(-u2))`,
///   `θ = 2π u1`; `r cos θ` is returned and `r sin θ` cached for the next
///   draw (in this call or a later one, until `manualSeed`);
/// - 16 or more contiguous float32 elements: all uniforms first, then blocks
///   of 16 with `u1 = 1 - u[j]`, `u2 = u[j + 8]` through the AVX2 kernel's
///   float32 `log`/`sincos` (`CephesFloatMath`); when the count is not a
///   multiple of 16, the last 16 elements are drawn again from fresh uniforms
///   and transformed once more;
/// - 16 or more contiguous float64 elements: the same block scheme in double
///   precision with the C library's `log`, `cos` and `sin`.
extension RandomGenerator {
    // MARK: - Arrays

    /// `count` normal numbers with `mean` and `std` for a tensor of `dtype`,
    /// in fill order, each exactly representable in `dtype` (float64, or
    /// float32 for every other dtype).
    ///
    ///     RandomGenerator(seed: 0).normal(count: 3, dtype: .float32, mean: 0, std: 1)
    ///     // ≈ [1.5410, -0.2934, -2.1788]
    ///
    /// `isContiguous: false` selects the scalar path that PyTorch takes for
    /// strided views whatever their size.
    public func normal(
        count: Int, dtype: DType, mean: Double = 0, std: Double = 1, isContiguous: Bool = true
    ) -> [Double] {
        guard count > 0 else { return [] }
        if dtype == .float64 {
            return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
                fillNormal(buffer, mean: mean, std: std, isContiguous: isContiguous)
                initialized = count
            }
        }
        return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            withState { state in
                if count >= Self.normalBlock && isContiguous {
                    Self.blockNormalFloat(count: count, mean: Float(mean), std: Float(std), engine: &state.engine) {
                        buffer[$0] = Double($1)
                    }
                } else {
                    for i in 0..<count {
                        buffer[i] = Double(Float(Self.scalarNormal(&state, mean: mean, std: std)))
                    }
                }
            }
            initialized = count
        }
    }

    // MARK: - Buffers

    /// Fills float32 storage with normal numbers, as PyTorch's `normal_` does.
    public func fillNormal(
        _ buffer: UnsafeMutableBufferPointer<Float>, mean: Double = 0, std: Double = 1, isContiguous: Bool = true
    ) {
        withState { state in
            if buffer.count >= Self.normalBlock && isContiguous {
                Self.blockNormalFloat(count: buffer.count, mean: Float(mean), std: Float(std), engine: &state.engine) {
                    buffer[$0] = $1
                }
            } else {
                for i in buffer.indices {
                    buffer[i] = Float(Self.scalarNormal(&state, mean: mean, std: std))
                }
            }
        }
    }

    /// Fills float64 storage with normal numbers, as PyTorch's `normal_` does.
    public func fillNormal(
        _ buffer: UnsafeMutableBufferPointer<Double>, mean: Double = 0, std: Double = 1, isContiguous: Bool = true
    ) {
        withState { state in
            if buffer.count >= Self.normalBlock && isContiguous {
                Self.blockNormalDouble(buffer, mean: mean, std: std, engine: &state.engine)
            } else {
                for i in buffer.indices {
                    buffer[i] = Self.scalarNormal(&state, mean: mean, std: std)
                }
            }
        }
    }

    /// The block size of PyTorch's vectorised normal fill.
    static let normalBlock = 16

    // MARK: - Scalar path

    /// One normal number by double Box–Muller, using and refilling the cache.
    static func scalarNormal(_ state: inout State, mean: Double, std: Double) -> Double {
        let standard: Double
        if let cached = state.nextDoubleNormalSample {
            state.nextDoubleNormalSample = nil
            standard = cached
        } else {
            let u1 = unitDouble(&state.engine)
            let u2 = unitDouble(&state.engine)
            let radius = (-2.0 * Foundation.log1p(-u2)).squareRoot()
            let theta = 2.0 * Double.pi * u1
            state.nextDoubleNormalSample = radius * Foundation.sin(theta)
            standard = radius * Foundation.cos(theta)
        }
        return mean.addingProduct(standard, std)
    }

    // MARK: - Block paths

    /// PyTorch's AVX2 float32 fill, streamed block by block.
    ///
    /// PyTorch draws all uniforms, transforms each full block of 16, then
    /// draws 16 fresh uniforms for the last 16 elements. Transforms draw
    /// nothing, so transforming each block as soon as its uniforms are drawn
    /// gives the same numbers without a second pass over the output; the
    /// uniforms of a partial last block are drawn and discarded, because the
    /// tail overwrites them. `store(i, x)` receives element i (the tail's
    /// elements may be stored twice; the last store counts).
    static func blockNormalFloat(
        count: Int, mean: Float, std: Float, engine: inout MersenneTwister, store: (Int, Float) -> Void
    ) {
        let words = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: wordsPerStep)
        let block = UnsafeMutableBufferPointer<Float>.allocate(capacity: normalBlock)
        defer {
            words.deallocate()
            block.deallocate()
        }
        let full = count - count % normalBlock
        var done = 0
        while done < full {
            let part = UnsafeMutableBufferPointer(rebasing: words[0..<min(wordsPerStep, full - done)])
            engine.fill(part)
            for blockStart in stride(from: 0, to: part.count, by: normalBlock) {
                for j in 0..<normalBlock { block[j] = unitFloat(part[blockStart + j]) }
                transformFloatBlock(block, mean: mean, std: std)
                for j in 0..<normalBlock { store(done + blockStart + j, block[j]) }
            }
            done += part.count
        }
        guard full < count else { return }
        engine.fill(UnsafeMutableBufferPointer(rebasing: words[0..<(count - full)]))
        engine.fill(UnsafeMutableBufferPointer(rebasing: words[0..<normalBlock]))
        for j in 0..<normalBlock { block[j] = unitFloat(words[j]) }
        transformFloatBlock(block, mean: mean, std: std)
        for j in 0..<normalBlock { store(count - normalBlock + j, block[j]) }
    }

    /// Engine outputs drawn per step of the streamed float fill (a multiple
    /// of the block size).
    static let wordsPerStep = 128 * normalBlock

    /// Box–Muller on a block of 16 uniforms: the first 8 become the cosines,
    /// the last 8 the sines (one AVX2 step of PyTorch's kernel).
    @inline(__always)
    static func transformFloatBlock(_ block: UnsafeMutableBufferPointer<Float>, mean: Float, std: Float) {
        guard let base = block.baseAddress, block.count >= normalBlock else { return }
        let first = UnsafeMutableRawPointer(base)
        let second = UnsafeMutableRawPointer(base + normalBlock / 2)
        let u1 = 1 - first.loadUnaligned(as: CephesFloatMath.Lanes.self)
        let u2 = second.loadUnaligned(as: CephesFloatMath.Lanes.self)
        let radius = (-2 * CephesFloatMath.log(u1)).squareRoot()
        let (sine, cosine) = CephesFloatMath.sinCos(Float(2 * Double.pi) * u2)
        let meanLanes = CephesFloatMath.Lanes(repeating: mean)
        let stdLanes = CephesFloatMath.Lanes(repeating: std)
        first.storeBytes(of: meanLanes.addingProduct(radius * cosine, stdLanes), as: CephesFloatMath.Lanes.self)
        second.storeBytes(of: meanLanes.addingProduct(radius * sine, stdLanes), as: CephesFloatMath.Lanes.self)
    }

    /// PyTorch's generic fill, which float64 takes: the same blocks in double.
    static func blockNormalDouble(
        _ data: UnsafeMutableBufferPointer<Double>, mean: Double, std: Double, engine: inout MersenneTwister
    ) {
        let count = data.count
        engine.forEachOutput64(count) { i, bits in data[i] = unitDouble(bits) }
        var start = 0
        while start + normalBlock <= count {
            transformDoubleBlock(data, at: start, mean: mean, std: std)
            start += normalBlock
        }
        if count % normalBlock != 0 {
            let tail = count - normalBlock
            engine.forEachOutput64(normalBlock) { i, bits in data[tail + i] = unitDouble(bits) }
            transformDoubleBlock(data, at: tail, mean: mean, std: std)
        }
    }

    @inline(__always)
    static func transformDoubleBlock(_ data: UnsafeMutableBufferPointer<Double>, at start: Int, mean: Double, std: Double) {
        for j in start..<(start + normalBlock / 2) {
            let u1 = 1 - data[j]
            let u2 = data[j + normalBlock / 2]
            let radius = (-2 * Foundation.log(u1)).squareRoot()
            let theta = 2 * Double.pi * u2
            data[j] = mean.addingProduct(radius * Foundation.cos(theta), std)
            data[j + normalBlock / 2] = mean.addingProduct(radius * Foundation.sin(theta), std)
        }
    }
}
