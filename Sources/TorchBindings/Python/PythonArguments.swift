import CellLanguage
import TensorEngine

/// Conversions from Python values to engine arguments, with PyTorch's
/// TypeError texts. Tensors pass through as they are (no copies).
enum PythonArguments {
    /// An operand of arithmetic: a tensor, or a Python number (a "wrapped
    /// number" for type promotion).
    enum Operand {
        case tensor(Tensor)
        case scalar(Scalar)
    }

    // MARK: - Tensors and numbers

    /// The receiver of a Tensor method.
    @inline(__always)
    static func receiver(_ value: Value) throws -> Tensor {
        if case .object(let object) = value, let tensor = object as? Tensor { return tensor }
        throw PythonError.typeError("descriptor requires a 'torch.Tensor' object but received a '\(value.typeName)'")
    }

    /// A tensor argument (not a number or a list).
    @inline(__always)
    static func tensor(_ value: Value, _ function: String = "", argument: String = "input") throws -> Tensor {
        if case .object(let object) = value, let tensor = object as? Tensor { return tensor }
        let name = function.isEmpty ? "" : "\(function)(): "
        throw PythonError.typeError("\(name)argument '\(argument)' (position 1) must be Tensor, not \(value.typeName)")
    }

    /// A tensor, or nil for None.
    static func optionalTensor(_ value: Value, _ function: String, argument: String) throws -> Tensor? {
        value.isNone ? nil : try tensor(value, function, argument: argument)
    }

    /// A Python number as an engine scalar; nil for anything else.
    @inline(__always)
    static func scalar(_ value: Value) -> Scalar? {
        switch value {
        case .int(let number): .int(Int64(number))
        case .float(let number): .float(number)
        case .bool(let flag): .bool(flag)
        default: nil
        }
    }

    /// A number, or a one-element tensor read as its number (PyTorch accepts
    /// both where it takes a `Scalar`).
    static func number(_ value: Value, _ function: String, argument: String) throws -> Scalar {
        if let scalar = scalar(value) { return scalar }
        if let tensor = value.as(Tensor.self), tensor.count == 1 { return try tensor.item() }
        throw PythonError.typeError("\(function)(): argument '\(argument)' must be Number, not \(value.typeName)")
    }

    static func optionalNumber(_ value: Value, _ function: String, argument: String) throws -> Scalar? {
        value.isNone ? nil : try number(value, function, argument: argument)
    }

    @inline(__always)
    static func operand(_ value: Value) -> Operand? {
        switch value {
        case .int(let number): .scalar(.int(Int64(number)))
        case .float(let number): .scalar(.float(number))
        case .bool(let flag): .scalar(.bool(flag))
        case .object(let object): (object as? Tensor).map(Operand.tensor)
        default: nil
        }
    }

    /// A tensor from a tensor, a number or nested lists (what `torch.tensor`
    /// accepts); tensors are returned as they are.
    static func tensorLike(_ value: Value, _ interp: Interpreter, dtype: DType? = nil) throws -> Tensor {
        if let tensor = value.as(Tensor.self) { return tensor }
        return try Tensor(literal: literal(value, interp), dtype: dtype)
    }

    /// Nested Python data for `torch.tensor(data)`. Depth is bounded, so a
    /// self-nesting list cannot exhaust the stack.
    static func literal(_ value: Value, _ interp: Interpreter, depth: Int = 0) throws -> TensorLiteral {
        if let scalar = scalar(value) { return .scalar(scalar) }
        if let tensor = value.as(Tensor.self) { return .tensor(tensor) }
        guard depth < 64 else { throw PythonError.valueError("too many dimensions '\(value.typeName)'") }
        let items: [Value]
        switch value {
        case .list(let list): items = list.items
        case .tuple(let tuple): items = tuple
        case .object(let object) where object is SizeObject || object is NativeIterator:
            items = try interp.collect(value)
        default:
            throw PythonError.typeError("new(): invalid data type '\(value.typeName)'")
        }
        return .list(try items.map { try literal($0, interp, depth: depth + 1) })
    }

    // MARK: - dtypes and devices

    /// A dtype argument, or nil for None.
    static func dtype(_ value: Value, _ function: String) throws -> DType? {
        if value.isNone { return nil }
        if let object = value.as(DTypeObject.self) { return object.dtype }
        if let cls = value.as(PyClass.self) {
            if cls === BuiltinTypes.float { return .float64 }
            if cls === BuiltinTypes.int { return .int64 }
            if cls === BuiltinTypes.bool { return .bool }
        }
        throw PythonError.typeError("\(function)(): argument 'dtype' must be torch.dtype, not \(value.typeName)")
    }

