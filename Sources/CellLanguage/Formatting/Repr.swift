/// Python's textual forms of the built-in values that need no interpreter:
/// float repr, string quoting, and plain reprs for error messages.
public enum Repr {
    /// `repr(float)`: the shortest digits that round-trip, fixed notation for
    /// exponents in [-4, 16), else `d.ddde±XX`.
    public static func float(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        let (digits, exponent) = shortestDigits(abs(d))
        let sign = d < 0 ? "-" : ""
        if exponent >= -4 && exponent < 16 {
            if exponent < 0 {
                return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
            }
            if digits.count <= exponent + 1 {
                return sign + digits + String(repeating: "0", count: exponent + 1 - digits.count) + ".0"
            }
            let cut = digits.index(digits.startIndex, offsetBy: exponent + 1)
            return sign + digits[..<cut] + "." + digits[cut...]
        }
        var mantissa = String(digits.prefix(1))
        if digits.count > 1 { mantissa += "." + digits.dropFirst() }
        let e = abs(exponent)
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e)
    }

    /// The shortest round-trip decimal digits of a positive finite double and the
    /// decimal exponent of the first digit. Swift's `description` already
    /// produces the shortest digits; we only re-read its layout.
    static func shortestDigits(_ d: Double) -> (String, Int) {
        let text = d.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits = ""
        var pointOffset: Int?
        for ch in mantissa {
            if ch == "." { pointOffset = digits.count } else { digits.append(ch) }
        }
        let integerDigits = pointOffset ?? digits.count
        var leadingZeros = 0
        for ch in digits {
            if ch == "0" { leadingZeros += 1 } else { break }
        }
        var trimmed = String(digits.dropFirst(leadingZeros))
        while trimmed.count > 1 && trimmed.hasSuffix("0") { trimmed.removeLast() }
        if trimmed.isEmpty { trimmed = "0" }
        return (trimmed, exponent + integerDigits - leadingZeros - 1)
    }

    /// `repr(str)`: single quotes unless the text has a single quote and no double quote.
    public static func string(_ s: String) -> String {
        let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(scalar) == quote {
                    out += "\\" + String(quote)
                } else if isPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else if scalar.value < 0x100 {
                    out += "\\x" + hex(scalar.value, 2)
                } else if scalar.value < 0x10000 {
                    out += "\\u" + hex(scalar.value, 4)
                } else {
                    out += "\\U" + hex(scalar.value, 8)
                }
            }
        }
        out.append(quote)
        return out
    }

    /// Python's `str.isprintable` for one character.
    static func isPrintable(_ s: Unicode.Scalar) -> Bool {
        if s == " " { return true }
        switch s.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    static func hex(_ v: UInt32, _ width: Int) -> String {
        let h = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - h.count)) + h
    }

    /// `ascii()`: non-ASCII characters escaped.
    static func ascii(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar.value < 128 {
                out.unicodeScalars.append(scalar)
            } else if scalar.value < 0x100 {
                out += "\\x" + hex(scalar.value, 2)
            } else if scalar.value < 0x10000 {
                out += "\\u" + hex(scalar.value, 4)
            } else {
                out += "\\U" + hex(scalar.value, 8)
            }
        }
        return out
    }

    /// A repr for messages raised from native code (no user `__repr__` is run).
    public static func plain(_ v: Value) -> String {
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return float(d)
        case .str(let s): return string(s)
        case .tuple(let t): return t.count == 1 ? "(\(plain(t[0])),)" : "(" + t.map(plain).joined(separator: ", ") + ")"
        case .list(let l): return "[" + l.items.map(plain).joined(separator: ", ") + "]"
        case .dict: return "{...}"
        case .object(let o): return "<\(o.pythonClass.name) object>"
        }
    }

    /// `str()` without an interpreter: strings as they are, others as `plain`.
    public static func plainStr(_ v: Value) -> String {
        if case .str(let s) = v { return s }
        return plain(v)
    }
}
