import Foundation

/// Python's format-spec mini-language: `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
///
///     try FormatSpec("08.3f").format(3.14159)   // "0003.142"
struct FormatSpec {
    var fill: Character = " "
    var align: Character?
    var sign: Character = "-"
    var alternate = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?

    init(_ text: String) throws {
        var chars = Array(text)
        var i = 0
        func at(_ k: Int) -> Character? { k < chars.count ? chars[k] : nil }
        var explicitFill = false
        if let second = at(1), "<>=^".contains(second) {
            fill = chars[0]
            explicitFill = true
            align = second
            i = 2
        } else if let first = at(0), "<>=^".contains(first) {
            align = first
            i = 1
        }
        if let c = at(i), "+- ".contains(c) {
            sign = c
            i += 1
        }
        if at(i) == "z" { i += 1 }
        if at(i) == "#" {
            alternate = true
            i += 1
        }
        if at(i) == "0" {
            // `0` pads with zeros unless a fill was given, and aligns after the sign
            // unless an alignment was given (`>08.3f` gives `00-3.142`).
            if !explicitFill { fill = "0" }
            if align == nil { align = "=" }
            i += 1
        }
        var w = 0
        while let c = at(i), let d = c.wholeNumberValue, c.isASCII {
            w = min(w * 10 + d, 1 << 20)
            i += 1
        }
        width = w
        if let c = at(i), c == "," || c == "_" {
            grouping = c
            i += 1
        }
        if at(i) == "." {
            i += 1
            var p = 0
            var any = false
            while let c = at(i), let d = c.wholeNumberValue, c.isASCII {
                p = min(p * 10 + d, 1 << 20)
                any = true
                i += 1
            }
            if !any { throw PythonError.valueError("Format specifier missing precision") }
            precision = p
        }
        if i < chars.count {
            type = chars[i]
            i += 1
        }
        if i < chars.count { throw PythonError.valueError("Invalid format specifier '\(text)' for object of type") }
        chars = []
    }

    // MARK: - Strings

    func format(string s: String) throws -> String {
        if let t = type, t != "s" { throw PythonError.valueError("Unknown format code '\(t)' for object of type 'str'") }
        if align == "=" { throw PythonError.valueError("'=' alignment not allowed in string format specifier") }
        if sign != "-" { throw PythonError.valueError("Sign not allowed in string format specifier") }
        var text = s
        if let p = precision, text.unicodeScalars.count > p {
            var cut = String.UnicodeScalarView()
            cut.append(contentsOf: text.unicodeScalars.prefix(p))
            text = String(cut)
        }
        return pad(text, sign: "", defaultAlign: "<")
    }

    // MARK: - Integers

