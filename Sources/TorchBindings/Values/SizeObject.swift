import CellLanguage
import TensorEngine

/// `torch.Size([2, 3])`: a tuple of ints (a subclass of `tuple`, so
/// `isinstance(s, tuple)` holds) whose slices and sums with tuples are Sizes.
final class SizeObject: PythonObject {
    let dimensions: [Int]

    init(_ dimensions: [Int]) { self.dimensions = dimensions }

    var pythonClass: PyClass { Self.pythonClass }

    var items: [Value] { dimensions.map(Value.int) }

    /// A Size, a tuple or a list of ints as dimensions; nil for anything else.
    static func dimensions(of value: Value) -> [Int]? {
        if let size = value.as(SizeObject.self) { return size.dimensions }
        guard let items = value.sequenceItems else { return nil }
        var result: [Int] = []
        for item in items {
            guard let number = item.intValue else { return nil }
            result.append(number)
        }
        return result
    }

    static let pythonClass = PyClass.native("Size", base: BuiltinTypes.tuple, module: "torch") { c in
        c.constructor { interp, _, args in
            guard let source = args.positional.first else { return .object(SizeObject([])) }
            let values = try interp.collect(source)
            return .object(
                SizeObject(
                    try values.map { value in
                        guard let number = try interp.indexValue(value) else {
                            throw PythonError.typeError(
                                "torch.Size() takes an iterable of 'int' (item 0 is '\(value.typeName)')")
                        }
                        return number
                    }))
        }
        c.method("__repr__") { _, this, _ in .str(TensorFormatter.sizeDescription(try receiver(this).dimensions)) }
        c.method("__len__") { _, this, _ in .int(try receiver(this).dimensions.count) }
        c.method("__iter__") { _, this, _ in
            let dimensions = try receiver(this).dimensions
            var position = 0
            return .object(
                NativeIterator(name: "tuple_iterator") { _ in
                    guard position < dimensions.count else { return nil }
                    defer { position += 1 }
                    return .int(dimensions[position])
                })
        }
        c.method("__getitem__") { interp, this, args in
            let dimensions = try receiver(this).dimensions
            guard let index = args.positional.first else {
                throw PythonError.typeError("__getitem__ expected 1 argument")
            }
            if let slice = index.as(PySlice.self) {
                let (start, _, step, count) = try slice.indices(length: dimensions.count, interp)
                return .object(SizeObject((0..<count).map { dimensions[start + $0 * step] }))
            }
            guard let position = try interp.indexValue(index) else {
                throw PythonError.typeError("tuple indices must be integers or slices, not \(index.typeName)")
            }
            let wrapped = position < 0 ? position + dimensions.count : position
            guard wrapped >= 0 && wrapped < dimensions.count else {
                throw PythonError.indexError("tuple index out of range")
            }
            return .int(dimensions[wrapped])
        }
        c.method("__add__") { _, this, args in
            guard let other = args.positional.first.flatMap(dimensions(of:)) else { return .notImplemented }
            return .object(SizeObject(try receiver(this).dimensions + other))
        }
        c.method("__radd__") { _, this, args in
            guard let other = args.positional.first.flatMap(dimensions(of:)) else { return .notImplemented }
            return .object(SizeObject(other + (try receiver(this).dimensions)))
        }
        c.method("__eq__") { _, this, args in
            guard let other = args.positional.first, other.as(SizeObject.self) != nil || isTuple(other),
                let dimensions = dimensions(of: other)
            else { return .notImplemented }
            return .bool(try receiver(this).dimensions == dimensions)
        }
        c.method("__ne__") { _, this, args in
            guard let other = args.positional.first, other.as(SizeObject.self) != nil || isTuple(other),
                let dimensions = dimensions(of: other)
            else { return .notImplemented }
            return .bool(try receiver(this).dimensions != dimensions)
        }
        c.method("__hash__") { interp, this, _ in try .int(interp.hash(.tuple(receiver(this).items))) }
        c.method("__contains__") { interp, this, args in
            guard let item = args.positional.first else { return .bool(false) }
            return .bool(try receiver(this).items.contains { (try? interp.equals($0, item)) == true })
        }
        c.method("index") { interp, this, args in
            guard let item = args.positional.first else { throw PythonError.typeError("index expected 1 argument") }
            for (position, value) in try receiver(this).items.enumerated() where try interp.equals(value, item) {
                return .int(position)
            }
            throw PythonError.valueError("tuple.index(x): x not in tuple")
        }
        c.method("count") { interp, this, args in
            guard let item = args.positional.first else { throw PythonError.typeError("count expected 1 argument") }
            return .int(try receiver(this).items.filter { try interp.equals($0, item) }.count)
        }
        c.method("numel") { _, this, _ in
            var count = 1
            for size in try receiver(this).dimensions {
                let (product, overflow) = count.multipliedReportingOverflow(by: size)
                if overflow { throw PythonError.overflowError("numel() of a torch.Size overflows") }
                count = product
            }
            return .int(count)
        }
    }

    private static func isTuple(_ value: Value) -> Bool {
        if case .tuple = value { return true }
        return false
    }

    private static func receiver(_ value: Value) throws -> SizeObject {
        guard let object = value.as(SizeObject.self) else { throw PythonError.typeError("expected a torch.Size") }
        return object
    }
}
