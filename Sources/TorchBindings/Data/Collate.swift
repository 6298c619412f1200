import CellLanguage
import TensorEngine

/// PyTorch's `default_collate`: samples → one batch. Tensors are stacked,
/// ints become an int64 tensor and floats a float64 one, tuples and lists are
/// collated field by field into a list, dicts key by key.
enum Collate {
    static func batch(_ samples: [Value], _ interp: Interpreter, depth: Int = 0) throws -> Value {
        guard let first = samples.first else { return .list(PyList([])) }
        guard depth < 32 else { throw PythonError.typeError("default_collate: samples are nested too deeply") }
        if first.as(Tensor.self) != nil {
            return .object(
                try Tensor.stack(samples.map { try PythonArguments.tensor($0, "default_collate", argument: "batch") }))
        }
        switch first {
        case .int, .bool, .float:
            return .object(
                try Tensor(
                    literal: PythonArguments.literal(.list(PyList(samples)), interp),
                    dtype: { if case .float = first { return .float64 } else { return .int64 } }()))
        case .str:
            return .list(PyList(samples))
        case .tuple, .list:
            let rows = try samples.map { sample -> [Value] in
                guard let items = sample.sequenceItems, items.count == first.sequenceItems?.count else {
                    throw PythonError.runtimeError("each element in list of batch should be of equal size")
                }
                return items
            }
            let width = rows[0].count
            return .list(
                PyList(try (0..<width).map { column in try batch(rows.map { $0[column] }, interp, depth: depth + 1) }))
        case .dict(let dict):
            let result = PyDict()
            for key in dict.keys {
                let column = try samples.map { sample -> Value in
                    guard case .dict(let entry) = sample, let value = try entry.get(key, interp) else {
                        throw PythonError(BuiltinTypes.keyError, args: [key])
                    }
                    return value
                }
                try result.set(key, try batch(column, interp, depth: depth + 1), interp)
            }
            return .dict(result)
        default:
            throw PythonError.typeError(
                "default_collate: batch must contain tensors, numbers, dicts or lists; found <class '\(first.typeName)'>"
            )
        }
    }
}
