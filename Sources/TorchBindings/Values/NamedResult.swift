import CellLanguage

/// `torch.return_types.max(values=…, indices=…)`: a tuple with named fields,
/// as PyTorch returns from `max(dim)`, `min(dim)`, `sort`, ….
///
///     values, indices = Y.max(1)      // unpacks like a tuple
///     r.values, r[0]                  // named and positional access
final class NamedResult: PythonObject {
    let kind: Kind
    let items: [Value]

    init(_ kind: Kind, _ items: [Value]) {
        self.kind = kind
        self.items = items
    }

    var pythonClass: PyClass { kind.pythonClass }

    /// One `torch.return_types` class: its name and field names.
    final class Kind {
        let name: String
        let fields: [String]
        private(set) var pythonClass: PyClass!

        init(name: String, fields: [String]) {
            self.name = name
            self.fields = fields
            pythonClass = NamedResult.makeClass(self)
        }
    }

    static let max = Kind(name: "max", fields: ["values", "indices"])
    static let min = Kind(name: "min", fields: ["values", "indices"])
    static let sort = Kind(name: "sort", fields: ["values", "indices"])
    static let topk = Kind(name: "topk", fields: ["values", "indices"])

    private static func makeClass(_ kind: Kind) -> PyClass {
        PyClass.native(kind.name, base: BuiltinTypes.tuple, module: "torch.return_types") { c in
            c.method("__repr__") { interp, this, _ in
                let result = try receiver(this)
                let fields = try zip(kind.fields, result.items).map { "\($0)=\(try interp.repr($1))" }
                return .str("torch.return_types.\(kind.name)(\n" + fields.joined(separator: ",\n") + ")")
            }
            c.method("__len__") { _, this, _ in .int(try receiver(this).items.count) }
            c.method("__iter__") { _, this, _ in
                let items = try receiver(this).items
                var position = 0
                return .object(
                    NativeIterator(name: "tuple_iterator") { _ in
                        guard position < items.count else { return nil }
                        defer { position += 1 }
                        return items[position]
                    })
            }
            c.method("__getitem__") { interp, this, args in
                let items = try receiver(this).items
                guard let index = args.positional.first else {
                    throw PythonError.typeError("__getitem__ expected 1 argument")
                }
                if let slice = index.as(PySlice.self) {
                    let (start, _, step, count) = try slice.indices(length: items.count, interp)
                    return .tuple((0..<count).map { items[start + $0 * step] })
                }
                guard let position = try interp.indexValue(index) else {
                    throw PythonError.typeError("tuple indices must be integers or slices, not \(index.typeName)")
                }
                let wrapped = position < 0 ? position + items.count : position
                guard wrapped >= 0 && wrapped < items.count else {
                    throw PythonError.indexError("tuple index out of range")
                }
                return items[wrapped]
            }
            for (position, field) in kind.fields.enumerated() {
                c.property(field) { _, this in
                    let items = try receiver(this).items
                    return position < items.count ? items[position] : .none
                }
            }
        }
    }

    private static func receiver(_ value: Value) throws -> NamedResult {
        guard let object = value.as(NamedResult.self) else {
            throw PythonError.typeError("expected a torch.return_types value")
        }
        return object
    }
}
