/// An element type the compute kernels work on: `Float` and `Double`.
///
/// Each scalar names the SIMD vector its micro-kernels use — two 256-bit AVX
/// registers' worth (16 floats, 8 doubles) — so one generic kernel serves both
/// types and the optimizer specializes it for each. (`Codable` only because
/// `SIMD` requires it of its scalars.)
public protocol KernelScalar: BinaryFloatingPoint, SIMDScalar, Codable, Sendable {
    /// The vector one row of a micro-kernel tile holds.
    associatedtype KernelVector: SIMD where KernelVector.Scalar == Self
    /// One 256-bit register: the unit of kernels that need many accumulators.
    associatedtype KernelHalfVector: SIMD where KernelHalfVector.Scalar == Self
}

extension Float: KernelScalar {
    public typealias KernelVector = SIMD16<Float>
    public typealias KernelHalfVector = SIMD8<Float>
}

extension Double: KernelScalar {
    public typealias KernelVector = SIMD8<Double>
    public typealias KernelHalfVector = SIMD4<Double>
}

// MARK: - Multiply-add, the one place the rounding is decided

/// Every kernel accumulates with these two functions, so that all paths (tiny
/// scalar loops, packed SIMD tiles, edge tiles) round identically and a result
/// never depends on which path or tile computed it.
///
/// With `LITBOOK_NATIVE_CPU` the hardware has FMA and `a·b + c` is fused (one
/// rounding, as BLAS libraries do); a portable build multiplies and adds
/// separately, because a software `fma` per lane would be ~50× slower.
@inline(__always)
func multiplyAdd<T: KernelScalar>(_ a: T, _ b: T, _ c: T) -> T {
    #if LITBOOK_NATIVE_CPU
    return c.addingProduct(a, b)
    #else
    return a * b + c
    #endif
}

/// The vector form of `multiplyAdd`, lane by lane identical to the scalar one.
@inline(__always)
func multiplyAdd<V: SIMD>(_ a: V, _ b: V, _ c: V) -> V where V.Scalar: FloatingPoint {
    #if LITBOOK_NATIVE_CPU
    return c.addingProduct(a, b)
    #else
    return a * b + c
    #endif
}

// MARK: - Unaligned vector access

extension UnsafePointer where Pointee: KernelScalar {
    /// Loads `Pointee.KernelVector.scalarCount` consecutive elements.
    @inline(__always)
    func loadVector() -> Pointee.KernelVector {
        UnsafeRawPointer(self).loadUnaligned(as: Pointee.KernelVector.self)
    }

    /// Loads `V.scalarCount` consecutive elements.
    @inline(__always)
    func loadVector<V: SIMD>(as _: V.Type) -> V where V.Scalar == Pointee {
        UnsafeRawPointer(self).loadUnaligned(as: V.self)
    }
}

extension UnsafeMutablePointer where Pointee: KernelScalar {
    @inline(__always)
    func loadVector() -> Pointee.KernelVector {
        UnsafeRawPointer(self).loadUnaligned(as: Pointee.KernelVector.self)
    }

    /// Stores one vector into `Pointee.KernelVector.scalarCount` consecutive elements.
    @inline(__always)
    func storeVector(_ v: Pointee.KernelVector) {
        UnsafeMutableRawPointer(self).storeBytes(of: v, as: Pointee.KernelVector.self)
    }
}
