/// Turns cell source into tokens, with Python's INDENT/DEDENT and implicit line
/// joining inside brackets.
///
/// The lexer never stops at an error: it records a `SyntaxIssue` and goes on, so
/// one run reports every lexical problem in a cell.
///
///     let (tokens, issues) = Lexer("if x:\n    y = 1\n").tokenize()
///     // KW(if) NAME(x) OP(:) NEWLINE INDENT NAME(y) OP(=) NUM(1) NEWLINE DEDENT EOF
public struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var line = 1
    private var lineStart = 0
    private var tokens: [Token] = []
    private var issues: [SyntaxIssue] = []
    private var indents = [0]
    private var brackets: [(char: Unicode.Scalar, line: Int, column: Int)] = []

    public init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    public mutating func tokenize() -> (tokens: [Token], issues: [SyntaxIssue]) {
        var atLineStart = true
        while position < scalars.count {
            if atLineStart && brackets.isEmpty {
                atLineStart = false
                handleIndentation()
                continue
            }
            let c = scalars[position]
            switch c {
            case " ", "\t", "\u{0C}", "\r":
                position += 1
            case "#":
                while position < scalars.count && scalars[position] != "\n" { position += 1 }
            case "\n":
                if brackets.isEmpty, let last = tokens.last, last.kind != .newline {
                    add(.newline, "\n", at: position)
                }
                position += 1
                newLine()
                // Inside brackets a newline only joins lines; indentation is not measured.
                atLineStart = brackets.isEmpty
            case "\\":
                if peek(1) == "\n" {
                    position += 2
                    newLine()
                } else if peek(1) == "\r" && peek(2) == "\n" {
                    position += 3
                    newLine()
                } else {
                    issue("unexpected character after line continuation character", at: position)
                    position += 1
                }
            default:
                lexToken(c)
            }
        }
        finish()
        return (tokens, issues)
    }

    // MARK: - Lines and indentation

    private mutating func newLine() {
        line += 1
        lineStart = position
    }

    /// Measures the indentation of a logical line's start and emits INDENT/DEDENT;
    /// blank and comment-only lines emit nothing.
    private mutating func handleIndentation() {
        var width = 0
        var p = position
        while p < scalars.count {
            let c = scalars[p]
            if c == " " { width += 1 } else if c == "\t" { width = (width / 8 + 1) * 8 } else if c == "\u{0C}" {
                width = 0
            } else { break }
            p += 1
        }
        if p >= scalars.count || scalars[p] == "\n" || scalars[p] == "#" || scalars[p] == "\r" {
            position = p
            return
        }
        position = p
        let current = indents.last ?? 0
        if width > current {
            if indents.count >= 100 {
                issue("too many levels of indentation", kind: "IndentationError", at: p)
            }
            indents.append(width)
            add(.indent, "", at: p)
        } else if width < current {
            while let top = indents.last, top > width {
                indents.removeLast()
                add(.dedent, "", at: p)
            }
            if indents.last != width {
                issue("unindent does not match any outer indentation level", kind: "IndentationError", at: p)
                indents.append(width)
            }
        }
    }

    private mutating func finish() {
        for open in brackets.reversed() {
            issues.append(SyntaxIssue(kind: "SyntaxError", message: "'\(open.char)' was never closed", line: open.line, column: open.column))
        }
        if let last = tokens.last, last.kind != .newline, last.kind != .dedent, last.kind != .indent {
            add(.newline, "", at: position)
        }
        while indents.count > 1 {
            indents.removeLast()
            add(.dedent, "", at: position)
        }
        add(.endOfFile, "", at: position)
    }

    // MARK: - Tokens

    private mutating func lexToken(_ c: Unicode.Scalar) {
        if c.properties.isXIDStart || c == "_" {
            if let quote = stringPrefixLength(), quote > 0 || isQuote(c) {
                lexString(prefixLength: quote)
                return
            }
            let start = position
            while position < scalars.count && (scalars[position].properties.isXIDContinue || scalars[position] == "_") {
                position += 1
            }
            let text = string(start, position)
            add(pythonKeywords.contains(text) ? .keyword : .name, text, at: start)
            return
        }
        if isQuote(c) {
            lexString(prefixLength: 0)
            return
        }
        if isDigit(c) || (c == "." && peek(1).map(isDigit) == true) {
            lexNumber()
            return
        }
        lexOperator(c)
    }

    private static let operators3: Set<String> = ["**=", "//=", ">>=", "<<=", "...", "!=="]
    private static let operators2: Set<String> = [
        "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "->", ":=",
    ]
    private static let operators1: Set<Unicode.Scalar> = [
        "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=",
    ]

    private mutating func lexOperator(_ c: Unicode.Scalar) {
        let start = position
        for length in [3, 2] where position + length <= scalars.count {
            let text = string(position, position + length)
            if (length == 3 ? Lexer.operators3 : Lexer.operators2).contains(text) && text != "!==" {
                position += length
                add(.op, text, at: start)
                return
            }
        }
        guard Lexer.operators1.contains(c) else {
            issue(c == "!" ? "invalid syntax" : "invalid character '\(c)' (U+\(String(c.value, radix: 16, uppercase: true)))", at: start)
            position += 1
            return
        }
        position += 1
        switch c {
        case "(", "[", "{":
            brackets.append((c, line, start - lineStart + 1))
        case ")", "]", "}":
            let expected: Unicode.Scalar = c == ")" ? "(" : c == "]" ? "[" : "{"
            if let open = brackets.last {
                if open.char != expected {
                    issue("closing parenthesis '\(c)' does not match opening parenthesis '\(open.char)'", at: start)
                }
                brackets.removeLast()
            } else {
                issue("unmatched '\(c)'", at: start)
                return
            }
        default: break
        }
        add(.op, String(c), at: start)
    }

    private mutating func lexNumber() {
        let start = position
        var isFloat = false
        if scalars[position] == "0", let p = peek(1), "xXoObB".unicodeScalars.contains(p) {
            position += 2
            while position < scalars.count && (scalars[position].properties.isASCIIHexDigit || scalars[position] == "_") {
                position += 1
            }
        } else {
            consumeDigits()
            if position < scalars.count && scalars[position] == "." {
                isFloat = true
                position += 1
                consumeDigits()
            }
            if position < scalars.count && (scalars[position] == "e" || scalars[position] == "E") {
                let save = position
                position += 1
                if position < scalars.count && (scalars[position] == "+" || scalars[position] == "-") { position += 1 }
                if position < scalars.count && isDigit(scalars[position]) {
                    isFloat = true
                    consumeDigits()
                } else {
                    position = save
                }
            }
        }
        if position < scalars.count && (scalars[position] == "j" || scalars[position] == "J") {
            issue("complex numbers are not supported", at: start)
            position += 1
        }
        if position < scalars.count && (scalars[position].properties.isXIDStart) {
            issue("invalid decimal literal", at: position)
            while position < scalars.count && scalars[position].properties.isXIDContinue { position += 1 }
        }
        add(isFloat ? .float : .int, string(start, position), at: start)
    }

    private mutating func consumeDigits() {
        while position < scalars.count && (isDigit(scalars[position]) || scalars[position] == "_") { position += 1 }
    }

    // MARK: - Strings

    /// The length of a string prefix (`r`, `f`, `rb`, …) at the position, if a quote follows it.
    private func stringPrefixLength() -> Int? {
        var p = position
        while p < scalars.count && p - position < 3 && "rRbBfFuU".unicodeScalars.contains(scalars[p]) { p += 1 }
        guard p < scalars.count && isQuote(scalars[p]) else { return nil }
        return p - position
    }

    private mutating func lexString(prefixLength: Int) {
        let start = position
        let startLine = line
        position += prefixLength
        let quote = scalars[position]
        let triple = peek(1) == quote && peek(2) == quote
        position += triple ? 3 : 1
        while true {
            guard position < scalars.count else {
                let message = triple
                    ? "unterminated triple-quoted string literal (detected at line \(line))"
                    : "unterminated string literal (detected at line \(startLine))"
                issues.append(SyntaxIssue(kind: "SyntaxError", message: message, line: startLine, column: columnOf(start, lineStart: lineStartOf(start))))
                return
            }
            let c = scalars[position]
            if c == "\\" {
                position += 1
                if position < scalars.count {
                    if scalars[position] == "\n" {
                        position += 1
                        newLine()
                        continue
                    }
                    position += 1
                }
                continue
            }
            if c == "\n" {
                if !triple {
                    issues.append(SyntaxIssue(kind: "SyntaxError", message: "unterminated string literal (detected at line \(startLine))", line: startLine, column: columnOf(start, lineStart: lineStartOf(start))))
                    return
                }
                position += 1
                newLine()
                continue
            }
            if c == quote {
                if !triple {
                    position += 1
                    break
                }
                if peek(1) == quote && peek(2) == quote {
                    position += 3
                    break
                }
            }
            position += 1
        }
        let startLineStart = lineStartOf(start)
        tokens.append(Token(kind: .string, text: string(start, position), line: startLine, column: start - startLineStart + 1))
    }

    // MARK: - Helpers

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    private func isQuote(_ c: Unicode.Scalar) -> Bool { c == "'" || c == "\"" }
    private func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    private func string(_ from: Int, _ to: Int) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[from..<min(to, scalars.count)])
        return String(s)
    }

    private func lineStartOf(_ index: Int) -> Int {
        var p = min(index, scalars.count)
        while p > 0 && scalars[p - 1] != "\n" { p -= 1 }
        return p
    }

    private func columnOf(_ index: Int, lineStart: Int) -> Int { index - lineStart + 1 }

    private mutating func add(_ kind: Token.Kind, _ text: String, at index: Int) {
        tokens.append(Token(kind: kind, text: text, line: line, column: index - lineStart + 1))
    }

    private mutating func issue(_ message: String, kind: String = "SyntaxError", at index: Int) {
        issues.append(SyntaxIssue(kind: kind, message: message, line: line, column: index - lineStart + 1))
    }
}
