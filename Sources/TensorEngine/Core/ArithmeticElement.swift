import Foundation

/// The numeric element types (every dtype except bool).
///
/// Integer arithmetic wraps like C++ (PyTorch never traps on overflow), so the
/// integer conformances use the `&+` family; division by zero is checked by the
/// callers before a kernel runs.
public protocol ArithmeticElement: TensorElement, Comparable {
    static func add(_ a: Self, _ b: Self) -> Self
    static func subtract(_ a: Self, _ b: Self) -> Self
    static func multiply(_ a: Self, _ b: Self) -> Self
    /// Python's `//`: rounds toward negative infinity.
    static func floorDivide(_ a: Self, _ b: Self) -> Self
    /// Python's `%`: the result has the sign of the divisor.
    static func remainder(_ a: Self, _ b: Self) -> Self
    static func power(_ a: Self, _ b: Self) -> Self
    static func negate(_ a: Self) -> Self
    static func absolute(_ a: Self) -> Self
    var isNaNValue: Bool { get }
}

// MARK: - Integers

/// Shared integer rules: wrapping arithmetic and Python's floor semantics.
public protocol IntegerArithmeticElement: ArithmeticElement, FixedWidthInteger {}

extension IntegerArithmeticElement {
    @inline(__always) public static func add(_ a: Self, _ b: Self) -> Self { a &+ b }
    @inline(__always) public static func subtract(_ a: Self, _ b: Self) -> Self { a &- b }
    @inline(__always) public static func multiply(_ a: Self, _ b: Self) -> Self { a &* b }
    @inline(__always) public static func negate(_ a: Self) -> Self { 0 &- a }
    @inline(__always) public static func absolute(_ a: Self) -> Self { a < 0 ? 0 &- a : a }
    @inline(__always) public var isNaNValue: Bool { false }

    @inline(__always) public static func floorDivide(_ a: Self, _ b: Self) -> Self {
        // `dividedReportingOverflow` never traps (b == 0 and min / -1 are reported).
        let (quotient, overflow) = a.dividedReportingOverflow(by: b)
        if overflow { return b == 0 ? 0 : quotient }
        let (rest, _) = a.remainderReportingOverflow(dividingBy: b)
        if rest != 0 && ((rest < 0) != (b < 0)) { return quotient &- 1 }
        return quotient
    }

    @inline(__always) public static func remainder(_ a: Self, _ b: Self) -> Self {
        let (rest, overflow) = a.remainderReportingOverflow(dividingBy: b)
        if overflow { return 0 }
        if rest != 0 && ((rest < 0) != (b < 0)) { return rest &+ b }
        return rest
    }

    /// Exponentiation by squaring with wrapping; negative exponents are refused
    /// before the kernel runs (PyTorch: "Integers to negative integer powers…").
    @inline(__always) public static func power(_ a: Self, _ b: Self) -> Self {
        var result: Self = 1
        var base = a
        var exponent = b
        while exponent > 0 {
            if exponent & 1 == 1 { result = result &* base }
            base = base &* base
            exponent >>= 1
        }
        return result
    }
}

extension Int64: IntegerArithmeticElement {}
extension Int32: IntegerArithmeticElement {}
extension UInt8: IntegerArithmeticElement {}

// MARK: - Floating point

/// Float and Double: the dtypes that autograd, `exp`, `log`, … accept.
public protocol FloatingElement: ArithmeticElement, BinaryFloatingPoint, SIMDScalar, Codable {
    /// One AVX2 register of this type (8 floats, 4 doubles): the lane layout
    /// PyTorch's vectorised CPU kernels use, which `CascadeSum` reproduces.
    associatedtype LaneVector: SIMD where LaneVector.Scalar == Self

    static func exponential(_ x: Self) -> Self
    static func logarithm(_ x: Self) -> Self
    static func squareRoot(_ x: Self) -> Self
    static func hyperbolicTangent(_ x: Self) -> Self
    static func realPower(_ a: Self, _ b: Self) -> Self
    static func truncatingRemainder(_ a: Self, _ b: Self) -> Self
}

extension FloatingElement {
    @inline(__always) public static func add(_ a: Self, _ b: Self) -> Self { a + b }
    @inline(__always) public static func subtract(_ a: Self, _ b: Self) -> Self { a - b }
    @inline(__always) public static func multiply(_ a: Self, _ b: Self) -> Self { a * b }
    @inline(__always) public static func negate(_ a: Self) -> Self { -a }
    @inline(__always) public static func absolute(_ a: Self) -> Self { Swift.abs(a) }
    @inline(__always) public static func power(_ a: Self, _ b: Self) -> Self { realPower(a, b) }
    @inline(__always) public var isNaNValue: Bool { isNaN }

    /// PyTorch's `div_floor_floating`: floor of the true quotient, corrected so
    /// that `a == b * (a // b) + a % b` holds as closely as rounding allows.
    @inline(__always) public static func floorDivide(_ a: Self, _ b: Self) -> Self {
        if b == 0 { return a / b }
        let mod = truncatingRemainder(a, b)
        var div = (a - mod) / b
        if mod != 0 && ((b < 0) != (mod < 0)) { div -= 1 }
        if div == 0 { return (a / b).sign == .minus ? -0.0 : 0 }
        var floored = div.rounded(.down)
        if div - floored > 0.5 { floored += 1 }
        return floored
    }

    @inline(__always) public static func remainder(_ a: Self, _ b: Self) -> Self {
        var mod = truncatingRemainder(a, b)
        if mod != 0 && ((b < 0) != (mod < 0)) { mod += b }
        return mod
    }
}

extension Float: FloatingElement {
    public typealias LaneVector = SIMD8<Float>
    @inline(__always) public static func exponential(_ x: Float) -> Float { Foundation.exp(x) }
    @inline(__always) public static func logarithm(_ x: Float) -> Float { Foundation.log(x) }
    @inline(__always) public static func squareRoot(_ x: Float) -> Float { x.squareRoot() }
    @inline(__always) public static func hyperbolicTangent(_ x: Float) -> Float { Foundation.tanh(x) }
    @inline(__always) public static func realPower(_ a: Float, _ b: Float) -> Float { Foundation.pow(a, b) }
    @inline(__always) public static func truncatingRemainder(_ a: Float, _ b: Float) -> Float {
        Foundation.fmod(a, b)
    }
}

extension Double: FloatingElement {
    public typealias LaneVector = SIMD4<Double>
    @inline(__always) public static func exponential(_ x: Double) -> Double { Foundation.exp(x) }
    @inline(__always) public static func logarithm(_ x: Double) -> Double { Foundation.log(x) }
    @inline(__always) public static func squareRoot(_ x: Double) -> Double { x.squareRoot() }
    @inline(__always) public static func hyperbolicTangent(_ x: Double) -> Double { Foundation.tanh(x) }
    @inline(__always) public static func realPower(_ a: Double, _ b: Double) -> Double { Foundation.pow(a, b) }
    @inline(__always) public static func truncatingRemainder(_ a: Double, _ b: Double) -> Double {
        Foundation.fmod(a, b)
    }
}
