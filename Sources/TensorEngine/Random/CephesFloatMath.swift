/// The float32 logarithm, sine and cosine of PyTorch's vectorised normal
/// sampler, operation for operation, eight lanes at a time.
///
/// `torch.randn` of 16 or more contiguous float32 elements runs an AVX2
/// Box–Muller kernel whose `log`, `sin` and `cos` are Cephes polynomial
/// approximations (Julien Pommier's `sse_mathfun`, ported to AVX), not the C
/// library's functions. They differ from correctly rounded results in the last
/// bits, and those bits show in `tolist()` and after arithmetic, so the engine
/// evaluates the same polynomials in the same order on the same eight lanes.
///
/// PyTorch's compiler fuses the multiply–add pairs into FMAs; each fused pair
/// is marked below. Which pairs are fused was established against 8 million
/// of PyTorch's normals: un-fusing any marked pair (except the DP3 reduction,
/// where it never mattered) changes some of them.
enum CephesFloatMath {
    typealias Lanes = SIMD8<Float>
    typealias Bits = SIMD8<UInt32>
    typealias Integers = SIMD8<Int32>

    // MARK: - Constants (exact float32 values, as the kernel stores them)

    static let sqrtHalf: Float = 0x1.6a09e6p-1
    static let logPolynomial: [Float] = [
        0x1.204376p-4, -0x1.d7a370p-4, 0x1.de4a34p-4, -0x1.fcba9ep-4, 0x1.23d37ep-3,
        -0x1.555ca0p-3, 0x1.999d58p-3, -0x1.fffff8p-3, 0x1.555554p-2,
    ]
    /// ln 2 split in a short head and a tail (Cephes' `q2`, `q1`).
    static let ln2Head: Float = 0x1.63p-1
    static let ln2Tail: Float = -0x1.bd0106p-13

    /// π/4 split in three parts for the argument reduction (Cephes' DP1–DP3).
    static let quarterPiParts: (Float, Float, Float) = (0x1.92p-1, 0x1.fb4p-13, 0x1.4442d2p-25)
    static let fourOverPi: Float = 0x1.45f306p+0
    static let sinPolynomial: (Float, Float, Float) = (-0x1.9943f2p-13, 0x1.11073cp-7, -0x1.555546p-3)
    static let cosPolynomial: (Float, Float, Float) = (0x1.99eb9cp-16, -0x1.6c0c34p-10, 0x1.55554ap-5)

    // MARK: - Logarithm

    /// The natural logarithm per lane as `log256_ps` computes it (NaN for
    /// lanes ≤ 0).
    static func log(_ input: Lanes) -> Lanes {
        let invalid = input .<= 0
        let smallestNormal = Lanes(repeating: Float(bitPattern: 0x0080_0000))
        // maxps(x, m): x where x > m, else m (also for NaN).
        let clamped = smallestNormal.replacing(with: input, where: input .> smallestNormal)
        let bits = unsafeBitCast(clamped, to: Bits.self)
        // Exponent and a mantissa in [0.5, 1).
        var exponent = floats(fromSmall: Integers(truncatingIfNeeded: bits &>> 23)) - 0x7F + 1
        var x = unsafeBitCast((bits & ~0x7F80_0000) | Float(0.5).bitPattern, to: Lanes.self)
        let belowSqrtHalf = x .< sqrtHalf
        let extra = Lanes(repeating: 0).replacing(with: x, where: belowSqrtHalf)
        x = x - 1
        exponent = exponent - Lanes(repeating: 0).replacing(with: 1, where: belowSqrtHalf)
        x = x + extra

        let z = x * x
        var y = Lanes(repeating: logPolynomial[0])
        for coefficient in logPolynomial.dropFirst() {
            y = Lanes(repeating: coefficient).addingProduct(y, x)  // fused
        }
        y = y * x
        y = (exponent * ln2Tail).addingProduct(y, z)  // fused on y·z, not on e·q1
        y = y - z * 0.5
        x = x + y
        x = x + exponent * ln2Head
        return x.replacing(with: Float(bitPattern: 0xFFFF_FFFF), where: invalid)
    }

