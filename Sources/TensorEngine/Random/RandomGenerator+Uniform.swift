/// Uniform real numbers: `torch.rand`, `Tensor.uniform_` and the `nn.init`
/// functions built on it (`uniform_`, `kaiming_uniform_`, `xavier_uniform_`).
extension RandomGenerator {
    // MARK: - Arrays

    /// `count` uniform numbers in [from, to) for a tensor of `dtype`, in fill
    /// order, each exactly representable in `dtype`.
    ///
    /// float64 draws 53 bits from `random64()`; every other dtype draws as
    /// float32 (24 bits of one 32-bit output). PyTorch first rounds `from`
    /// and `to` to the dtype, then computes `fma(u, to - from, from)` in it.
    ///
    ///     RandomGenerator(seed: 0).uniform(count: 2, dtype: .float32,
    ///                                      from: -0.5, to: 0.5)
    public func uniform(count: Int, dtype: DType, from: Double = 0, to: Double = 1) -> [Double] {
        guard count > 0 else { return [] }
        return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            if dtype == .float64 {
                fillUniform(buffer, from: from, to: to)
            } else {
                let low = Float(from)
                let span = Float(to) - low
                withState { state in
                    state.engine.forEachOutput(count) { i, word in
                        buffer[i] = Double(Self.uniformFloat(word, low: low, span: span))
                    }
                }
            }
            initialized = count
        }
    }

    // MARK: - Buffers

    /// Fills float32 storage with uniform numbers in [from, to), in order.
    public func fillUniform(_ buffer: UnsafeMutableBufferPointer<Float>, from: Double = 0, to: Double = 1) {
        let low = Float(from)
        let span = Float(to) - low
        withState { state in
            state.engine.forEachOutput(buffer.count) { i, word in
                buffer[i] = Self.uniformFloat(word, low: low, span: span)
            }
        }
    }

    /// Fills float64 storage with uniform numbers in [from, to), in order.
    public func fillUniform(_ buffer: UnsafeMutableBufferPointer<Double>, from: Double = 0, to: Double = 1) {
        let span = to - from
        withState { state in
            state.engine.forEachOutput64(buffer.count) { i, bits in
                buffer[i] = from.addingProduct(Self.unitDouble(bits), span)
            }
        }
    }

    // MARK: - One draw

    /// `fma(u, span, low)` in float32, the contraction PyTorch's compiled
    /// kernel performs (a separate multiply and add rounds differently).
    @inline(__always)
    static func uniformFloat(_ word: UInt32, low: Float, span: Float) -> Float {
        low.addingProduct(unitFloat(word), span)
    }
}
