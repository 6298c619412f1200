/// One lexical unit of a TeX formula, with where it came from.
///
/// Offsets count Unicode scalars (the unit of `Diagnostics` columns) and, separately,
/// UTF-16 code units (the unit of JavaScript and of many editors), so a warning can be
/// mapped back to the notebook either way.
struct MathToken: Equatable {
    enum Kind: Equatable {
        /// `\name` (letters) or `\x` (one non-letter); the name excludes the backslash.
        case command(String)
        /// Any character without a special TeX meaning (letters, digits, `+`, `(`, `'`, …).
        case character(Unicode.Scalar)
        case beginGroup  // {
        case endGroup  // }
        case superscriptMark  // ^
        case subscriptMark  // _
        case alignmentTab  // &
        case mathShift  // $ (only meaningful inside \text)
        /// A run of white space (kept because it matters inside `\text`).
        case space
    }

    var kind: Kind
    /// Scalar offset of the first character in the formula.
    var offset: Int
    /// UTF-16 offset of the first character in the formula.
    var utf16Offset: Int
    /// Length in scalars.
    var length: Int
}

/// Splits a TeX formula into tokens.
///
/// TeX's category codes are fixed here to those of plain LaTeX math: `%` starts a
/// comment to the end of the line and `\` starts a control sequence. A control word
/// (`\frac`) swallows the spaces after it, as in TeX, so `\alpha b` is two atoms; the
/// lexer marks that by not emitting the space token.
struct MathLexer {
    private let scalars: [Unicode.Scalar]

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    /// The source text between two scalar offsets (clamped to the formula).
    func text(from start: Int, to end: Int) -> String {
        let lower = max(0, min(start, scalars.count))
        let upper = max(lower, min(end, scalars.count))
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[lower..<upper])
        return String(result)
    }

    var scalarCount: Int { scalars.count }

    // MARK: - Tokenizing

    func tokens() -> [MathToken] {
        var tokens: [MathToken] = []
        var index = 0
        var utf16 = 0
        func utf16Length(_ from: Int, _ to: Int) -> Int {
            var total = 0
            for position in from..<to { total += scalars[position].utf16.count }
            return total
        }
        func emit(_ kind: MathToken.Kind, from start: Int, to end: Int) {
            tokens.append(MathToken(kind: kind, offset: start, utf16Offset: utf16, length: end - start))
        }
        while index < scalars.count {
            let start = index
            let scalar = scalars[index]
            var kind: MathToken.Kind?
            switch scalar {
            case "\\":
                index += 1
                if index < scalars.count, Self.isLetter(scalars[index]) {
                    while index < scalars.count, Self.isLetter(scalars[index]) { index += 1 }
                    emit(.command(text(from: start + 1, to: index)), from: start, to: index)
                    utf16 += utf16Length(start, index)
                    // A control word swallows the spaces that follow it.
                    let spaceStart = index
                    while index < scalars.count, Self.isSpace(scalars[index]) { index += 1 }
                    utf16 += utf16Length(spaceStart, index)
                    continue
                } else if index < scalars.count {
                    index += 1
                    kind = .command(String(Character(scalars[start + 1])))
                } else {
                    // A lone backslash at the end: the parser reports it.
                    kind = .command("")
                }
            case "%":
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
                utf16 += utf16Length(start, index)
                continue
            case "{":
                kind = .beginGroup
                index += 1
            case "}":
                kind = .endGroup
                index += 1
            case "^":
                kind = .superscriptMark
                index += 1
            case "_":
                kind = .subscriptMark
                index += 1
            case "&":
                kind = .alignmentTab
                index += 1
            case "$":
                kind = .mathShift
                index += 1
            default:
                if Self.isSpace(scalar) {
                    while index < scalars.count, Self.isSpace(scalars[index]) { index += 1 }
                    kind = .space
                } else {
                    kind = .character(scalar)
                    index += 1
                }
            }
            if let kind {
                emit(kind, from: start, to: index)
                utf16 += utf16Length(start, index)
            }
        }
        return tokens
    }

    // MARK: - Character classes

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }
}
