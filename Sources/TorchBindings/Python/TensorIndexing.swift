import CellLanguage
import TensorEngine

/// `X[...]` and `X[...] = v`: Python subscripts turned into `TensorIndex`
/// components (ints, slices, None, Ellipsis, bool/int tensors and lists).
enum TensorIndexing {
    static func install(_ c: NativeClassBuilder) {
        c.method("__getitem__") { interp, this, args in
            let tensor = try PythonArguments.receiver(this)
            guard let key = args.positional.first else {
                throw PythonError.typeError("__getitem__ expected 1 argument")
            }
            return .tensor(try tensor.index(components(key, interp)))
        }
        c.method("__setitem__") { interp, this, args in
            let tensor = try PythonArguments.receiver(this)
            guard args.positional.count == 2 else { throw PythonError.typeError("__setitem__ expected 2 arguments") }
            let indices = try components(args.positional[0], interp)
            let value = args.positional[1]
            if let number = PythonArguments.scalar(value) {
                try tensor.setIndex(indices, value: number)
            } else {
                try tensor.setIndex(indices, value: PythonArguments.tensorLike(value, interp))
            }
            return .none
        }
    }

    /// The components of a subscript; a tuple gives several, anything else one.
    static func components(_ key: Value, _ interp: Interpreter) throws -> [TensorIndex] {
        if case .tuple(let items) = key { return try items.map { try component($0, interp) } }
        return [try component(key, interp)]
    }

    private static func component(_ value: Value, _ interp: Interpreter) throws -> TensorIndex {
        switch value {
        case .int(let number): return .integer(number)
        case .none: return .newAxis
        case .bool(let flag): return .tensor(Tensor(.bool(flag)))
        case .list(let list): return .tensor(try listIndex(list.items, interp))
        case .object(let object):
            if let tensor = object as? Tensor {
                if tensor.rank == 0 && tensor.dtype != .bool && !tensor.dtype.isFloatingPoint {
                    return .integer(Int(try tensor.item().int64Value))
                }
                return .tensor(tensor)
            }
            if let slice = object as? PySlice {
                return .slice(
                    start: try sliceBound(slice.start, interp), stop: try sliceBound(slice.stop, interp),
                    step: try sliceBound(slice.step, interp))
            }
            if value.isEllipsis { return .ellipsis }
            if let number = try interp.indexValue(value) { return .integer(number) }
        default:
            break
        }
        throw PythonError.indexError(
            "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got \(value.typeName))"
        )
    }

    private static func sliceBound(_ value: Value, _ interp: Interpreter) throws -> Int? {
        if value.isNone { return nil }
        if let tensor = value.as(Tensor.self), tensor.count == 1, !tensor.dtype.isFloatingPoint {
            return Int(try tensor.item().int64Value)
        }
        guard let number = try interp.indexValue(value) else {
            throw PythonError.typeError("slice indices must be integers or None or have an __index__ method")
        }
        return number
    }

    /// `X[[0, 2]]` picks positions; `X[[True, False]]` is a mask.
    private static func listIndex(_ items: [Value], _ interp: Interpreter) throws -> Tensor {
        if !items.isEmpty, items.allSatisfy(PythonArguments.isBool) {
            return try Tensor(literal: PythonArguments.literal(.list(PyList(items)), interp), dtype: .bool)
        }
        let tensor = try Tensor(
            literal: PythonArguments.literal(.list(PyList(items)), interp), dtype: items.isEmpty ? .int64 : nil)
        guard !tensor.dtype.isFloatingPoint else { throw TensorError.invalidIndexTensorDType }
        return try tensor.to(.int64)
    }
}
