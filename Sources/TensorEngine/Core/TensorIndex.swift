/// One component of a Python subscript `X[...]`.
///
/// Integers and slices select views; `newAxis` (`None`) inserts a dimension;
/// `ellipsis` (`...`) stands for the unnamed dimensions; a bool tensor is a
/// mask and an integer tensor (or a list the bindings turned into one) picks
/// positions — these two make the result a copy (advanced indexing).
public enum TensorIndex {
    case integer(Int)
    case slice(start: Int?, stop: Int?, step: Int?)
    case newAxis
    case ellipsis
    case tensor(Tensor)

    /// `:`, the whole dimension.
    public static let all = TensorIndex.slice(start: nil, stop: nil, step: nil)

    /// Dimensions of the indexed tensor this component consumes.
    var consumedDimensions: Int {
        switch self {
        case .integer, .slice: 1
        case .newAxis, .ellipsis: 0
        case .tensor(let tensor): tensor.dtype == .bool || tensor.dtype == .uint8 ? max(tensor.rank, 1) : 1
        }
    }
}