    // MARK: - Sine and cosine

    /// Sine and cosine per lane as `sincos256_ps` computes them.
    static func sinCos(_ input: Lanes) -> (sin: Lanes, cos: Lanes) {
        let inputBits = unsafeBitCast(input, to: Bits.self)
        var sinSign = inputBits & 0x8000_0000
        var x = unsafeBitCast(inputBits & 0x7FFF_FFFF, to: Lanes.self)
        // Truncate x·4/π to an integer, round it up to even: the octant.
        let octant = (integers(fromWhole: (x * fourOverPi).rounded(.towardZero)) &+ 1) & ~1
        let y = floats(fromSmall: octant)

        let sinSwap = unsafeBitCast((octant & 4) &<< 29, to: Bits.self)
        // All ones in lanes where the sine polynomial gives the sine. (Built
        // with integer arithmetic: SIMD integer comparisons are scalar loops.)
        let sinePolynomialMask = Bits(truncatingIfNeeded: ((octant & 2) &>> 1) &- 1)
        x = x + y * -quarterPiParts.0
        x = x + y * -quarterPiParts.1
        x = x.addingProduct(y, Lanes(repeating: -quarterPiParts.2))  // fused
        let cosSign = unsafeBitCast((~(octant &- 2) & 4) &<< 29, to: Bits.self)
        sinSign ^= sinSwap

        let z = x * x
        var cosine = Lanes(repeating: cosPolynomial.1).addingProduct(Lanes(repeating: cosPolynomial.0), z)  // fused
        cosine = Lanes(repeating: cosPolynomial.2).addingProduct(cosine, z)  // fused
        cosine = cosine * z
        cosine = (-(z * 0.5)).addingProduct(cosine, z)  // fused: y·z − z/2
        cosine = cosine + 1

        var sine = Lanes(repeating: sinPolynomial.1).addingProduct(Lanes(repeating: sinPolynomial.0), z)  // fused
        sine = Lanes(repeating: sinPolynomial.2).addingProduct(sine, z)  // fused
        sine = sine * z
        sine = x.addingProduct(sine, x)  // fused: y·x + x

        // Select with masks and sums, exactly as the kernel does (adding the
        // masked-out +0 matters for the sign of zero).
        let sinPartSine = unsafeBitCast(unsafeBitCast(sine, to: Bits.self) & sinePolynomialMask, to: Lanes.self)
        let sinPartCosine = unsafeBitCast(unsafeBitCast(cosine, to: Bits.self) & ~sinePolynomialMask, to: Lanes.self)
        let cosPartSine = sine - sinPartSine
        let cosPartCosine = cosine - sinPartCosine
        let s = unsafeBitCast(sinPartCosine + sinPartSine, to: Bits.self) ^ sinSign
        let c = unsafeBitCast(cosPartCosine + cosPartSine, to: Bits.self) ^ cosSign
        return (unsafeBitCast(s, to: Lanes.self), unsafeBitCast(c, to: Lanes.self))
    }

    // MARK: - Exact conversions for the kernel's domain

    /// Whole numbers in [0, 2²³) to Int32 lanes, exactly (as `cvttps` on
    /// them), by reading them off the mantissa of `value + 2²³`. The generic
    /// SIMD conversions are scalar loops; this is two vector operations.
    ///
    /// The normal kernel only passes angles in [0, 2π], so x·4/π < 8.
    @inline(__always)
    static func integers(fromWhole value: Lanes) -> Integers {
        let shifted = unsafeBitCast(value + 0x1p23, to: Bits.self) & 0x007F_FFFF
        return Integers(truncatingIfNeeded: shifted)
    }

    /// Int32 lanes in [0, 2²³) to floats, exactly (as `cvtdq2ps` on them).
    @inline(__always)
    static func floats(fromSmall value: Integers) -> Lanes {
        unsafeBitCast(Bits(truncatingIfNeeded: value) | 0x4B00_0000, to: Lanes.self) - 0x1p23
    }
}
