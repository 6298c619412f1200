extension Interpreter {
    // MARK: - repr and str

    /// `repr(value)`, running `__repr__` of user and native classes.
    public func repr(_ v: Value) throws -> String {
        switch v {
        case .none, .bool, .int, .float, .str: return Repr.plain(v)
        case .tuple(let items):
            return try nested(Interpreter.reprRecursion) {
                if items.count == 1 { return "(\(try repr(items[0])),)" }
                return "(" + (try items.map { try repr($0) }).joined(separator: ", ") + ")"
            }
        case .list(let l):
            return try guardedRepr(l, "[...]") { "[" + (try l.items.map { try self.repr($0) }).joined(separator: ", ") + "]" }
        case .dict(let d):
            return try guardedRepr(d, "{...}") {
                "{" + (try d.items.map { "\(try self.repr($0.key)): \(try self.repr($0.value))" }).joined(separator: ", ") + "}"
            }
        case .object(let o):
            return try objectRepr(o, v)
        }
    }

    private func guardedRepr(_ object: AnyObject, _ placeholder: String, _ body: () throws -> String) throws -> String {
        let key = ObjectIdentifier(object)
        if reprInProgress.contains(key) { return placeholder }
        reprInProgress.insert(key)
        defer { reprInProgress.remove(key) }
        return try nested(Interpreter.reprRecursion, body)
    }

    static let reprRecursion = "maximum recursion depth exceeded while getting the repr of an object"

    private func objectRepr(_ o: any PythonObject, _ v: Value) throws -> String {
        switch o {
        case let set as PySet:
            if set.count == 0 { return "set()" }
            return try guardedRepr(set, "{...}") { "{" + (try set.elements.map { try self.repr($0) }).joined(separator: ", ") + "}" }
        case let r as PyRange:
            return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
        case let s as PySlice:
            return "slice(\(try repr(s.start)), \(try repr(s.stop)), \(try repr(s.step)))"
        case let cls as PyClass:
            return cls.moduleName == "builtins" ? "<class '\(cls.name)'>" : "<class '\(cls.moduleName).\(cls.attributes["__qualname__"].flatMap { if case .str(let q) = $0 { return q } else { return nil } } ?? cls.name)'>"
        case let f as PyFunction:
            return "<function \(f.code.qualifiedName) at \(address(f))>"
        case let f as NativeFunction:
            return "<built-in function \(f.name)>"
        case let m as PyBoundMethod:
            let name: String
            switch m.function {
            case .object(let f as PyFunction): name = f.code.qualifiedName
            case .object(let f as NativeFunction): name = "\(m.receiver.typeName).\(f.name)"
            default: name = "method"
            }
            return "<bound method \(name) of \(try repr(m.receiver))>"
        case let module as PyModule:
            return "<module '\(module.name)'>"
        case let view as DictView:
            return try view.repr(self)
        default:
            break
        }
        if let method = o.pythonClass.lookup("__repr__") {
            let r = try callBound(method, receiver: v, Arguments())
            guard case .str(let s) = r else { throw PythonError.typeError("__repr__ returned non-string (type \(r.typeName))") }
            return s
        }
        return defaultRepr(o)
    }

    /// `<__main__.Point object at 0x7f0000001040>` with a deterministic address.
    func defaultRepr(_ o: any PythonObject) -> String {
        let cls = o.pythonClass
        let prefix = cls.moduleName == "builtins" ? "" : cls.moduleName + "."
        return "<\(prefix)\(cls.name) object at \(address(o))>"
    }

    func address(_ o: AnyObject) -> String { "0x" + String(identity(of: o), radix: 16) }

    /// `str(value)`: strings as they are, `__str__` when a class defines it, else `repr`.
    public func str(_ v: Value) throws -> String {
        switch v {
        case .str(let s): return s
        case .float(let d): return Repr.float(d)
        case .object(let o):
            if let method = o.pythonClass.lookup("__str__") {
                let r = try callBound(method, receiver: v, Arguments())
                guard case .str(let s) = r else { throw PythonError.typeError("__str__ returned non-string (type \(r.typeName))") }
                return s
            }
            return try repr(v)
        default:
            return try repr(v)
        }
    }

    // MARK: - format()

    /// `format(value, spec)`, as f-strings and `str.format` use it.
    public func format(_ v: Value, _ spec: String) throws -> String {
        switch v {
        case .str(let s): return spec.isEmpty ? s : try FormatSpec(spec).format(string: s)
        case .int(let i): return spec.isEmpty ? String(i) : try FormatSpec(spec).format(int: i)
        case .float(let d): return spec.isEmpty ? Repr.float(d) : try FormatSpec(spec).format(double: d)
        case .bool(let b): return spec.isEmpty ? (b ? "True" : "False") : try FormatSpec(spec).format(int: b ? 1 : 0)
        case .object(let o):
            if let method = o.pythonClass.lookup("__format__") {
                let r = try callBound(method, receiver: v, Arguments([.str(spec)]))
                guard case .str(let s) = r else { throw PythonError.typeError("__format__ must return a str, not \(r.typeName)") }
                return s
            }
        default:
            break
        }
        if spec.isEmpty { return try str(v) }
        throw PythonError.typeError("unsupported format string passed to \(v.typeName).__format__")
    }
}
