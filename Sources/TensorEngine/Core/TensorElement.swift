import Foundation

/// A Swift type that stores the elements of one `DType`.
///
/// Kernels are generic over this protocol and are specialised per dtype by one
/// `switch` outside the loop, so inner loops see concrete types (no per-element
/// enum switch or closure call). Conversions follow C++ `static_cast` as PyTorch
/// uses it: floating → integer truncates toward zero, anything → bool is `!= 0`.
public protocol TensorElement {
    static var dtype: DType { get }
    static var zero: Self { get }

    /// Truncates toward zero for integers; NaN and out-of-range values give the
    /// x86 "integer indefinite" (`Int64.min` then narrowed) instead of trapping.
    static func converting(double value: Double) -> Self
    /// Wraps (two's complement) for narrower integers.
    static func converting(int64 value: Int64) -> Self
    static func converting(bool value: Bool) -> Self

    var doubleValue: Double { get }
    var int64Value: Int64 { get }
    var boolValue: Bool { get }
}

extension TensorElement {
    /// Converts an element of another dtype the way `Tensor.to(dtype)` does.
    @inline(__always)
    static func converting<Source: TensorElement>(_ source: Source) -> Self {
        if Source.dtype.isFloatingPoint {
            return converting(double: source.doubleValue)
        } else if Source.dtype == .bool {
            return converting(bool: source.boolValue)
        } else {
            return converting(int64: source.int64Value)
        }
    }
}

/// Converts a double to `Int64` without trapping: NaN, ±inf and out-of-range
/// values become `Int64.min`, which is what x86's `cvttsd2si` gives PyTorch.
@inline(__always)
func truncatingToInt64(_ value: Double) -> Int64 {
    if value.isNaN || value >= 9.223372036854775807e18 || value < -9.223372036854775808e18 {
        return Int64.min
    }
    return Int64(value)
}

// MARK: - Floating point

extension Float: TensorElement {
    public static var dtype: DType { .float32 }
    @inline(__always) public static func converting(double value: Double) -> Self { Float(value) }
    @inline(__always) public static func converting(int64 value: Int64) -> Self { Float(value) }
    @inline(__always) public static func converting(bool value: Bool) -> Self { value ? 1 : 0 }
    @inline(__always) public var doubleValue: Double { Double(self) }
    @inline(__always) public var int64Value: Int64 { truncatingToInt64(Double(self)) }
    @inline(__always) public var boolValue: Bool { self != 0 }
}

extension Double: TensorElement {
    public static var dtype: DType { .float64 }
    @inline(__always) public static func converting(double value: Double) -> Self { value }
    @inline(__always) public static func converting(int64 value: Int64) -> Self { Double(value) }
    @inline(__always) public static func converting(bool value: Bool) -> Self { value ? 1 : 0 }
    @inline(__always) public var doubleValue: Double { self }
    @inline(__always) public var int64Value: Int64 { truncatingToInt64(self) }
    @inline(__always) public var boolValue: Bool { self != 0 }
}

// MARK: - Integers

extension Int64: TensorElement {
    public static var dtype: DType { .int64 }
    @inline(__always) public static func converting(double value: Double) -> Self { truncatingToInt64(value) }
    @inline(__always) public static func converting(int64 value: Int64) -> Self { value }
    @inline(__always) public static func converting(bool value: Bool) -> Self { value ? 1 : 0 }
    @inline(__always) public var doubleValue: Double { Double(self) }
    @inline(__always) public var int64Value: Int64 { self }
    @inline(__always) public var boolValue: Bool { self != 0 }
}

extension Int32: TensorElement {
    public static var dtype: DType { .int32 }
    @inline(__always) public static func converting(double value: Double) -> Self {
        Int32(truncatingIfNeeded: truncatingToInt64(value))
    }
    @inline(__always) public static func converting(int64 value: Int64) -> Self { Int32(truncatingIfNeeded: value) }
    @inline(__always) public static func converting(bool value: Bool) -> Self { value ? 1 : 0 }
    @inline(__always) public var doubleValue: Double { Double(self) }
    @inline(__always) public var int64Value: Int64 { Int64(self) }
    @inline(__always) public var boolValue: Bool { self != 0 }
}

extension UInt8: TensorElement {
    public static var dtype: DType { .uint8 }
    @inline(__always) public static func converting(double value: Double) -> Self {
        UInt8(truncatingIfNeeded: truncatingToInt64(value))
    }
    @inline(__always) public static func converting(int64 value: Int64) -> Self { UInt8(truncatingIfNeeded: value) }
    @inline(__always) public static func converting(bool value: Bool) -> Self { value ? 1 : 0 }
    @inline(__always) public var doubleValue: Double { Double(self) }
    @inline(__always) public var int64Value: Int64 { Int64(self) }
    @inline(__always) public var boolValue: Bool { self != 0 }
}

// MARK: - Bool

extension Bool: TensorElement {
    public static var dtype: DType { .bool }
    public static var zero: Bool { false }
    @inline(__always) public static func converting(double value: Double) -> Self { value != 0 }
    @inline(__always) public static func converting(int64 value: Int64) -> Self { value != 0 }
    @inline(__always) public static func converting(bool value: Bool) -> Self { value }
    @inline(__always) public var doubleValue: Double { self ? 1 : 0 }
    @inline(__always) public var int64Value: Int64 { self ? 1 : 0 }
    @inline(__always) public var boolValue: Bool { self }
}
