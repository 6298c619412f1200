import Foundation

/// `int()`, `float()`, `bool()` and their methods.
enum Conversions {
    static func installInt(_ c: PyClass) {
        c.constructor = { interpreter, _, args in
            let sig = Signature("int(x=0, base=None)")
            let bound = try sig.bind(args)
            if let base = bound.optional("base") {
                guard case .str(let s) = bound["x"] else { throw PythonError.typeError("int() can't convert non-string with explicit base") }
                guard let b = try interpreter.indexValue(base), b == 0 || (2...36).contains(b) else {
                    throw PythonError.valueError("int() base must be >= 2 and <= 36, or 0")
                }
                return .int(try parseInt(s, base: b))
            }
            return .int(try interpreter.builtinInt(bound["x"]))
        }
        let b = NativeClassBuilder(c)
        b.method("bit_length") { _, this, _ in
            guard case .int(let i) = this else { return .int(0) }
            return .int(Int.bitWidth - i.magnitude.leadingZeroBitCount)
        }
        b.method("__index__") { _, this, _ in this }
    }

    static func installBool(_ c: PyClass) {
        c.constructor = { interpreter, _, args in
            guard args.positional.count <= 1, args.keywords.isEmpty else { throw PythonError.typeError("bool() takes at most 1 argument") }
            return .bool(try args.positional.first.map { try interpreter.isTruthy($0) } ?? false)
        }
    }

    static func installFloat(_ c: PyClass) {
        c.constructor = { interpreter, _, args in
            guard args.positional.count <= 1, args.keywords.isEmpty else { throw PythonError.typeError("float expected at most 1 argument") }
            return .float(try args.positional.first.map { try interpreter.builtinFloat($0) } ?? 0)
        }
        let b = NativeClassBuilder(c)
        b.method("is_integer") { _, this, _ in
            guard case .float(let d) = this else { return .bool(false) }
            return .bool(d.isFinite && d == d.rounded())
        }
    }

    /// Python's int literal rules for `int(str, base)`: whitespace, sign, underscores, prefixes.
    static func parseInt(_ text: String, base: Int) throws -> Int {
        let original = text
        var s = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        var negative = false
        if s.first == "-" || s.first == "+" {
            negative = s.first == "-"
            s = s.dropFirst()
        }
        var radix = base
        let lower = s.lowercased()
        for (prefix, r) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(prefix) && (base == r || base == 0) {
            radix = r
            s = s.dropFirst(2)
            if s.first == "_" { s = s.dropFirst() }
        }
        if radix == 0 { radix = 10 }
        let invalid = PythonError.valueError("invalid literal for int() with base \(base == 0 ? 0 : base): \(Repr.string(original))")
        guard !s.isEmpty, s.first != "_", s.last != "_", !s.contains("__") else { throw invalid }
        let digits = s.replacingOccurrences(of: "_", with: "")
        guard let magnitude = UInt64(digits, radix: radix) else {
            if !digits.isEmpty && digits.allSatisfy({ Int(String($0), radix: radix) != nil }) {
                throw PythonError.overflowError("int too large to convert (litbook ints are 64-bit)")
            }
            throw invalid
        }
        if negative {
            guard magnitude <= UInt64(Int.max) + 1 else { throw Arithmetic.overflow() }
            return magnitude == UInt64(Int.max) + 1 ? Int.min : -Int(magnitude)
        }
        guard magnitude <= UInt64(Int.max) else { throw Arithmetic.overflow() }
        return Int(magnitude)
    }

    static func parseFloat(_ text: String) throws -> Double {
        let s = text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "_", with: "")
        switch s.lowercased() {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan", "+nan", "-nan": return .nan
        default: break
        }
        let allowed = Set("0123456789+-.eE")
        if !s.isEmpty, s.allSatisfy({ allowed.contains($0) }), let d = Double(s) { return d }
        throw PythonError.valueError("could not convert string to float: \(Repr.string(text))")
    }

    /// Double to Int for `int(3.9)`: truncation, with Python's errors for inf and nan.
    static func truncate(_ d: Double) throws -> Int {
        if d.isNaN { throw PythonError.valueError("cannot convert float NaN to integer") }
        if d.isInfinite { throw PythonError.overflowError("cannot convert float infinity to integer") }
        let t = d.rounded(.towardZero)
        guard t >= -9.223372036854775808e18, t < 9.223372036854775808e18 else { throw Arithmetic.overflow() }
        return Int(t)
    }
}

extension Interpreter {
    /// `int(value)` for one argument.
    public func builtinInt(_ v: Value) throws -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .float(let d): return try Conversions.truncate(d)
        case .str(let s): return try Conversions.parseInt(s, base: 10)
        case .object(let o):
            for name in ["__int__", "__index__"] {
                if let method = o.pythonClass.lookup(name) {
                    let r = try callBound(method, receiver: v, Arguments())
                    if case .int(let i) = r { return i }
                    if case .float(let d) = r { return try Conversions.truncate(d) }
                    throw PythonError.typeError("\(name) returned non-int (type \(r.typeName))")
                }
            }
            if let method = o.pythonClass.lookup("__float__") {
                let r = try callBound(method, receiver: v, Arguments())
                if case .float(let d) = r { return try Conversions.truncate(d) }
            }
        default: break
        }
        throw PythonError.typeError("int() argument must be a string, a bytes-like object or a real number, not '\(v.typeName)'")
    }

    /// `float(value)` for one argument.
    public func builtinFloat(_ v: Value) throws -> Double {
        switch v {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .str(let s): return try Conversions.parseFloat(s)
        case .object(let o):
            if let method = o.pythonClass.lookup("__float__") {
                let r = try callBound(method, receiver: v, Arguments())
                if case .float(let d) = r { return d }
                if case .int(let i) = r { return Double(i) }
                throw PythonError.typeError("\(v.typeName).__float__ returned non-float (type \(r.typeName))")
            }
            if let method = o.pythonClass.lookup("__index__") {
                if case .int(let i) = try callBound(method, receiver: v, Arguments()) { return Double(i) }
            }
        default: break
        }
        throw PythonError.typeError("float() argument must be a string or a real number, not '\(v.typeName)'")
    }
}
