import CellLanguage
import TensorEngine

/// Reads a tensor, a number or a (nested) list/tuple of numbers into a
/// `NumericArray` for figures.
enum NumericArrayReader {
    /// Nesting deeper than this is refused rather than followed (no recursion
    /// on user data).
    static let maximumRank = 32

    static func read(_ value: Value) throws -> NumericArray {
        if let tensor = value.as(Tensor.self) {
            return NumericArray(shape: tensor.shape, values: tensor.doubles())
        }
        if let number = scalar(value) { return NumericArray(shape: [], values: [number]) }
        guard value.sequenceItems != nil else {
            throw FigureValueError("expected a tensor, a number or a list of numbers, not \(value.typeName)")
        }
        // Breadth-first over the levels: every item of a level must be a
        // sequence of the same length, or every item a number.
        var shape: [Int] = []
        var level = [value]
        while true {
            if level.allSatisfy({ scalar($0) != nil }) && !shape.isEmpty || level.isEmpty {
                return NumericArray(shape: shape, values: level.compactMap(scalar))
            }
            guard shape.count < maximumRank else {
                throw FigureValueError("a list nested more than \(maximumRank) levels deep cannot be drawn")
            }
            var next: [Value] = []
            var length: Int?
            for item in level {
                if let tensor = item.as(Tensor.self), tensor.rank == 0, let element = try? tensor.item() {
                    next.append(.float(element.doubleValue))
                    continue
                }
                if let tensor = item.as(Tensor.self), tensor.rank > 0 {
                    let rows = try (0..<tensor.shape[0]).map { Value.object(try tensor.select(0, index: $0)) }
                    if let length, length != rows.count {
                        throw FigureValueError(
                            "a ragged list (rows of \(length) and \(rows.count) items) cannot be drawn")
                    }
                    length = rows.count
                    next.append(contentsOf: rows)
                    continue
                }
                guard let items = item.sequenceItems else {
                    throw FigureValueError("expected a list of numbers, found \(item.typeName) among them")
                }
                if let length, length != items.count {
                    throw FigureValueError("a ragged list (rows of \(length) and \(items.count) items) cannot be drawn")
                }
                length = items.count
                next.append(contentsOf: items)
            }
            shape.append(length ?? 0)
            level = next
        }
    }

    /// A Python number, or a 0-d tensor, as a Double.
    private static func scalar(_ value: Value) -> Double? {
        if let number = value.doubleValue { return number }
        if let tensor = value.as(Tensor.self), tensor.count == 1, tensor.rank == 0 {
            return (try? tensor.item())?.doubleValue
        }
        return nil
    }
}
