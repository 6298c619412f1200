import CellLanguage

/// Colours Python source with the cell language's own `Lexer`, so the page and the
/// interpreter agree on what a string, a number or a keyword is.
///
/// The lexer does not return comments; they are what a line holds after `#`
/// outside any token, so they are found in the gaps between tokens. Text the
/// lexer rejects (an unterminated string) is shown uncoloured.
///
///     PythonHighlighter.html(for: "x = 1  # one")
///     // x = <span class="tok-num">1</span>  <span class="tok-com"># one</span>
enum PythonHighlighter {
    /// Token kinds as CSS classes of the theme.
    enum Style: String {
        case keyword = "tok-kw"
        case constant = "tok-const"
        case builtin = "tok-bi"
        case definition = "tok-def"
        case string = "tok-str"
        case number = "tok-num"
        case comment = "tok-com"
        case decorator = "tok-deco"
    }

    /// The source as HTML: escaped text with `<span class="tok-…">` around tokens.
    static func html(for source: String) -> String {
        let scalars = Array(source.unicodeScalars)
        let spans = styledSpans(source, scalars: scalars)
        var html = ""
        var position = 0
        for span in spans {
            if span.start > position { html += highlightGap(scalars[position..<span.start]) }
            let text = string(scalars[span.start..<span.end])
            html += "<span class=\"\(span.style.rawValue)\">\(HTML.escape(text))</span>"
            position = span.end
        }
        if position < scalars.count { html += highlightGap(scalars[position...]) }
        return html
    }

    // MARK: - Tokens to spans

    private struct Span {
        var start: Int
        var end: Int
        var style: Style
    }

    private static func styledSpans(_ source: String, scalars: [Unicode.Scalar]) -> [Span] {
        var lexer = Lexer(source)
        let tokens = lexer.tokenize().tokens
        // Scalar offset of the start of each line (1-based lines in the lexer).
        var lineStarts = [0]
        for (index, scalar) in scalars.enumerated() where scalar == "\n" { lineStarts.append(index + 1) }
        var spans: [Span] = []
        var previous: Token?
        var end = 0
        for token in tokens {
            defer { if token.kind != .newline && token.kind != .indent && token.kind != .dedent { previous = token } }
            guard let style = style(of: token, after: previous), token.line >= 1, token.line <= lineStarts.count else {
                continue
            }
            let start = lineStarts[token.line - 1] + token.column - 1
            let length = token.text.unicodeScalars.count
            guard start >= end, length > 0, start + length <= scalars.count else { continue }
            spans.append(Span(start: start, end: start + length, style: style))
            end = start + length
        }
        return spans
    }

    private static func style(of token: Token, after previous: Token?) -> Style? {
        switch token.kind {
        case .keyword:
            return constants.contains(token.text) ? .constant : .keyword
        case .string:
            return .string
        case .int, .float:
            return .number
        case .name:
            if let previous, previous.kind == .keyword, previous.text == "def" || previous.text == "class" {
                return .definition
            }
            if let previous, previous.kind == .op, previous.text == "@" { return .decorator }
            if let previous, previous.kind == .op, previous.text == "." { return nil }
            return builtins.contains(token.text) ? .builtin : nil
        default:
            return nil
        }
    }

    // MARK: - Gaps: white space, comments, anything the lexer skipped

    private static func highlightGap(_ gap: ArraySlice<Unicode.Scalar>) -> String {
        var html = ""
        var index = gap.startIndex
        while index < gap.endIndex {
            if gap[index] == "#" {
                var end = index
                while end < gap.endIndex, gap[end] != "\n" { end += 1 }
                html += "<span class=\"\(Style.comment.rawValue)\">\(HTML.escape(string(gap[index..<end])))</span>"
                index = end
            } else {
                var end = index
                while end < gap.endIndex, gap[end] != "#" { end += 1 }
                html += HTML.escape(string(gap[index..<end]))
                index = end
            }
        }
        return html
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    // MARK: - Catalogues

    static let constants: Set<String> = ["True", "False", "None"]

    /// Python's built-in functions, types and exceptions that lessons use.
    static let builtins: Set<String> = [
        "abs", "all", "any", "bool", "callable", "chr", "dict", "dir", "divmod", "enumerate", "filter", "float",
        "format", "getattr", "hasattr", "hash", "id", "int", "isinstance", "issubclass", "iter", "len", "list", "map",
        "max", "min", "next", "object", "ord", "pow", "print", "range", "repr", "reversed", "round", "set", "setattr",
        "slice", "sorted", "str", "sum", "super", "tuple", "type", "vars", "zip", "self",
        "Exception", "ArithmeticError", "AssertionError", "AttributeError", "IndexError", "KeyError", "NameError",
        "NotImplementedError", "RecursionError", "RuntimeError", "StopIteration", "TypeError", "ValueError",
        "ZeroDivisionError",
    ]
}
