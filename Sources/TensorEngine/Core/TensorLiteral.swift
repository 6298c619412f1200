/// Nested Python data for `torch.tensor(...)`: numbers, lists of them, and
/// one-element tensors (which count as numbers of their own dtype).
public indirect enum TensorLiteral {
    case scalar(Scalar)
    case list([TensorLiteral])
    case tensor(Tensor)
}

extension TensorLiteral: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral
{
    public init(integerLiteral value: Int64) { self = .scalar(.int(value)) }
    public init(floatLiteral value: Double) { self = .scalar(.float(value)) }
    public init(booleanLiteral value: Bool) { self = .scalar(.bool(value)) }
    public init(arrayLiteral elements: TensorLiteral...) { self = .list(elements) }
}

/// Turns a literal into a shape, an inferred dtype and row-major scalars.
struct LiteralFlattener {
    /// PyTorch allows at most this many dimensions; it also bounds recursion.
    static let maximumRank = 64

    private(set) var shape: [Int] = []
    private(set) var values: [Scalar] = []
    private(set) var inferredDType: DType?

    init(_ literal: TensorLiteral) throws {
        // Sizes come from the first element at every level, as in PyTorch.
        var probe = literal
        while case .list(let items) = probe {
            if shape.count >= Self.maximumRank { throw TensorError.unexpectedSequence(dimension: shape.count) }
            shape.append(items.count)
            guard let first = items.first else { break }
            probe = first
        }
        try store(literal, dimension: 0)
    }

    private mutating func store(_ literal: TensorLiteral, dimension: Int) throws {
        switch literal {
        case .list(let items):
            guard dimension < shape.count else {
                throw TensorError.unexpectedList(floating: inferredDType?.isFloatingPoint ?? false)
            }
            guard items.count == shape[dimension] else {
                throw TensorError.raggedSequence(
                    expectedLength: shape[dimension], dimension: dimension, actualLength: items.count)
            }
            for item in items { try store(item, dimension: dimension + 1) }
        case .scalar(let scalar):
            guard dimension == shape.count else { throw TensorError.notASequence }
            values.append(scalar)
            merge(scalar.defaultDType)
        case .tensor(let tensor):
            guard dimension == shape.count else { throw TensorError.notASequence }
            guard tensor.count == 1 else { throw TensorError.scalarConversionOfManyElements }
            values.append(try tensor.item())
            merge(tensor.dtype)
        }
    }

    private mutating func merge(_ dtype: DType) {
        inferredDType = inferredDType.map { DType.promoted($0, dtype) } ?? dtype
    }
}
