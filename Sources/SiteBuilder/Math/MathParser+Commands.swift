/// What a control sequence produced.
enum CommandResult {
    /// A nucleus that may take scripts.
    case atom(Atom)
    /// Material that takes no scripts of its own (spaces, `\label`, …).
    case nodes([MathNode])
    /// A switch affecting the rest of the group (`\displaystyle`, `\color{red}`).
    case styleSwitch(MathStyleChange)
    /// `\over` and friends, which split the group.
    case infixFraction(InfixFraction)
}

extension MathParser {
    /// Macros we know and deliberately do not support (documented in README.md).
    static let unsupportedCommands: Set<String> = [
        "newcommand", "renewcommand", "def", "let", "DeclareMathOperator", "require",
        "cancel", "bcancel", "xcancel", "href",
    ]

    // MARK: - Dispatch

    /// Parses the control sequence `\name` whose token was just consumed.
    func parseCommand(_ name: String, token: MathToken, _ context: inout MathContext) -> CommandResult {
        if let result = parseSymbolCommand(name, context) { return result }
        if let result = parseFontCommand(name, token: token, &context) { return result }
        if let result = parseStructureCommand(name, token: token, &context) { return result }
        if let result = parseLayoutCommand(name, token: token, &context) { return result }
        if name.isEmpty {
            warn("A lone '\\' at the end of the formula was ignored.", at: token)
            return .nodes([])
        }
        if Self.unsupportedCommands.contains(name) {
            warn("Unsupported macro \\\(name) (shown as text).", at: token)
        } else {
            warn("Unknown macro \\\(name) (shown as text).", at: token)
        }
        return .atom(Atom(node: .error("\\" + name)))
    }

    // MARK: - Symbols

    /// Letters, operators, relations, delimiters and explicit spaces.
    private func parseSymbolCommand(_ name: String, _ context: MathContext) -> CommandResult? {
        if let greek = MathSymbols.greek[name] {
            let node = makeIdentifier(
                String(Character(greek.letter)), font: context.font, uprightByDefault: greek.upright)
            return .atom(Atom(node: node))
        }
        if let letter = MathSymbols.letterlike[name] {
            return .atom(Atom(node: makeIdentifier(letter.text, font: context.font, uprightByDefault: letter.upright)))
        }
        if let symbol = MathSymbols.commands[name] {
            return .atom(Atom(node: .symbol(symbol.text, symbol.atomClass)))
        }
        if let bigOperator = MathSymbols.largeOperators[name] {
            return .atom(Atom(node: .largeOperator(bigOperator.text), limits: bigOperator.limits))
        }
        if let limits = MathSymbols.namedOperators[name] {
            return .atom(Atom(node: .namedOperator(MathSymbols.displayName(ofOperator: name)), limits: limits))
        }
        if let width = MathSymbols.spaces[name] {
            return .nodes([.space(width)])
        }
        switch name {
        case " ", "nobreakspace", "space":
            return .atom(Atom(node: .text(" ", .plain)))
        case "bmod":
            return .atom(Atom(node: .symbol("mod", .bin)))
        default:
            return nil
        }
    }

    // MARK: - Fonts and text

    /// Font commands taking an argument (`nil`: TeX's default math font).
    private static let argumentFonts: [String: MathFont?] = [
        "mathrm": .roman, "mathit": .italic, "mathbf": .bold, "mathsf": .sansSerif,
        "mathtt": .monospace, "mathcal": .script, "mathscr": .script, "mathbb": .doubleStruck,
        "mathfrak": .fraktur, "boldsymbol": .boldItalic, "bm": .boldItalic, "mathnormal": nil,
        "mathbfit": .boldItalic, "mathsfbf": .sansSerifBold,
    ]

    /// Old-style switches that change the font for the rest of the group (`{\bf x}`).
    private static let fontSwitches: [String: MathFont] = [
        "rm": .roman, "it": .italic, "bf": .bold, "sf": .sansSerif, "tt": .monospace, "cal": .script,
    ]

    private static let textStyles: [String: TextStyle] = [
        "text": .plain, "textrm": .plain, "textnormal": .plain, "textup": .plain, "mbox": .plain,
        "hbox": .plain, "textbf": .bold, "textit": .italic, "emph": .italic, "textsf": .sansSerif,
        "texttt": .monospace,
    ]

