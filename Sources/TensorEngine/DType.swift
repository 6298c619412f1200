/// The element types a tensor can hold, named as PyTorch names them.
///
/// PyTorch's default dtype for floating-point tensors is `float32` and for
/// integers `int64`; both print without a `dtype=` suffix.
public enum DType: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case bool
    case uint8
    case int32
    case int64
    case float32
    case float64

    /// `torch.float32`, as `print(t.dtype)` shows it.
    public var description: String { "torch.\(rawValue)" }

    public var isFloatingPoint: Bool { self == .float32 || self == .float64 }
    public var isIntegral: Bool { self == .uint8 || self == .int32 || self == .int64 }

    /// Bytes per element in storage.
    public var itemSize: Int {
        switch self {
        case .bool, .uint8: 1
        case .int32, .float32: 4
        case .int64, .float64: 8
        }
    }
}
