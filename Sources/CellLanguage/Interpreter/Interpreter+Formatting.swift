extension Interpreter {
    // MARK: - printf-style %

    /// `"%d items, %.2f each" % (3, 1.5)`.
    func percentFormat(_ format: String, _ args: Value) throws -> String {
        // A tuple gives the arguments; anything else is the one argument, and
        // anything subscriptable (not a str) may also serve `%(key)s` (CPython's rule,
        // which also means `'text' % []` raises nothing).
        var values: [Value]
        var mapping: Value?
        switch args {
        case .tuple(let t): values = t
        case .str: values = [args]
        case .dict, .list:
            values = [args]
            mapping = args
        default:
            values = [args]
            if case .object(let o) = args, o.pythonClass.lookup("__getitem__") != nil { mapping = args }
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
                let text = type == "s" ? try str(value) : type == "r" ? try repr(value) : Repr.ascii(try repr(value))
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
