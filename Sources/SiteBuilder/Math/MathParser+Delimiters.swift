extension MathParser {
    // MARK: - Catalogue

    /// `\big`-family commands: size and TeX class (l: open, r: close, m: relation).
    private static let sizedDelimiters: [String: (DelimiterSize, MathAtomClass)] = {
        var table: [String: (DelimiterSize, MathAtomClass)] = [:]
        let sizes: [(String, DelimiterSize)] = [("big", .big), ("Big", .big2), ("bigg", .bigg), ("Bigg", .bigg2)]
        for (name, size) in sizes {
            table[name] = (size, .ord)
            table[name + "l"] = (size, .open)
            table[name + "r"] = (size, .close)
            table[name + "m"] = (size, .rel)
        }
        return table
    }()

    // MARK: - Dispatch

    /// `\left`, `\right`, `\middle`, `\big(`, environments, `\tag` and `\label`.
    func parseLayoutCommand(_ name: String, token: MathToken, _ context: inout MathContext) -> CommandResult? {
        if let (size, atomClass) = Self.sizedDelimiters[name] {
            guard let delimiter = parseDelimiter(after: name, at: token) else { return .nodes([]) }
            guard let text = delimiter else { return .nodes([]) }
            return .atom(Atom(node: .sizedDelimiter(text, size, atomClass)))
        }
        switch name {
        case "left":
            return .atom(Atom(node: parseFenced(token: token, context)))
        case "right", "middle":
            warn("\\\(name) without a matching \\left.", at: token)
            guard let delimiter = parseDelimiter(after: name, at: token), let text = delimiter else {
                return .nodes([])
            }
            return .atom(Atom(node: .symbol(text, name == "right" ? .close : .ord)))
        case "begin":
            return .atom(Atom(node: parseEnvironment(token: token, context)))
        case "end":
            warn("\\end without a matching \\begin.", at: token)
            _ = parseRawArgument(for: name, at: token)
            return .nodes([])
        case "tag":
            parseTag(token: token, context)
            return .nodes([])
        case "label":
            _ = parseRawArgument(for: name, at: token)
            return .nodes([])
        case "nonumber", "notag":
            return .nodes([])
        case "hline", "hdashline":
            warn("\\\(name) is only allowed at the start of a row of an array or matrix.", at: token)
            return .nodes([])
        case "limits", "nolimits", "displaylimits":
            warn("\\\(name) is only allowed after an operator such as \\sum.", at: token)
            return .nodes([])
        default:
            return nil
        }
    }

    // MARK: - \left … \right

    /// `\left(` body (with `\middle|`s) `\right)`; a missing `\right` is reported and
    /// the fence is closed at the end of the enclosing group.
    private func parseFenced(token: MathToken, _ context: MathContext) -> MathNode {
        guard enterNesting(at: token) else { return .error("\\left") }
        defer { nesting -= 1 }
        let open = parseDelimiter(after: "left", at: token) ?? nil
        var body: [MathNode] = []
        while true {
            body.append(contentsOf: parseRow(context, stops: .right))
            guard let next = peekSignificant(), case .command(let name) = next.kind, name == "middle" || name == "right"
            else {
                warn("\\left without a matching \\right.", at: token)
                return .fenced(open: open, body: body, close: nil)
            }
            position += 1
            let delimiter = parseDelimiter(after: name, at: next) ?? nil
            if name == "right" {
                return .fenced(open: open, body: body, close: delimiter)
            }
            if let delimiter { body.append(.middleDelimiter(delimiter)) }
        }
    }

    /// The delimiter after `\left`, `\right`, `\big`…: `.some(nil)` for the empty
    /// delimiter `.`, `nil` (with a warning) when there is none.
    private func parseDelimiter(after command: String, at commandToken: MathToken) -> String?? {
        guard let token = peekSignificant() else {
            warn("Missing delimiter after \\\(command).", at: commandToken)
            return nil
        }
        switch token.kind {
        case .character("."):
            position += 1
            return .some(nil)
        case .character(let scalar):
            if let text = MathSymbols.delimiterCharacters[scalar] {
                position += 1
                return .some(text)
            }
        case .command(let name):
            if let text = MathSymbols.delimiterCommands[name] {
                position += 1
                return .some(text)
            }
        default:
            break
        }
        warn("\(describe(token)) is not a delimiter; \\\(command) expects one such as ( [ \\{ | or '.'.", at: token)
        return nil
    }
}
