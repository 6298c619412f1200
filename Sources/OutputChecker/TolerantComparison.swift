/// Compares two outputs where numbers may differ slightly: `#| tolerance: 1e-3`.
///
/// Both texts are cut into numbers and the text between them. The text must be
/// identical; each pair of numbers must agree within the tolerance, measured
/// relative to the larger magnitude, and absolutely for magnitudes below 1
/// (so `0.000` and `0.0004` agree at 1e-3):
///
///     |a − b| ≤ tolerance × max(|a|, |b|, 1)
///
/// A training log (`loss 0.469, train acc 0.823`) thus stays checked even when
/// the last digits move, while a changed word or a missing line still fails.
public struct TolerantComparison: Sendable {
    public var tolerance: Double

    public init(tolerance: Double) {
        self.tolerance = tolerance
    }

    public func matches(_ recorded: String, _ actual: String) -> Bool {
        if recorded == actual { return true }
        let a = Self.tokens(recorded), b = Self.tokens(actual)
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) {
            switch (x, y) {
            case let (.text(s), .text(t)):
                if s != t { return false }
            case let (.number(p, _), .number(q, _)):
                if p.isNaN || q.isNaN {
                    if !(p.isNaN && q.isNaN) { return false }
                } else if p != q, !(abs(p - q) <= tolerance * max(abs(p), abs(q), 1)) {
                    return false
                }
            default:
                return false
            }
        }
        return true
    }

    enum Token: Equatable {
        case text(Substring)
        case number(Double, Substring)
    }

    /// Splits text into numbers (`-1.5`, `3e-2`, `1.0000e+04`, `42`) and the text
    /// between them; `inf` and `nan` stay text and must match exactly.
    static func tokens(_ s: String) -> [Token] {
        var tokens: [Token] = []
        let scalars = Array(s.unicodeScalars)
        var index = 0
        var textStart = 0
        func flushText(upTo end: Int) {
            if end > textStart {
                tokens.append(.text(Substring(String(String.UnicodeScalarView(scalars[textStart..<end])))))
            }
        }
        while index < scalars.count {
            if let (value, end) = number(in: scalars, at: index) {
                flushText(upTo: index)
                tokens.append(.number(value, Substring(String(String.UnicodeScalarView(scalars[index..<end])))))
                index = end
                textStart = end
            } else {
                index += 1
            }
        }
        flushText(upTo: scalars.count)
        return tokens
    }

    /// A number starting at `start`, if one does: an optional minus sign (only
    /// when not preceded by a letter or digit, so `a-1` keeps its dash as text
    /// but `[-1.5` reads −1.5), digits with an optional fraction, an optional
    /// exponent. A number glued to letters (`conv2d`, `x1`) is text.
    private static func number(in s: [Unicode.Scalar], at start: Int) -> (Double, Int)? {
        func isDigit(_ i: Int) -> Bool { i < s.count && ("0"..."9").contains(s[i]) }
        func isWordChar(_ i: Int) -> Bool {
            i >= 0 && i < s.count && (s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) || s[i] == "_")
        }
        var i = start
        if s[i] == "-" {
            if isWordChar(start - 1) { return nil }
            i += 1
        } else if isWordChar(start - 1) || s[i] == "." && isDigit(start - 1) {
            return nil
        }
        let digitsStart = i
        while isDigit(i) { i += 1 }
        var sawDigits = i > digitsStart
        if i < s.count, s[i] == ".", isDigit(i + 1) || sawDigits {
            i += 1
            while isDigit(i) { i += 1 }
            sawDigits = true
        }
        guard sawDigits else { return nil }
        if i < s.count, s[i] == "e" || s[i] == "E" {
            var j = i + 1
            if j < s.count, s[j] == "+" || s[j] == "-" { j += 1 }
            if isDigit(j) {
                while isDigit(j) { j += 1 }
                i = j
            }
        }
        if isWordChar(i) { return nil }
        let literal = String(String.UnicodeScalarView(s[start..<i]))
        guard let value = Double(literal) else { return nil }
        return (value, i)
    }
}
