extension MathParser {
    // MARK: - Catalogues

    /// Accents and over/under marks: the mark, whether it stretches, whether it goes
    /// under, and whether it takes limits like an operator (`\underbrace{…}_{n}`).
    private static let accents: [String: (mark: String, stretchy: Bool, under: Bool, limits: Bool)] = [
        "hat": ("^", false, false, false), "widehat": ("^", true, false, false),
        "check": ("ˇ", false, false, false), "widecheck": ("ˇ", true, false, false),
        "tilde": ("~", false, false, false), "widetilde": ("˜", true, false, false),
        "bar": ("¯", false, false, false), "overline": ("‾", true, false, false),
        "vec": ("→", false, false, false), "overrightarrow": ("→", true, false, false),
        "overleftarrow": ("←", true, false, false), "overleftrightarrow": ("↔", true, false, false),
        "dot": ("˙", false, false, false), "ddot": ("¨", false, false, false),
        "acute": ("´", false, false, false), "grave": ("`", false, false, false),
        "breve": ("˘", false, false, false), "mathring": ("˚", false, false, false),
        "underline": ("_", true, true, false), "underrightarrow": ("→", true, true, false),
        "underleftarrow": ("←", true, true, false),
        "overbrace": ("⏞", true, false, true), "underbrace": ("⏟", true, true, true),
    ]

    /// Extensible arrows `\xrightarrow[under]{over}`.
    private static let extensibleArrows: [String: String] = [
        "xrightarrow": "→", "xleftarrow": "←", "xRightarrow": "⇒", "xLeftarrow": "⇐",
        "xleftrightarrow": "↔", "xLeftrightarrow": "⇔", "xmapsto": "↦",
    ]

    /// `\mathbin{…}` and friends: give content a TeX class.
    private static let classCommands: [String: MathAtomClass] = [
        "mathord": .ord, "mathbin": .bin, "mathrel": .rel, "mathopen": .open, "mathclose": .close,
        "mathpunct": .punct, "mathinner": .inner,
    ]

    /// What `\not` makes of the symbol after it, where Unicode has a negated form.
    private static let negations: [String: String] = [
        "=": "≠", "<": "≮", ">": "≯", "∈": "∉", "≡": "≢", "≤": "≰", "≥": "≱", "⊂": "⊄", "⊃": "⊅",
        "⊆": "⊈", "⊇": "⊉", "∼": "≁", "≈": "≉", "≅": "≇", "∣": "∤", "∥": "∦", "∃": "∄", "∋": "∌",
        "≃": "≄", "≺": "⊀", "≻": "⊁", "→": "↛", "←": "↚", "⇒": "⇏", "⇔": "⇎",
    ]

    // MARK: - Dispatch

