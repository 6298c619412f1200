/// A tensor's printable content: shape, dtype and elements in row-major
/// order. The engine's `Tensor` hands one to `TensorFormatter`, which then
/// needs nothing else from it.
///
///     TensorSnapshot(shape: [2, 2], dtype: .float32, values: .floating([19, 25, 37, 43]))
public struct TensorSnapshot: Sendable {
    /// The elements, in row-major order, in the widest Swift type of their
    /// kind. float32 elements are given as their exact values converted to
    /// Double; uint8 and int32 elements as Int64.
    public enum Values: Sendable {
        case floating([Double])
        case integer([Int64])
        case boolean([Bool])

        /// How many elements there are.
        public var count: Int {
            switch self {
            case .floating(let values): values.count
            case .integer(let values): values.count
            case .boolean(let values): values.count
            }
        }
    }

    public var shape: [Int]
    public var dtype: DType
    public var values: Values

    public init(shape: [Int], dtype: DType, values: Values) {
        self.shape = shape
        self.dtype = dtype
        self.values = values
    }

    /// The number of elements the shape calls for, or nil when a dimension
    /// is negative or the product overflows.
    public var shapeElementCount: Int? {
        var product = 1
        for size in shape {
            guard size >= 0 else { return nil }
            let (next, overflow) = product.multipliedReportingOverflow(by: size)
            guard !overflow else { return nil }
            product = next
        }
        return product
    }

    /// Whether the values fill the shape exactly.
    public var isConsistent: Bool {
        shapeElementCount == values.count
    }
}
