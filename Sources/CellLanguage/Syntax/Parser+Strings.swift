import Diagnostics

extension Parser {
    /// Adjacent string literals concatenate (`'a' "b"`); any f-string among them
    /// makes the whole a formatted string.
    mutating func parseStrings() throws -> Expr {
        let loc = here
        var parts: [FormattedPart] = []
        var isFormatted = false
        while current.kind == .string {
            let token = advance()
            let literal = StringLiteral(token.text)
            if literal.isFormatted {
                isFormatted = true
                parts.append(contentsOf: try parseFormatted(literal, token: token))
            } else {
                parts.append(.literal(literal.isRaw ? literal.body : try decodeEscapes(literal.body, token: token)))
            }
        }
        if !isFormatted {
            let text = parts.map { part -> String in
                if case .literal(let s) = part { return s }
                return ""
            }.joined()
            return Expr(.constant(.str(text)), loc)
        }
        return Expr(.formattedString(parts), loc)
    }

    /// Backslash escapes of a non-raw literal.
    mutating func decodeEscapes(_ body: String, token: Token) throws -> String {
        guard body.contains("\\") else { return body }
        var out = String.UnicodeScalarView()
        let s = Array(body.unicodeScalars)
        var i = 0
        func hex(_ from: Int, _ count: Int) -> UInt32? {
            guard from + count <= s.count else { return nil }
            var text = ""
            text.unicodeScalars.append(contentsOf: s[from..<from + count])
            return UInt32(text, radix: 16)
        }
        while i < s.count {
            let c = s[i]
            guard c == "\\", i + 1 < s.count else {
                out.append(c)
                i += 1
                continue
            }
            let e = s[i + 1]
            i += 2
            switch e {
            case "\n": break
            case "\\": out.append("\\")
            case "'": out.append("'")
            case "\"": out.append("\"")
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "v": out.append("\u{0B}")
            case "0"..."7":
                var value = e.value - 48
                var n = 1
                while n < 3, i < s.count, s[i] >= "0", s[i] <= "7" {
                    value = value * 8 + s[i].value - 48
                    i += 1
                    n += 1
                }
                out.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            case "N":
                let start = i - 2
                guard i < s.count, s[i] == "{", let close = s[i...].firstIndex(of: "}") else {
                    throw fail("(unicode error) 'unicodeescape' codec can't decode bytes in position \(start)-\(start + 1): malformed \\N character escape", at: token)
                }
                var name = ""
                name.unicodeScalars.append(contentsOf: s[(i + 1)..<close])
                guard let scalar = UnicodeNames.scalar(named: name) else {
                    throw fail("(unicode error) 'unicodeescape' codec can't decode bytes in position \(start)-\(close): unknown Unicode character name", at: token)
                }
                out.append(scalar)
                i = close + 1
            case "x", "u", "U":
                let count = e == "x" ? 2 : e == "u" ? 4 : 8
                guard let v = hex(i, count), let scalar = Unicode.Scalar(v) else {
                    throw fail("(unicode error) truncated \\\(e)\(String(repeating: "X", count: count)) escape", at: token)
                }
                out.append(scalar)
                i += count
            default:
                out.append("\\")
                out.append(e)
            }
        }
        return String(out)
    }

    // MARK: - f-strings

    /// Splits an f-string body into literal text and `{expr!c:spec}` fields.
    mutating func parseFormatted(_ literal: StringLiteral, token: Token) throws -> [FormattedPart] {
        let s = Array(literal.body.unicodeScalars)
        var i = 0
        return try parseFormattedParts(s, &i, literal: literal, token: token, nested: false)
    }

    private mutating func parseFormattedParts(
        _ s: [Unicode.Scalar], _ i: inout Int, literal: StringLiteral, token: Token, nested: Bool
    ) throws -> [FormattedPart] {
        var parts: [FormattedPart] = []
        var text = String.UnicodeScalarView()
        func flush(_ parser: inout Parser) throws {
            if !text.isEmpty {
                let raw = String(text)
                parts.append(.literal(literal.isRaw ? raw : try parser.decodeEscapes(raw, token: token)))
                text = String.UnicodeScalarView()
            }
        }
        while i < s.count {
            let c = s[i]
            if c == "{" {
                if !nested, i + 1 < s.count, s[i + 1] == "{" {
                    text.append("{")
                    i += 2
                    continue
                }
                try flush(&self)
                i += 1
                parts.append(try parseField(s, &i, literal: literal, token: token))
            } else if c == "}" {
                if nested { break }
                if i + 1 < s.count, s[i + 1] == "}" {
                    text.append("}")
                    i += 2
                    continue
                }
                throw fail("f-string: single '}' is not allowed", at: token)
            } else {
                text.append(c)
                i += 1
            }
        }
        try flush(&self)
        return parts
    }

