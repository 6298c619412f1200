extension Interpreter {
    // MARK: - repr and str

    /// `repr(value)`, running `__repr__` of user and native classes.
    public func repr(_ v: Value) throws -> String {
        switch v {
        case .none, .bool, .int, .float, .str: return Repr.plain(v)
        case .tuple(let items):
            return try nested {
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
        return try nested(body)
    }

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

    // MARK: - printf-style %

    /// `"%d items, %.2f each" % (3, 1.5)`.
    func percentFormat(_ format: String, _ args: Value) throws -> String {
        var values: [Value]
        var mapping: Value?
        switch args {
        case .tuple(let t): values = t
        case .dict: values = []; mapping = args
        default: values = [args]
        }
        var next = 0
        func take() throws -> Value {
            guard next < values.count else { throw PythonError.typeError("not enough arguments for format string") }
            defer { next += 1 }
            return values[next]
        }
        let chars = Array(format)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            i += 1
            guard c == "%" else {
                out.append(c)
                continue
            }
            guard i < chars.count else { throw PythonError.valueError("incomplete format") }
            var key: String?
            if chars[i] == "(" {
                guard let close = chars[i...].firstIndex(of: ")") else { throw PythonError.valueError("incomplete format key") }
                key = String(chars[(i + 1)..<close])
                i = close + 1
            }
            var flags = ""
            while i < chars.count, "-+ 0#".contains(chars[i]) {
                flags.append(chars[i])
                i += 1
            }
            var width = ""
            while i < chars.count, chars[i].isASCII, chars[i].isNumber || chars[i] == "*" {
                width += chars[i] == "*" ? String(try indexValue(try take()) ?? 0) : String(chars[i])
                i += 1
            }
            var precision = ""
            if i < chars.count, chars[i] == "." {
                precision = "."
                i += 1
                while i < chars.count, chars[i].isASCII, chars[i].isNumber || chars[i] == "*" {
                    precision += chars[i] == "*" ? String(try indexValue(try take()) ?? 0) : String(chars[i])
                    i += 1
                }
                if precision == "." { precision = ".0" }
            }
            guard i < chars.count else { throw PythonError.valueError("incomplete format") }
            let type = chars[i]
            i += 1
            if type == "%" {
                out.append("%")
                continue
            }
            let value: Value
            if let key, let mapping {
                value = try getItem(mapping, .str(key))
            } else {
                value = try take()
            }
            let align = flags.contains("-") ? "<" : flags.contains("0") && type != "s" && type != "r" ? "0" : ">"
            let sign = flags.contains("+") ? "+" : flags.contains(" ") ? " " : ""
            let alt = flags.contains("#") ? "#" : ""
            var spec = (align == "0" ? "" : align) + sign + alt + (align == "0" ? "0" : "") + width
            switch type {
            case "s", "r", "a":
                let text = type == "s" ? try str(value) : try repr(value)
                spec += precision
                out += try FormatSpec(spec).format(string: text)
            case "d", "i", "u":
                let n: Int
                switch value {
                case .float(let d):
                    guard d.isFinite, abs(d) < 9.2e18 else { throw PythonError.overflowError("cannot convert float to integer") }
                    n = Int(d)
                default:
                    guard let k = try indexValue(value) else {
                        throw PythonError.typeError("%\(type) format: a real number is required, not \(value.typeName)")
                    }
                    n = k
                }
                out += try FormatSpec(spec + "d").format(int: n)
            case "x", "X", "o":
                guard let n = try indexValue(value) else {
                    throw PythonError.typeError("%\(type) format: an integer is required, not \(value.typeName)")
                }
                out += try FormatSpec(spec + String(type)).format(int: n)
            case "e", "E", "f", "F", "g", "G":
                let d: Double
                switch value {
                case .float(let x): d = x
                case .int(let x): d = Double(x)
                case .bool(let b): d = b ? 1 : 0
                default:
                    if let f = try? builtinFloat(value) { d = f } else {
                        throw PythonError.typeError("must be real number, not \(value.typeName)")
                    }
                }
                out += try FormatSpec(spec + (precision.isEmpty ? ".6" : precision) + String(type)).format(double: d)
            case "c":
                if case .str(let s) = value { out += s } else if let n = try indexValue(value) {
                    out += try FormatSpec("c").format(int: n)
                }
            default:
                throw PythonError.valueError("unsupported format character '\(type)' (0x\(String(type.unicodeScalars.first?.value ?? 0, radix: 16)))")
            }
        }
        if mapping == nil && next < values.count {
            throw PythonError.typeError("not all arguments converted during string formatting")
        }
        return out
    }

    // MARK: - str.format

    /// `"{} and {name:>5}".format(...)`.
    func strFormat(_ format: String, _ args: Arguments) throws -> String {
        let chars = Array(format)
        var out = ""
        var i = 0
        var automatic = 0
        while i < chars.count {
            let c = chars[i]
            if c == "{" {
                if i + 1 < chars.count && chars[i + 1] == "{" {
                    out.append("{")
                    i += 2
                    continue
                }
                var depth = 1
                var j = i + 1
                while j < chars.count && depth > 0 {
                    if chars[j] == "{" { depth += 1 }
                    if chars[j] == "}" { depth -= 1 }
                    if depth > 0 { j += 1 }
                }
                guard j < chars.count else { throw PythonError.valueError("expected '}' before end of string") }
                let field = String(chars[(i + 1)..<j])
                out += try formatField(field, args, &automatic)
                i = j + 1
            } else if c == "}" {
                guard i + 1 < chars.count && chars[i + 1] == "}" else {
                    throw PythonError.valueError("Single '}' encountered in format string")
                }
                out.append("}")
                i += 2
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    private func formatField(_ field: String, _ args: Arguments, _ automatic: inout Int) throws -> String {
        var name = field
        var spec = ""
        var conversion: Character?
        if let colon = field.firstIndex(of: ":") {
            name = String(field[..<colon])
            spec = String(field[field.index(after: colon)...])
        }
        if let bang = name.firstIndex(of: "!") {
            conversion = name[name.index(after: bang)...].first
            name = String(name[..<bang])
        }
        if spec.contains("{") { spec = try strFormat(spec, args) }
        // The first part is an index or keyword; then .attr and [key] accessors.
        var headEnd = name.endIndex
        if let k = name.firstIndex(where: { $0 == "." || $0 == "[" }) { headEnd = k }
        let head = String(name[..<headEnd])
        var value: Value
        if head.isEmpty {
            guard automatic < args.positional.count else {
                throw PythonError.indexError("Replacement index \(automatic) out of range for positional args tuple")
            }
            value = args.positional[automatic]
            automatic += 1
        } else if let n = Int(head) {
            guard n >= 0 && n < args.positional.count else {
                throw PythonError.indexError("Replacement index \(n) out of range for positional args tuple")
            }
            value = args.positional[n]
        } else {
            guard let v = args.keyword(head) else { throw PythonError(BuiltinTypes.keyError, args: [.str(head)]) }
            value = v
        }
        var rest = name[headEnd...]
        while let first = rest.first {
            if first == "." {
                rest = rest.dropFirst()
                let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
                value = try getAttribute(value, String(rest[..<end]))
                rest = rest[end...]
            } else {
                guard let close = rest.firstIndex(of: "]") else { throw PythonError.valueError("Missing ']' in format string") }
                let key = String(rest[rest.index(after: rest.startIndex)..<close])
                value = try getItem(value, Int(key).map(Value.int) ?? .str(key))
                rest = rest[rest.index(after: close)...]
            }
        }
        switch conversion {
        case "r": value = .str(try repr(value))
        case "s": value = .str(try str(value))
        case "a": value = .str(Repr.ascii(try repr(value)))
        default: break
        }
        return try self.format(value, spec)
    }
}
