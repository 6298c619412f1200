/// A Python number as it reaches the engine: `True`, `3` or `2.5`.
///
/// In mixed arithmetic PyTorch treats such a number as a "wrapped number": it
/// decides the result's *kind* (bool < integer < floating) but never widens the
/// tensor's dtype within a kind (`int32_tensor + 5` stays int32, `float32 + 2.5`
/// stays float32).
public enum Scalar: Hashable, Sendable, CustomStringConvertible {
    case bool(Bool)
    case int(Int64)
    case float(Double)

    /// The dtype PyTorch gives this number when it stands alone
    /// (`torch.tensor(2.5)` is float32, `torch.tensor(3)` int64).
    public var defaultDType: DType {
        switch self {
        case .bool: .bool
        case .int: .int64
        case .float: .float32
        }
    }

    public var doubleValue: Double {
        switch self {
        case .bool(let value): value ? 1 : 0
        case .int(let value): Double(value)
        case .float(let value): value
        }
    }

    /// Truncates a float toward zero, like `Tensor.to(.int64)`.
    public var int64Value: Int64 {
        switch self {
        case .bool(let value): value ? 1 : 0
        case .int(let value): value
        case .float(let value): truncatingToInt64(value)
        }
    }

    public var boolValue: Bool {
        switch self {
        case .bool(let value): value
        case .int(let value): value != 0
        case .float(let value): value != 0
        }
    }

    /// The element of type `T` this number converts to (as a 0-d tensor's `to`).
    @inline(__always)
    func element<T: TensorElement>(as type: T.Type) -> T {
        switch self {
        case .bool(let value): T.converting(bool: value)
        case .int(let value): T.converting(int64: value)
        case .float(let value): T.converting(double: value)
        }
    }

    public var description: String {
        switch self {
        case .bool(let value): value ? "True" : "False"
        case .int(let value): String(value)
        case .float(let value): String(value)
        }
    }
}

extension Scalar: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral {
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