    /// Fractions, roots, accents, classes, phantoms and other constructs with arguments.
    func parseStructureCommand(_ name: String, token: MathToken, _ context: inout MathContext) -> CommandResult? {
        if let accent = Self.accents[name] {
            let base = parseArgument(context, for: name, at: token)
            let node = MathNode.accent(base: base, mark: accent.mark, stretchy: accent.stretchy, under: accent.under)
            return .atom(Atom(node: node, limits: accent.limits ? .always : nil))
        }
        if let arrow = Self.extensibleArrows[name] {
            let under = parseOptionalArgument(context.shrunk)
            let over = parseArgument(context.shrunk, for: name, at: token)
            let node = MathNode.underOver(
                base: .symbol(arrow, .rel), under: under, over: over, atomClass: .rel, stretchyBase: true)
            return .atom(Atom(node: node))
        }
        if let atomClass = Self.classCommands[name] {
            let body = parseArgument(context, for: name, at: token)
            if case .symbol(let text, _) = body { return .atom(Atom(node: .symbol(text, atomClass))) }
            return .atom(Atom(node: .group([body], atomClass)))
        }
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac":
            let style: FractionStyle = name == "frac" ? .automatic : name == "tfrac" ? .text : .display
            return .atom(Atom(node: parseFraction(name, style: style, hasRule: true, token: token, context)))
        case "binom", "dbinom", "tbinom":
            let style: FractionStyle = name == "binom" ? .automatic : name == "tbinom" ? .text : .display
            let fraction = parseFraction(name, style: style, hasRule: false, token: token, context)
            return .atom(Atom(node: .fenced(open: "(", body: [fraction], close: ")")))
        case "over": return .infixFraction(.over)
        case "choose": return .infixFraction(.choose)
        case "atop": return .infixFraction(.atop)
        case "sqrt":
            let index = parseOptionalArgument(context.shrunk)
            let radicand = parseArgument(context, for: name, at: token)
            return .atom(Atom(node: .root(radicand: radicand, index: index)))
        case "overset", "underset", "stackrel":
            let script = parseArgument(context.shrunk, for: name, at: token)
            let base = parseArgument(context, for: name, at: token)
            let atomClass: MathAtomClass = name == "stackrel" ? .rel : base.atomClass
            let node: MathNode =
                name == "underset"
                ? .underOver(base: base, under: script, over: nil, atomClass: atomClass, stretchyBase: false)
                : .underOver(base: base, under: nil, over: script, atomClass: atomClass, stretchyBase: false)
            return .atom(Atom(node: node))
        case "mathop":
            let body = parseArgument(context, for: name, at: token)
            if case .largeOperator = body { return .atom(Atom(node: body, limits: .displayOnly)) }
            if let text = Self.plainName(of: body), text.unicodeScalars.count > 1 {
                return .atom(Atom(node: .namedOperator(text), limits: .displayOnly))
            }
            return .atom(Atom(node: .group([body], .op), limits: .displayOnly))
        case "not":
            return .atom(parseNegation(token: token, context))
        case "phantom", "hphantom", "vphantom":
            let kind: PhantomKind = name == "phantom" ? .full : name == "hphantom" ? .horizontal : .vertical
            return .atom(Atom(node: .phantom(parseArgument(context, for: name, at: token), kind)))
        case "boxed":
            let body = parseArgument(context, for: name, at: token)
            return .atom(Atom(node: .styled([body], MathStyleChange(boxed: true))))
        case "pmod", "mod":
            let argument = parseArgument(context, for: name, at: token)
            let nodes: [MathNode] =
                name == "pmod"
                ? [
                    .space(1), .symbol("(", .open), .identifier("mod", normalVariant: false), .space(1.0 / 3), argument,
                    .symbol(")", .close),
                ]
                : [.space(1), .identifier("mod", normalVariant: false), .space(1.0 / 3), argument]
            return .nodes(nodes)
        case "substack":
            return .atom(Atom(node: parseSubstack(token: token, context)))
        case "hspace", "kern", "mkern", "hskip", "mskip":
            return .nodes(parseExplicitSpace(name, token: token))
        default:
            return nil
        }
    }

    // MARK: - Constructs

    private func parseFraction(
        _ name: String, style: FractionStyle, hasRule: Bool, token: MathToken, _ context: MathContext
    ) -> MathNode {
        let numerator = parseArgument(context.shrunk, for: name, at: token)
        let denominator = parseArgument(context.shrunk, for: name, at: token)
        return .fraction(numerator: numerator, denominator: denominator, style: style, hasRule: hasRule)
    }

    /// `[…]` right after a command (`\sqrt[3]`, `\xrightarrow[below]`), or nil.
    func parseOptionalArgument(_ context: MathContext) -> MathNode? {
        guard let opening = peekSignificant(), opening.kind == .character("[") else { return nil }
        position += 1
        guard enterNesting(at: opening) else { return .error("[") }
        defer { nesting -= 1 }
        let nodes = parseRow(context, stops: .bracket)
        if let closing = peekSignificant(), closing.kind == .character("]") {
            position += 1
        } else {
            warn("Missing ']' for the '[' opened here.", at: opening)
        }
        return Self.single(nodes)
    }

    /// `\not=` → `≠`; otherwise a combining long solidus over the symbol.
    private func parseNegation(token: MathToken, _ context: MathContext) -> Atom {
        guard enterNesting(at: token) else { return Atom(node: .error("\\not")) }
        defer { nesting -= 1 }
        var inner = context
        let base = parseItemAsSingleNode(&inner)
        if case .symbol(let text, let atomClass) = base {
            if let negated = Self.negations[text] { return Atom(node: .symbol(negated, atomClass)) }
            return Atom(node: .symbol(text + "\u{338}", atomClass))
        }
        warn("\\not must be followed by a relation symbol such as = or \\in.", at: token)
        return Atom(node: base)
    }

    /// Parses exactly the next token as a node (no scripts), for `\not`.
    private func parseItemAsSingleNode(_ context: inout MathContext) -> MathNode {
        guard let token = peekSignificant() else { return .group([], .ord) }
        switch token.kind {
        case .character(let scalar):
            position += 1
            return parseSingleCharacter(scalar, token: token, context).node
        case .command(let name):
            position += 1
            if case .atom(let atom) = parseCommand(name, token: token, &context) { return atom.node }
            return .group([], .ord)
        default:
            return .group([], .ord)
        }
    }

    /// `\hspace{2em}`, `\kern3pt`, `\mkern6mu`: a space of explicit width.
    private func parseExplicitSpace(_ name: String, token: MathToken) -> [MathNode] {
        if name == "hspace", let star = peekRaw(), star.kind == .character("*") { position += 1 }
        let text: String?
        if let next = peekSignificant(), next.kind == .beginGroup {
            text = parseRawArgument(for: name, at: token)
        } else {
            text = readInlineDimension()
        }
        guard let text, let width = Self.parseDimension(text) else {
            warn("\\\(name) needs a length such as 1em, 3pt or 6mu.", at: token)
            return []
        }
        return [.space(width)]
    }

    /// Reads `-1.5em`-like characters after `\kern` (no braces).
    private func readInlineDimension() -> String {
        _ = peekSignificant()
        var text = ""
        var letters = 0
        while let token = peekRaw(), case .character(let scalar) = token.kind {
            if MathLexer.isLetter(scalar) {
                letters += 1
                if letters > 2 { break }
            } else if letters > 0 || !(Self.isDigit(scalar) || scalar == "." || scalar == "-" || scalar == "+") {
                break
            }
            text.unicodeScalars.append(scalar)
            position += 1
        }
        return text
    }

    /// A TeX length in em (10pt = 1em, 18mu = 1em), clamped to ±100em.
    static func parseDimension(_ text: String) -> Double? {
        let trimmed = text.trimmingSpaces
        let units: [(String, Double)] = [
            ("em", 1), ("ex", 0.431), ("pt", 0.1), ("mu", 1.0 / 18), ("px", 0.075), ("mm", 0.2845),
            ("cm", 2.845), ("in", 7.227), ("bp", 0.1004), ("pc", 1.2),
        ]
        for (unit, scale) in units where trimmed.hasSuffix(unit) {
            let number = String(trimmed.dropLast(unit.count)).trimmingSpaces
            guard let value = Double(number), value.isFinite else { return nil }
            return min(100, max(-100, value * scale))
        }
        return nil
    }
}
