/// The methods of `dict` and `set`, and the dict views.
enum MappingMethods {
    static func dict(_ v: Value) -> PyDict {
        if case .dict(let d) = v { return d }
        return PyDict()
    }

    static func installDict(_ c: PyClass) {
        c.constructor = { interpreter, _, args in
            let d = PyDict()
            if let source = args.positional.first {
                if case .dict = source {
                    try interpreter.mergeMapping(source, into: d)
                } else if source.pythonClass.lookup("keys") != nil {
                    try interpreter.mergeMapping(source, into: d)
                } else {
                    for (i, pair) in try interpreter.collect(source).enumerated() {
                        let kv: [Value]
                        do {
                            kv = try interpreter.collect(pair)
                        } catch let e as PythonError where e.exceptionClass === BuiltinTypes.typeError {
                            throw PythonError.typeError("cannot convert dictionary update sequence element #\(i) to a sequence")
                        }
                        guard kv.count == 2 else {
                            throw PythonError.valueError("dictionary update sequence element #\(i) has length \(kv.count); 2 is required")
                        }
                        try d.set(kv[0], kv[1], interpreter)
                    }
                }
            }
            for (k, v) in args.keywords { d[string: k] = v }
            return .dict(d)
        }
        let b = NativeClassBuilder(c)
        b.method("keys") { _, d, _ in .object(DictView(.keys, dict(d))) }
        b.method("values") { _, d, _ in .object(DictView(.values, dict(d))) }
        b.method("items") { _, d, _ in .object(DictView(.items, dict(d))) }
        b.method("get") { interpreter, d, args in
            guard let key = args.positional.first else { throw PythonError.typeError("get expected at least 1 argument, got 0") }
            return try dict(d).get(key, interpreter) ?? (args.positional.count > 1 ? args.positional[1] : .none)
        }
        b.method("pop") { interpreter, d, args in
            guard let key = args.positional.first else { throw PythonError.typeError("pop expected at least 1 argument, got 0") }
            if let v = try dict(d).remove(key, interpreter) { return v }
            if args.positional.count > 1 { return args.positional[1] }
            throw PythonError(BuiltinTypes.keyError, args: [key])
        }
        b.method("popitem") { interpreter, d, _ in
            guard let last = dict(d).items.last else { throw PythonError(BuiltinTypes.keyError, "popitem(): dictionary is empty") }
            try dict(d).remove(last.key, interpreter)
            return .tuple([last.key, last.value])
        }
        b.method("setdefault") { interpreter, d, args in
            guard let key = args.positional.first else { throw PythonError.typeError("setdefault expected at least 1 argument") }
            if let v = try dict(d).get(key, interpreter) { return v }
            let v = args.positional.count > 1 ? args.positional[1] : .none
            try dict(d).set(key, v, interpreter)
            return v
        }
        b.method("update") { interpreter, d, args in
            if let source = args.positional.first {
                let other = try interpreter.call(.object(BuiltinTypes.dict), [source])
                try interpreter.mergeMapping(other, into: dict(d))
            }
            for (k, v) in args.keywords { dict(d)[string: k] = v }
            return .none
        }
        b.method("clear") { _, d, _ in
            dict(d).removeAll()
            return .none
        }
        b.method("copy") { interpreter, d, _ in
            let copy = PyDict()
            try interpreter.mergeMapping(d, into: copy)
            return .dict(copy)
        }
    }

    static func set(_ v: Value) -> PySet { v.as(PySet.self) ?? PySet() }

