extension MathParser {
    // MARK: - Catalogue

    /// Commands that mean one character in text mode.
    private static let textSymbols: [String: String] = [
        "%": "%", "$": "$", "&": "&", "#": "#", "_": "_", "{": "{", "}": "}", " ": " ",
        "textbackslash": "\\", "ldots": "…", "dots": "…", "textendash": "–", "textemdash": "—",
        "textasciitilde": "~", "textasciicircum": "^", "textbar": "|", "textless": "<",
        "textgreater": ">", "nobreakspace": "\u{A0}", "space": " ", "S": "§", "P": "¶",
        "dag": "†", "ddag": "‡", "copyright": "©", "textdegree": "°",
    ]

    /// Styling commands that nest inside text.
    private static let nestedTextStyles: [String: TextStyle?] = [
        "text": nil, "textrm": .plain, "textnormal": .plain, "textup": .plain, "mbox": nil,
        "textbf": .bold, "textit": .italic, "emph": .italic, "textsf": .sansSerif, "texttt": .monospace,
    ]

    // MARK: - Text arguments

    /// The argument of `\text{…}`: runs of text, and math inside `$…$`.
    func parseTextArgument(_ style: TextStyle, command: String, at commandToken: MathToken) -> [MathNode] {
        guard let opening = peekSignificant() else {
            warn("Missing argument for \\\(command).", at: commandToken)
            return []
        }
        switch opening.kind {
        case .beginGroup:
            position += 1
            guard enterNesting(at: opening) else { return [skipToGroupEnd(from: opening)] }
            defer { nesting -= 1 }
            return parseTextGroup(style, opening: opening)
        case .character(let scalar):
            position += 1
            return [.text(String(Character(scalar)), style)]
        default:
            warn("Missing argument for \\\(command).", at: commandToken)
            return []
        }
    }

    /// Text up to the `}` matching `opening` (already consumed).
    private func parseTextGroup(_ style: TextStyle, opening: MathToken) -> [MathNode] {
        var nodes: [MathNode] = []
        var buffer = ""
        func flush() {
            if !buffer.isEmpty { nodes.append(.text(buffer, style)) }
            buffer = ""
        }
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            switch token.kind {
            case .endGroup:
                flush()
                return nodes
            case .beginGroup:
                flush()
                guard enterNesting(at: token) else {
                    nodes.append(skipToGroupEnd(from: token))
                    continue
                }
                nodes.append(contentsOf: parseTextGroup(style, opening: token))
                nesting -= 1
            case .space:
                buffer += " "
            case .character(let scalar):
                buffer.unicodeScalars.append(scalar == "~" ? "\u{A0}" : scalar)
            case .superscriptMark, .subscriptMark, .alignmentTab:
                warn("\(describe(token)) is a math character; inside \\text it is shown as is.", at: token)
                buffer += lexer.text(from: token.offset, to: token.offset + token.length)
            case .mathShift:
                flush()
                nodes.append(parseMathInText(opening: token))
            case .command(let name):
                if let symbol = Self.textSymbols[name] {
                    buffer += symbol
                } else if let width = MathSymbols.spaces[name], width > 0 {
                    flush()
                    nodes.append(.space(width))
                } else if let nested = Self.nestedTextStyles[name] {
                    flush()
                    nodes.append(contentsOf: parseTextArgument(nested ?? style, command: name, at: token))
                } else if name == "\\" {
                    warn("Line breaks inside \\text are ignored.", at: token)
                } else {
                    warn("Unknown text-mode macro \\\(name) (shown as text).", at: token)
                    flush()
                    nodes.append(.error("\\" + name))
                }
            }
        }
        flush()
        warn("Missing '}' for the '{' opened here.", at: opening)
        return nodes
    }

    /// `$…$` inside `\text{…}`: math in text style.
    private func parseMathInText(opening: MathToken) -> MathNode {
        guard enterNesting(at: opening) else { return .error("$") }
        defer { nesting -= 1 }
        let nodes = parseRow(MathContext(font: nil, displayStyle: false), stops: [.mathShift, .endGroup])
        if let closing = peekSignificant(), closing.kind == .mathShift {
            position += 1
        } else {
            warn("Missing '$' closing the math opened here.", at: opening)
        }
        return .group(nodes, .ord)
    }
}