    /// One replacement field; `i` is just past its `{` and ends just past its `}`.
    private mutating func parseField(
        _ s: [Unicode.Scalar], _ i: inout Int, literal: StringLiteral, token: Token
    ) throws -> FormattedPart {
        let start = i
        var depth = 0
        var quote: Unicode.Scalar?
        while i < s.count {
            let c = s[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "(" || c == "[" || c == "{" {
                depth += 1
            } else if c == ")" || c == "]" || c == "}" {
                if depth == 0 { break }
                depth -= 1
            } else if depth == 0 {
                let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
                let previous: Unicode.Scalar? = i > start ? s[i - 1] : nil
                if c == "!" && next != "=" { break }
                if c == ":" { break }
                if c == "=" && next != "=" && !["=", "!", "<", ">"].contains(previous ?? " ") { break }
            }
            i += 1
        }
        var exprText = ""
        exprText.unicodeScalars.append(contentsOf: s[start..<i])
        if exprText.allSatisfy { $0 == " " } {
            throw fail("f-string: empty expression not allowed", at: token)
        }
        var selfDocumenting: String?
        if i < s.count && s[i] == "=" {
            i += 1
            var text = exprText + "="
            while i < s.count && s[i] == " " {
                text += " "
                i += 1
            }
            selfDocumenting = text
        }
        var conversion: Character?
        if i < s.count && s[i] == "!" {
            guard i + 1 < s.count, ["r", "s", "a"].contains(s[i + 1]) else {
                throw fail("f-string: invalid conversion character: expected 's', 'r', or 'a'", at: token)
            }
            conversion = Character(s[i + 1])
            i += 2
        }
        var spec: [FormattedPart]?
        if i < s.count && s[i] == ":" {
            i += 1
            spec = try parseFormattedParts(s, &i, literal: literal, token: token, nested: true)
        }
        guard i < s.count && s[i] == "}" else { throw fail("f-string: expecting '}'", at: token) }
        i += 1
        if selfDocumenting != nil && conversion == nil && spec == nil { conversion = "r" }
        let offset = literal.prefixLength + literal.quoteLength + start
        let expr = try parseEmbedded(exprText, token: token, offset: offset)
        return .field(expr, conversion: conversion, spec: spec, selfDocumenting: selfDocumenting)
    }

    /// Parses an f-string field's expression with locations inside the notebook.
    private mutating func parseEmbedded(_ text: String, token: Token, offset: Int) throws -> Expr {
        var lexer = Lexer("(" + text + ")")
        let (tokens, lexIssues) = lexer.tokenize()
        let fieldLine = lineBase + token.line - 1
        let fieldColumn = (token.line == 1 ? columnBase + token.column - 1 : token.column) + offset - 1
        var sub = Parser(tokens: tokens, file: file, lineBase: fieldLine, columnBase: fieldColumn)
        sub.qualifiedPrefix = qualifiedPrefix
        if let issue = lexIssues.first {
            throw fail("f-string: \(issue.message)", at: token)
        }
        do {
            let e = try sub.parseTestList(allowStar: false)
            guard sub.current.kind == .newline || sub.current.kind == .endOfFile else {
                throw sub.fail("f-string: invalid syntax")
            }
            return e
        } catch {
            issues.append(contentsOf: sub.issues.map { SyntaxIssue(kind: $0.kind, message: "f-string: \($0.message)", line: $0.line, column: $0.column) })
            throw Failure()
        }
    }
}

/// The parts of a string literal token: prefix flags, quote style, raw body.
struct StringLiteral {
    let isRaw: Bool
    let isFormatted: Bool
    let isBytes: Bool
    let prefixLength: Int
    let quoteLength: Int
    let body: String

    init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var p = 0
        var raw = false, formatted = false, bytes = false
        while p < scalars.count, scalars[p] != "'", scalars[p] != "\"" {
            switch scalars[p] {
            case "r", "R": raw = true
            case "f", "F": formatted = true
            case "b", "B": bytes = true
            default: break
            }
            p += 1
        }
        isRaw = raw
        isFormatted = formatted
        isBytes = bytes
        prefixLength = p
        let quote = p < scalars.count ? scalars[p] : "'"
        let triple = p + 2 < scalars.count && scalars[p + 1] == quote && scalars[p + 2] == quote && scalars.count >= p + 6
        quoteLength = triple ? 3 : 1
        let start = p + quoteLength
        let end = max(start, scalars.count - quoteLength)
        var b = ""
        if start <= end { b.unicodeScalars.append(contentsOf: scalars[start..<end]) }
        body = b
    }
}


/// `\N{GREEK SMALL LETTER ALPHA}`: Unicode names to scalars, by search (rare in
/// notebooks; the Basic Multilingual Plane is searched first).
enum UnicodeNames {
    static func scalar(named name: String) -> Unicode.Scalar? {
        let wanted = name.uppercased()
        for range in [0..<0xD800, 0xE000..<0x10000, 0x10000..<0x110000] {
            for value in range {
                if let scalar = Unicode.Scalar(UInt32(value)),
                    scalar.properties.name == wanted || scalar.properties.nameAlias == wanted
                {
                    return scalar
                }
            }
        }
        return nil
    }
}