    static func installSet(_ c: PyClass) {
        c.constructor = { interpreter, _, args in
            let s = PySet()
            if let source = args.positional.first { for v in try interpreter.collect(source) { try s.insert(v, interpreter) } }
            return .object(s)
        }
        let b = NativeClassBuilder(c)
        b.method("add") { interpreter, s, args in
            guard let v = args.positional.first else { throw PythonError.typeError("set.add() takes exactly one argument (0 given)") }
            try set(s).insert(v, interpreter)
            return .none
        }
        b.method("remove") { interpreter, s, args in
            guard let v = args.positional.first else { throw PythonError.typeError("set.remove() takes exactly one argument (0 given)") }
            if !(try set(s).remove(v, interpreter)) { throw PythonError(BuiltinTypes.keyError, args: [v]) }
            return .none
        }
        b.method("discard") { interpreter, s, args in
            if let v = args.positional.first { try set(s).remove(v, interpreter) }
            return .none
        }
        b.method("pop") { interpreter, s, _ in
            guard let v = set(s).elements.first else { throw PythonError(BuiltinTypes.keyError, "pop from an empty set") }
            try set(s).remove(v, interpreter)
            return v
        }
        b.method("clear") { _, s, _ in
            set(s).table.removeAll()
            return .none
        }
        b.method("copy") { interpreter, s, _ in try interpreter.call(.object(BuiltinTypes.set), [s]) }
        b.method("update") { interpreter, s, args in
            for other in args.positional { for v in try interpreter.collect(other) { try set(s).insert(v, interpreter) } }
            return .none
        }
        let operations: [(String, BinaryOperator)] = [("union", .or), ("intersection", .and), ("difference", .subtract), ("symmetric_difference", .xor)]
        for (name, op) in operations {
            b.method(name) { interpreter, s, args in
                var result = s
                for other in args.positional {
                    result = try interpreter.binary(op, result, try interpreter.call(.object(BuiltinTypes.set), [other]))
                }
                return op == .or && args.positional.isEmpty ? try interpreter.call(.object(BuiltinTypes.set), [s]) : result
            }
        }
        b.method("issubset") { interpreter, s, args in
            guard let other = args.positional.first else { throw PythonError.typeError("issubset() takes exactly one argument") }
            let o = try interpreter.call(.object(BuiltinTypes.set), [other])
            for v in set(s).elements where !(try set(o).contains(v, interpreter)) { return .bool(false) }
            return .bool(true)
        }
        b.method("issuperset") { interpreter, s, args in
            guard let other = args.positional.first else { throw PythonError.typeError("issuperset() takes exactly one argument") }
            for v in try interpreter.collect(other) where !(try set(s).contains(v, interpreter)) { return .bool(false) }
            return .bool(true)
        }
    }
}

/// `d.keys()`, `d.values()`, `d.items()`: live views over a dict.
final class DictView: PythonObject {
    enum Kind { case keys, values, items }
    let kind: Kind
    let dict: PyDict

    init(_ kind: Kind, _ dict: PyDict) {
        self.kind = kind
        self.dict = dict
    }

    var pythonClass: PyClass {
        switch kind {
        case .keys: return BuiltinTypes.iteratorClass(named: "dict_keys")
        case .values: return BuiltinTypes.iteratorClass(named: "dict_values")
        case .items: return BuiltinTypes.iteratorClass(named: "dict_items")
        }
    }

    var elements: [Value] {
        switch kind {
        case .keys: return dict.keys
        case .values: return dict.values
        case .items: return dict.items.map { .tuple([$0.key, $0.value]) }
        }
    }

    func repr(_ interpreter: Interpreter) throws -> String {
        "\(pythonClass.name)([" + (try elements.map { try interpreter.repr($0) }).joined(separator: ", ") + "])"
    }

    /// Views iterate, have a length and support `in` through their class
    /// (installed once, when the view class is created).
    static func install(_ c: PyClass) {
        c.attributes["__iter__"] = .object(NativeFunction("__iter__") { _, args in
            guard let view = args.positional.first?.as(DictView.self) else { return .none }
            return .object(Interpreter.arrayIterator(view.elements, name: "dict_iterator"))
        })
        c.attributes["__len__"] = .object(NativeFunction("__len__") { _, args in
            .int(args.positional.first?.as(DictView.self)?.dict.count ?? 0)
        })
        c.attributes["__contains__"] = .object(NativeFunction("__contains__") { interpreter, args in
            guard args.positional.count == 2, let view = args.positional[0].as(DictView.self) else { return .bool(false) }
            if view.kind == .keys { return .bool(try view.dict.get(args.positional[1], interpreter) != nil) }
            return .bool(try interpreter.contains(.tuple(view.elements), args.positional[1]))
        })
        c.attributes.removeNextHooks()
    }
}

extension AttributeTable {
    /// Views are iterables, not iterators: they must not carry `__next__`.
    mutating func removeNextHooks() { self["__next__"] = nil }
}
