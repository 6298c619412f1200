import CellLanguage
import TensorEngine

/// Conversions: dtype changes (`to`, `float`, `type`), Python numbers and
/// lists (`item`, `tolist`), and the devices litbook does not have.
enum ConversionOperations {
    /// A Python number from an engine scalar.
    static func python(_ scalar: Scalar) -> Value {
        switch scalar {
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(Int(number))
        case .float(let number): .float(number)
        }
    }

    /// `t.tolist()`: nested lists of Python numbers (a number for a 0-d tensor).
    static func nestedList(_ t: Tensor) -> Value {
        let flat = t.scalars().map(python)
        guard t.rank > 0 else { return flat.first ?? .none }
        // Build from the innermost dimension outwards (no recursion).
        var level = flat
        for dimension in stride(from: t.rank - 1, through: 0, by: -1) {
            let size = t.shape[dimension]
            if size == 0 {
                let outer = t.shape[..<dimension].reduce(1, *)
                level = (0..<outer).map { _ in .list(PyList([])) }
            } else {
                level = stride(from: 0, to: level.count, by: size).map { .list(PyList(Array(level[$0..<($0 + size)]))) }
            }
        }
        return level.first ?? .list(PyList([]))
    }

    /// PyTorch's legacy type name, as `t.type()` returns it.
    static func legacyTypeName(_ dtype: DType) -> String {
        switch dtype {
        case .bool: "torch.BoolTensor"
        case .uint8: "torch.ByteTensor"
        case .int32: "torch.IntTensor"
        case .int64: "torch.LongTensor"
        case .float32: "torch.FloatTensor"
        case .float64: "torch.DoubleTensor"
        }
    }

    static let all: [TensorOperation] = [
        TensorOperation("item()", methodOnly: true) { _, t, _ in python(try t.item()) },
        TensorOperation("tolist()", methodOnly: true) { _, t, _ in nestedList(t) },
        TensorOperation("float(memory_format=None)", methodOnly: true) { _, t, _ in .tensor(try t.to(.float32)) },
        TensorOperation("double(memory_format=None)", methodOnly: true) { _, t, _ in .tensor(try t.to(.float64)) },
        TensorOperation("long(memory_format=None)", methodOnly: true) { _, t, _ in .tensor(try t.to(.int64)) },
        TensorOperation("int(memory_format=None)", methodOnly: true) { _, t, _ in .tensor(try t.to(.int32)) },
        TensorOperation("bool(memory_format=None)", methodOnly: true) { _, t, _ in .tensor(try t.to(.bool)) },
        TensorOperation("byte(memory_format=None)", methodOnly: true) { _, t, _ in .tensor(try t.to(.uint8)) },
        TensorOperation("is_floating_point()") { _, t, _ in .bool(t.dtype.isFloatingPoint) },
        TensorOperation("type(dtype=None, non_blocking=False)", methodOnly: true) { _, t, a in
            switch a["dtype"] {
            case .none: return .str(legacyTypeName(t.dtype))
            case .str(let name):
                guard let dtype = DType.allCases.first(where: { legacyTypeName($0) == name }) else {
                    throw PythonError.valueError("invalid type: '\(name)'")
                }
                return .tensor(try t.to(dtype))
            case let value:
                return .tensor(try t.to(PythonArguments.dtype(value, "type") ?? t.dtype))
            }
        },
        TensorOperation("to(*args, dtype=None, device=None, non_blocking=False, copy=False)", methodOnly: true) {
            _, t, a in
            var dtype = try PythonArguments.dtype(a["dtype"], "to")
            try PythonArguments.checkDevice(a["device"])
            for argument in a.rest {
                if let object = argument.as(DTypeObject.self) {
                    dtype = object.dtype
                } else if let other = argument.as(Tensor.self) {
                    dtype = other.dtype
                } else if argument.as(DeviceObject.self) != nil || argument.stringValue != nil {
                    try DeviceObject.requireCPU(argument)
                } else {
                    throw PythonError.typeError(
                        "to() received an invalid combination of arguments - got (\(argument.typeName))")
                }
            }
            let converted = try dtype.map { try t.to($0) } ?? t
            if case .bool(true) = a["copy"], converted === t { return .tensor(try t.clone()) }
            return .tensor(converted)
        },
        TensorOperation("cpu()", methodOnly: true) { _, t, _ in .tensor(t) },
        TensorOperation("cuda(device=None, non_blocking=False)", methodOnly: true) { _, _, _ in
            throw PythonError(BuiltinTypes.assertionError, "Torch not compiled with CUDA enabled")
        },
        TensorOperation("numpy()", methodOnly: true) { _, _, _ in
            throw PythonError.runtimeError("litbook has no NumPy: use t.tolist() or t.item() instead of t.numpy()")
        },
    ]
}
