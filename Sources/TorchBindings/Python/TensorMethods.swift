import CellLanguage
import TensorEngine

/// The methods and properties of `torch.Tensor`: the operation catalogues
/// (shared with the `torch` namespace), the operators, and Python's
/// protocols (`len`, `iter`, `bool`, `float`, `format`, `repr`).
enum TensorMethods {
    /// Every operation that is a Tensor method; most are `torch` functions too.
    static let operations: [TensorOperation] =
        ShapeOperations.all + MathOperations.all + ReductionOperations.all + InPlaceOperations.all
        + ConversionOperations.all

    static func install(_ c: NativeClassBuilder) {
        for operation in operations { operation.installMethod(on: c) }
        installOperators(c)
        installProperties(c)
        installProtocols(c)
        TensorIndexing.install(c)
    }

    private static func installProtocols(_ c: NativeClassBuilder) {
        c.method("__repr__") { interp, this, _ in
            .str(try PythonArguments.receiver(this).repr(options: TorchContext.of(interp).printOptions))
        }
        c.method("__len__") { _, this, _ in
            let tensor = try PythonArguments.receiver(this)
            guard let first = tensor.shape.first else { throw PythonError.typeError("len() of a 0-d tensor") }
            return .int(first)
        }
        c.method("__iter__") { _, this, _ in
            let tensor = try PythonArguments.receiver(this)
            guard let rows = tensor.shape.first else { throw PythonError.typeError("iteration over a 0-d tensor") }
            var position = 0
            return .object(
                NativeIterator(name: "iterator") { _ in
                    guard position < rows else { return nil }
                    defer { position += 1 }
                    return .tensor(try tensor.select(0, index: position))
                })
        }
        c.method("__bool__") { _, this, _ in
            let tensor = try PythonArguments.receiver(this)
            guard tensor.count == 1 else {
                throw PythonError.runtimeError(
                    tensor.count == 0
                        ? "Boolean value of Tensor with no values is ambiguous"
                        : "Boolean value of Tensor with more than one value is ambiguous")
            }
            return .bool(try tensor.item().boolValue)
        }
        c.method("__float__") { _, this, _ in .float(try singleElement(this).doubleValue) }
        c.method("__int__") { _, this, _ in
            let value = try singleElement(this)
            if case .float(let number) = value {
                guard number.isFinite else {
                    throw PythonError.valueError(
                        number.isNaN
                            ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer")
                }
                guard abs(number) < 9.2e18 else { throw PythonError.overflowError("int too large") }
                return .int(Int(number))
            }
            return .int(Int(value.int64Value))
        }
        c.method("__index__") { _, this, _ in
            let tensor = try PythonArguments.receiver(this)
            guard tensor.count == 1, !tensor.dtype.isFloatingPoint else {
                throw PythonError.typeError("only integer tensors of a single element can be converted to an index")
            }
            return .int(Int(try tensor.item().int64Value))
        }
        c.method("__format__") { interp, this, args in
            let tensor = try PythonArguments.receiver(this)
            let spec = args.positional.first?.stringValue ?? ""
            if tensor.rank == 0 && !tensor.isParameter {
                return .str(try interp.format(ConversionOperations.python(tensor.item()), spec))
            }
            guard spec.isEmpty else {
                throw PythonError.typeError("unsupported format string passed to Tensor.__format__")
            }
            return .str(tensor.repr(options: TorchContext.of(interp).printOptions))
        }
        c.method("__contains__") { _, this, args in
            let tensor = try PythonArguments.receiver(this)
            switch args.positional.first.flatMap(PythonArguments.operand) {
            case .tensor(let element)?:
                return .bool(try withoutGradients { try tensor.equal(element).any().item().boolValue })
            case .scalar(let number)?:
                return .bool(try withoutGradients { try tensor.equal(number).any().item().boolValue })
            case nil:
                throw PythonError.runtimeError(
                    "Tensor.__contains__ only supports Tensor or scalar, but you passed in a \(args.positional.first?.typeName ?? "nothing")."
                )
            }
        }
    }

    /// The one element of a tensor as a Python number (`float(t)`, `int(t)`).
    private static func singleElement(_ value: Value) throws -> Scalar {
        let tensor = try PythonArguments.receiver(value)
        guard tensor.count == 1 else {
            throw PythonError.valueError("only one element tensors can be converted to Python scalars")
        }
        return try tensor.item()
    }
}
