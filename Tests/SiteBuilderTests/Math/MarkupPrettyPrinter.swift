/// Indents compact MathML/SVG markup one element per line, so golden files diff well.
///
/// Elements whose only content is text stay on one line (`<mi>x</mi>`). The markup
/// is otherwise unchanged: removing the indentation and line breaks gives it back.
enum MarkupPrettyPrinter {
    static func format(_ markup: String) -> String {
        let tokens = tokenize(markup)
        var lines: [String] = []
        var depth = 0
        var index = 0
        func indent() -> String { String(repeating: "  ", count: max(depth, 0)) }
        while index < tokens.count {
            let token = tokens[index]
            if token.hasPrefix("</") {
                depth -= 1
                lines.append(indent() + token)
                index += 1
            } else if token.hasPrefix("<") && !token.hasSuffix("/>") && !token.hasPrefix("<!") && !token.hasPrefix("<?")
            {
                if index + 1 < tokens.count, tokens[index + 1].hasPrefix("</") {
                    lines.append(indent() + token + tokens[index + 1])
                    index += 2
                } else if index + 2 < tokens.count, !tokens[index + 1].hasPrefix("<"), tokens[index + 2].hasPrefix("</")
                {
                    lines.append(indent() + token + tokens[index + 1] + tokens[index + 2])
                    index += 3
                } else {
                    lines.append(indent() + token)
                    depth += 1
                    index += 1
                }
            } else {
                lines.append(indent() + token)
                index += 1
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Tags and text runs; text between tags that is only a line break is dropped.
    private static func tokenize(_ markup: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var inTag = false
        for character in markup {
            if character == "<", !inTag {
                if !current.isEmpty { tokens.append(current) }
                current = "<"
                inTag = true
            } else if character == ">", inTag {
                current.append(">")
                tokens.append(current)
                current = ""
                inTag = false
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens.filter { !$0.allSatisfy(\.isNewline) }
    }
}