    private func parseFontCommand(_ name: String, token: MathToken, _ context: inout MathContext) -> CommandResult? {
        if let font = Self.argumentFonts[name] {
            var inner = context
            inner.font = font
            return .atom(Atom(node: parseArgument(inner, for: name, at: token)))
        }
        if let font = Self.fontSwitches[name] {
            context.font = font
            return .nodes([])
        }
        if let style = Self.textStyles[name] {
            return .atom(Atom(node: Self.single(parseTextArgument(style, command: name, at: token))))
        }
        switch name {
        case "operatorname":
            return .atom(parseOperatorName(token: token, context))
        case "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle":
            let level = ["displaystyle": 0, "textstyle": 0, "scriptstyle": 1, "scriptscriptstyle": 2][name] ?? 0
            context.displayStyle = name == "displaystyle"
            return .styleSwitch(MathStyleChange(displayStyle: name == "displaystyle", scriptLevel: level))
        case "color":
            guard let color = parseColorName(token: token) else { return .nodes([]) }
            return .styleSwitch(MathStyleChange(color: color))
        case "textcolor":
            let color = parseColorName(token: token)
            let body = parseArgument(context, for: name, at: token)
            guard let color else { return .atom(Atom(node: body)) }
            return .atom(Atom(node: .styled([body], MathStyleChange(color: color))))
        default:
            return nil
        }
    }

    /// `\operatorname{argmax}` (and `\operatorname*`, with limits in display style).
    private func parseOperatorName(token: MathToken, _ context: MathContext) -> Atom {
        var limits = LimitsPolicy.never
        if let next = peekRaw(), next.kind == .character("*") {
            position += 1
            limits = .displayOnly
        }
        var inner = context
        inner.font = .roman
        let body = parseArgument(inner, for: "operatorname", at: token)
        if let name = Self.plainName(of: body) {
            return Atom(node: .namedOperator(name), limits: limits)
        }
        return Atom(node: .group([body], .op), limits: limits)
    }

    /// The text of a node made only of identifiers and numbers (`\mathrm{arg}\max`).
    static func plainName(of node: MathNode) -> String? {
        switch node {
        case .identifier(let text, _), .number(let text), .namedOperator(let text): return text
        case .text(let text, .plain): return text
        case .group(let nodes, _):
            var name = ""
            for child in nodes {
                guard let part = plainName(of: child) else { return nil }
                name += part
            }
            return name.isEmpty ? nil : name
        default: return nil
        }
    }

    /// `{red}` or `{#c00}`: a CSS colour name or hex value, nothing else (it lands in
    /// an attribute).
    private func parseColorName(token: MathToken) -> String? {
        guard let raw = parseRawArgument(for: "color", at: token) else { return nil }
        let name = raw.trimmingSpaces
        let scalars = name.unicodeScalars
        let isName = !scalars.isEmpty && scalars.allSatisfy(MathLexer.isLetter)
        let isHex =
            scalars.first == "#" && [4, 7].contains(scalars.count)
            && scalars.dropFirst().allSatisfy {
                Self.isDigit($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0)
            }
        if isName || isHex { return name }
        warn("'\(name)' is not a colour name or #rgb value.", at: token)
        return nil
    }

    /// The source text of a `{…}` argument, without interpreting it (`\label{eq:x}`).
    func parseRawArgument(for command: String, at commandToken: MathToken) -> String? {
        guard let opening = peekSignificant(), opening.kind == .beginGroup else {
            warn("Missing argument for \\\(command).", at: commandToken)
            return nil
        }
        position += 1
        var level = 1
        var end = opening.offset + opening.length
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            if token.kind == .beginGroup { level += 1 }
            if token.kind == .endGroup {
                level -= 1
                if level == 0 {
                    return lexer.text(from: opening.offset + 1, to: token.offset)
                }
            }
            end = token.offset + token.length
        }
        warn("Missing '}' for the '{' opened here.", at: opening)
        return lexer.text(from: opening.offset + 1, to: end)
    }
}

extension String {
    /// The string without leading and trailing ASCII white space.
    var trimmingSpaces: String {
        let scalars = Array(unicodeScalars)
        guard let first = scalars.firstIndex(where: { !MathLexer.isSpace($0) }),
            let last = scalars.lastIndex(where: { !MathLexer.isSpace($0) })
        else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[first...last])
        return String(view)
    }
}