    /// Accepts a `device=` argument naming the CPU (or None).
    static func checkDevice(_ value: Value) throws {
        if !value.isNone { try DeviceObject.requireCPU(value) }
    }

    // MARK: - Sizes and dimensions

    /// `f(2, 3)`, `f((2, 3))`, `f([2, 3])`, `f(torch.Size(...))` or `f(size=(2, 3))`.
    static func size(_ bound: CallArguments, _ interp: Interpreter, keyword: String = "size") throws -> [Int] {
        var source = bound.rest
        if let given = bound.optional(keyword) {
            guard source.isEmpty else {
                throw PythonError.typeError("\(bound.functionName)() got multiple values for argument '\(keyword)'")
            }
            source = [given]
        }
        if source.count == 1, source[0].intValue == nil {
            if let dimensions = SizeObject.dimensions(of: source[0]) { return dimensions }
            source = try interp.collect(source[0])
        }
        return try source.map { item in
            if case .bool = item {
                throw PythonError.typeError("\(bound.functionName)(): argument 'size' must be tuple of ints, but found element of type bool at pos 0")
            }
            guard let number = try interp.indexValue(item) else {
                throw PythonError.typeError(
                    "\(bound.functionName)(): argument 'size' must be tuple of ints, but found element of type \(item.typeName) at pos 0")
            }
            return number
        }
    }

    /// One dimension or several (`dim=1`, `dim=(0, 2)`), or nil for None.
    static func dimensions(_ value: Value, _ function: String) throws -> [Int]? {
        if value.isNone { return nil }
        if let number = value.intValue, !isBool(value) { return [number] }
        if let dimensions = SizeObject.dimensions(of: value) { return dimensions }
        throw PythonError.typeError("\(function)(): argument 'dim' must be tuple of ints, not \(value.typeName)")
    }

    /// One dimension.
    static func dimension(_ value: Value, _ function: String, argument: String = "dim") throws -> Int {
        if let number = value.intValue, !isBool(value) { return number }
        if let tensor = value.as(Tensor.self), tensor.count == 1, !tensor.dtype.isFloatingPoint {
            return Int(try tensor.item().int64Value)
        }
        throw PythonError.typeError("\(function)(): argument '\(argument)' must be int, not \(value.typeName)")
    }

    /// An int argument (bools refused, as PyTorch's parser does).
    static func int(_ value: Value, _ function: String, argument: String) throws -> Int {
        if case .int(let number) = value { return number }
        if let tensor = value.as(Tensor.self), tensor.count == 1, !tensor.dtype.isFloatingPoint, tensor.dtype != .bool {
            return Int(try tensor.item().int64Value)
        }
        throw PythonError.typeError("\(function)(): argument '\(argument)' must be int, not \(value.typeName)")
    }

    static func double(_ value: Value, _ function: String, argument: String) throws -> Double {
        if let number = value.doubleValue { return number }
        if let tensor = value.as(Tensor.self), tensor.count == 1 { return try tensor.item().doubleValue }
        throw PythonError.typeError("\(function)(): argument '\(argument)' must be float, not \(value.typeName)")
    }

    static func bool(_ value: Value, _ function: String, argument: String) throws -> Bool {
        if case .bool(let flag) = value { return flag }
        throw PythonError.typeError("\(function)(): argument '\(argument)' must be bool, not \(value.typeName)")
    }

    /// `kernel_size=5` or `(5, 3)` for a 2-D layer.
    static func pair(_ value: Value, _ function: String, argument: String) throws -> IntOrPair {
        try writtenSize(value, function, argument: argument).value
    }

    /// A 2-D setting as the user wrote it (one int, or a pair).
    static func writtenSize(_ value: Value, _ function: String, argument: String) throws -> WrittenSize {
        if case .int(let number) = value { return WrittenSize(number) }
        if let items = SizeObject.dimensions(of: value) {
            if items.count == 2 { return WrittenSize(items[0], items[1]) }
            if items.count == 1 { return WrittenSize(items[0], items[0]) }
            throw PythonError.runtimeError(
                "\(function)(): argument '\(argument)' must be a single int or a pair of ints, got \(items.count) values")
        }
        throw PythonError.typeError("\(function)(): argument '\(argument)' must be tuple of ints, not \(value.typeName)")
    }

    static func isBool(_ value: Value) -> Bool {
        if case .bool = value { return true }
        return false
    }
}
