import CellLanguage
import TensorEngine

/// `torch.float32`, `torch.int64`, …: one object per dtype, so `is` and `==`
/// compare them by identity as in PyTorch.
final class DTypeObject: PythonObject {
    let dtype: DType

    private init(_ dtype: DType) { self.dtype = dtype }

    var pythonClass: PyClass { Self.pythonClass }

    /// The object for `dtype`.
    static func of(_ dtype: DType) -> DTypeObject {
        switch dtype {
        case .bool: bool
        case .uint8: uint8
        case .int32: int32
        case .int64: int64
        case .float32: float32
        case .float64: float64
        }
    }

    private static let bool = DTypeObject(.bool)
    private static let uint8 = DTypeObject(.uint8)
    private static let int32 = DTypeObject(.int32)
    private static let int64 = DTypeObject(.int64)
    private static let float32 = DTypeObject(.float32)
    private static let float64 = DTypeObject(.float64)

    /// The names under which `torch` exports each dtype (aliases included).
    static let exportedNames: [(String, DType)] = [
        ("bool", .bool), ("uint8", .uint8), ("int32", .int32), ("int", .int32), ("int64", .int64), ("long", .int64),
        ("float32", .float32), ("float", .float32), ("float64", .float64), ("double", .float64),
    ]

    static let pythonClass = PyClass.native("dtype", module: "torch") { c in
        c.method("__repr__") { _, this, _ in .str(try receiver(this).dtype.description) }
        c.property("is_floating_point") { _, this in .bool(try receiver(this).dtype.isFloatingPoint) }
        c.property("is_signed") { _, this in .bool(try receiver(this).dtype != .bool && receiver(this).dtype != .uint8)
        }
        c.property("itemsize") { _, this in .int(try receiver(this).dtype.itemSize) }
    }

    private static func receiver(_ value: Value) throws -> DTypeObject {
        guard let object = value.as(DTypeObject.self) else { throw PythonError.typeError("expected a torch.dtype") }
        return object
    }
}
