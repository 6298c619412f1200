/// PyTorch's type-promotion rules for the dtypes litbook supports.
extension DType {
    /// The kind that decides whether a 0-d tensor or a Python number may change
    /// a result's dtype: bool < integer < floating.
    enum Category: Int, Comparable {
        case boolean, integer, floating
        static func < (a: Category, b: Category) -> Bool { a.rawValue < b.rawValue }
    }

    var category: Category {
        switch self {
        case .bool: .boolean
        case .uint8, .int32, .int64: .integer
        case .float32, .float64: .floating
        }
    }

    /// Position in the promotion lattice; for these six dtypes it is a chain.
    private var rank: Int {
        switch self {
        case .bool: 0
        case .uint8: 1
        case .int32: 2
        case .int64: 3
        case .float32: 4
        case .float64: 5
        }
    }

    /// `torch.promote_types(a, b)`.
    public static func promoted(_ a: DType, _ b: DType) -> DType { a.rank >= b.rank ? a : b }

    /// `torch.can_cast(from, to)`: an in-place result may not lose its kind
    /// (float → int, int → bool).
    public static func canCast(from source: DType, to target: DType) -> Bool {
        source.category <= target.category
    }

    /// The scalar-type name PyTorch prints in messages ("Float", "Long", …).
    public var scalarTypeName: String {
        switch self {
        case .bool: "Bool"
        case .uint8: "Byte"
        case .int32: "Int"
        case .int64: "Long"
        case .float32: "Float"
        case .float64: "Double"
        }
    }

    /// The C++ type name some ATen messages print ("float", "long int").
    public var cppTypeName: String {
        switch self {
        case .bool: "bool"
        case .uint8: "unsigned char"
        case .int32: "int"
        case .int64: "long int"
        case .float32: "float"
        case .float64: "double"
        }
    }

    /// The legacy tensor-type name (`x.type()` → "torch.FloatTensor").
    public var legacyTypeName: String { "torch.\(scalarTypeName)Tensor" }
}

/// One operand of a promoting operation, as `at::native::result_type` sees it.
struct PromotionOperand {
    let dtype: DType
    let isZeroDimensional: Bool
    let isWrappedNumber: Bool

    init(_ tensor: Tensor) {
        dtype = tensor.dtype
        isZeroDimensional = tensor.rank == 0
        isWrappedNumber = tensor.isWrappedNumber
    }

    init(_ scalar: Scalar) {
        dtype = scalar.defaultDType
        isZeroDimensional = true
        isWrappedNumber = true
    }
}

/// `at::native::result_type`: dimensioned tensors decide the dtype; 0-d tensors
/// and then Python numbers only raise the category.
///
/// `int64_tensor + 1.5` → float32, `float32_tensor + float64_0d` → float32,
/// `int64_tensor + float64_0d` → float64, `bool_tensor + int64_0d` → int64.
func resultType(_ operands: [PromotionOperand]) -> DType {
    var dimensioned: DType?
    var zeroDimensional: DType?
    var wrapped: DType?
    func merge(_ current: DType?, _ next: DType) -> DType {
        guard let current else { return next }
        return DType.promoted(current, next)
    }
    for operand in operands {
        if operand.isWrappedNumber {
            // A wrapped float counts as the default dtype, not float64.
            let dtype = operand.dtype.category == .floating ? DType.float32 : operand.dtype
            wrapped = merge(wrapped, dtype)
        } else if operand.isZeroDimensional {
            zeroDimensional = merge(zeroDimensional, operand.dtype)
        } else {
            dimensioned = merge(dimensioned, operand.dtype)
        }
    }
    func combine(_ higher: DType?, _ lower: DType?) -> DType? {
        guard let higher else { return lower }
        if higher.category == .floating { return higher }
        guard let lower else { return higher }
        if higher == .bool || lower.category == .floating { return DType.promoted(higher, lower) }
        return higher
    }
    return combine(dimensioned, combine(zeroDimensional, wrapped)) ?? .float32
}