    func format(int i: Int) throws -> String {
        let t = type ?? "d"
        if "eEfFgG%".contains(t) { return try format(double: Double(i)) }
        if precision != nil { throw PythonError.valueError("Precision not allowed in integer format specifier") }
        let magnitude = i.magnitude
        var digits: String
        var prefix = ""
        switch t {
        case "d", "n": digits = String(magnitude)
        case "b":
            digits = String(magnitude, radix: 2)
            prefix = alternate ? "0b" : ""
        case "o":
            digits = String(magnitude, radix: 8)
            prefix = alternate ? "0o" : ""
        case "x":
            digits = String(magnitude, radix: 16)
            prefix = alternate ? "0x" : ""
        case "X":
            digits = String(magnitude, radix: 16, uppercase: true)
            prefix = alternate ? "0X" : ""
        case "c":
            guard i >= 0, i <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(i)) else {
                throw PythonError.overflowError("%c arg not in range(0x110000)")
            }
            return pad(String(Character(scalar)), sign: "", defaultAlign: "<")
        default:
            throw PythonError.valueError("Unknown format code '\(t)' for object of type 'int'")
        }
        if let g = grouping { digits = group(digits, with: g, every: t == "d" || t == "n" ? 3 : 4) }
        return pad(prefix + digits, sign: signText(negative: i < 0), defaultAlign: ">", zeroPadGroup: grouping)
    }

    // MARK: - Floats

    func format(double d: Double) throws -> String {
        let t = type
        if let t, !"eEfFgGn%".contains(t) {
            throw PythonError.valueError("Unknown format code '\(t)' for object of type 'float'")
        }
        let negative = d.sign == .minus && !d.isNaN
        let x = abs(d)
        var body: String
        if !x.isFinite {
            body = x.isNaN ? "nan" : "inf"
            if let t, "EFG".contains(t) { body = body.uppercased() }
            if t == "%" { body += "%" }
        } else {
            switch t {
            case nil:
                if let p = precision {
                    body = FormatSpec.generalWithDot(x, precision: max(p, 1))
                } else {
                    body = Repr.float(x)
                }
            case "f", "F":
                body = FormatSpec.printf("%\(alternate ? "#" : "").\(precision ?? 6)f", x)
            case "e", "E":
                body = FormatSpec.printf("%\(alternate ? "#" : "").\(precision ?? 6)\(t!)", x)
            case "g", "G", "n":
                let p = max(precision ?? 6, 1)
                body = FormatSpec.printf("%\(alternate ? "#" : "").\(p)\(t == "G" ? "G" : "g")", x)
            default:  // "%"
                body = FormatSpec.printf("%\(alternate ? "#" : "").\(precision ?? 6)f", x * 100) + "%"
            }
        }
        if let g = grouping, x.isFinite {
            let end = body.firstIndex { !$0.isNumber } ?? body.endIndex
            body = group(String(body[..<end]), with: g, every: 3) + body[end...]
        }
        return pad(body, sign: signText(negative: negative), defaultAlign: ">", zeroPadGroup: grouping)
    }

    /// No type with a precision: like `g`, but fixed notation keeps a digit after
    /// the point, and so switches to exponents one digit earlier (CPython's
    /// `Py_DTSF_ADD_DOT_0`: `format(12.0, '.2')` is `1.2e+01`, `format(0.5, '.1')` is `0.5`).
    static func generalWithDot(_ x: Double, precision p: Int) -> String {
        let scientific = printf("%.\(p - 1)e", x)
        let exponent = scientific.split(separator: "e").last.flatMap { Int($0) } ?? 0
        if exponent < -4 || exponent >= p - 1 {
            var parts = scientific.split(separator: "e", maxSplits: 1).map(String.init)
            if parts[0].contains(".") {
                while parts[0].hasSuffix("0") { parts[0].removeLast() }
                if parts[0].hasSuffix(".") { parts[0].removeLast() }
            }
            return parts.joined(separator: "e")
        }
        var fixed = printf("%.\(max(0, p - 1 - exponent))f", x)
        if fixed.contains(".") {
            while fixed.hasSuffix("0") { fixed.removeLast() }
            if fixed.hasSuffix(".") { fixed += "0" }
        } else {
            fixed += ".0"
        }
        return fixed
    }

    /// One double through C's printf: correctly rounded, like CPython's own formatting.
    static func printf(_ format: String, _ value: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        let written = withVaList([value]) { args in
            vsnprintf(&buffer, buffer.count, format, args)
        }
        if written >= buffer.count {
            buffer = [CChar](repeating: 0, count: Int(written) + 1)
            _ = withVaList([value]) { args in vsnprintf(&buffer, buffer.count, format, args) }
        }
        return String(cString: buffer)
    }

    // MARK: - Padding

    private func signText(negative: Bool) -> String {
        if negative { return "-" }
        return sign == "+" ? "+" : sign == " " ? " " : ""
    }

    private func group(_ digits: String, with separator: Character, every n: Int) -> String {
        var out: [Character] = []
        for (k, ch) in digits.reversed().enumerated() {
            if k > 0 && k % n == 0 { out.append(separator) }
            out.append(ch)
        }
        return String(out.reversed())
    }

    private func pad(_ body: String, sign: String, defaultAlign: Character, zeroPadGroup: Character? = nil) -> String {
        let length = body.count + sign.count
        guard width > length else { return sign + body }
        let padding = width - length
        let fillText = { (n: Int) in String(repeating: String(self.fill), count: n) }
        switch align ?? defaultAlign {
        case "<": return sign + body + fillText(padding)
        case "^": return fillText(padding / 2) + sign + body + fillText(padding - padding / 2)
        case "=": return sign + fillText(padding) + body
        default: return fillText(padding) + sign + body
        }
    }
}
