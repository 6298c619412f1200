/// The state that TeX scopes to a group: the current font and math style.
struct MathContext {
    /// `nil` is TeX's default math font (italic letters, upright digits).
    var font: MathFont?
    /// Display style puts limits under/over `\sum` and `\max`.
    var displayStyle: Bool

    /// The context of sub/superscripts, fractions' parts and other shrunk material.
    var shrunk: MathContext {
        MathContext(font: font, displayStyle: false)
    }
}

/// Where a row of atoms may stop, besides the end of the formula.
struct MathStops: OptionSet {
    let rawValue: Int
    /// `}` closing a group.
    static let endGroup = MathStops(rawValue: 1 << 0)
    /// `&`, `\\` and `\cr` between table cells.
    static let cell = MathStops(rawValue: 1 << 1)
    /// `\end{…}` closing an environment.
    static let end = MathStops(rawValue: 1 << 2)
    /// `\right` and `\middle` inside `\left … \right`.
    static let right = MathStops(rawValue: 1 << 3)
    /// `]` closing an optional argument (`\sqrt[3]{x}`).
    static let bracket = MathStops(rawValue: 1 << 4)
    /// `$` closing math nested in `\text{…}`.
    static let mathShift = MathStops(rawValue: 1 << 5)
}

/// A recursive-descent parser from TeX tokens to `MathNode`s.
///
/// It never fails: every problem becomes a `MathWarning` with the offset of the
/// offending token, and the parser recovers (skips a stray `}`, closes an open
/// `\left`, shows an unknown macro as text). Nesting is capped so hostile input
/// cannot exhaust the stack.
final class MathParser {
    /// Deeper nesting than this is reported and shown as source text.
    static let maximumNesting = 64

    let lexer: MathLexer
    let tokens: [MathToken]
    let display: Bool
    var position = 0
    var warnings: [MathWarning] = []
    var nesting = 0
    /// Row tag collectors for `\tag`, innermost last (see `MathParser+Tables`).
    var tagFrames: [TagFrame] = []
    private let sourceUTF16Count: Int

    init(_ tex: String, display: Bool) {
        lexer = MathLexer(tex)
        tokens = lexer.tokens()
        self.display = display
        sourceUTF16Count = tex.utf16.count
    }

    // MARK: - Entry point

    /// Parses the whole formula; several lines or `&` at the top level make a table.
    func parseFormula() -> [MathNode] {
        let context = MathContext(font: nil, displayStyle: display)
        let rows = parseTableBody(context, stops: [], allowsTags: display)
        while position < tokens.count {
            // Only a stray closing token can stop the body early; report and go on.
            let token = tokens[position]
            warn("Unexpected \(describe(token)).", at: token)
            position += 1
        }
        if rows.count == 1, rows[0].cells.count <= 1, rows[0].tag == nil, !rows[0].ruleAbove {
            return rows[0].cells.first ?? []
        }
        let columnCount = rows.map(\.cells.count).max() ?? 0
        let layout: MathTable.Layout = columnCount > 1 ? .alignedPairs : .columns([.center])
        return [.table(MathTable(rows: rows, layout: layout, displayStyle: display))]
    }

    // MARK: - Rows

    /// Parses atoms until a stop (left unconsumed) or the end of the formula.
    ///
    /// Handles what TeX scopes to the rest of a group: font switches (`\bf`), style
    /// switches (`\displaystyle`, `\color`) and the infix fraction `\over`.
    func parseRow(_ outer: MathContext, stops: MathStops) -> [MathNode] {
        var context = outer
        var nodes: [MathNode] = []
        var styleStarts: [(index: Int, change: MathStyleChange)] = []
        var overSplit:
            (numerator: [MathNode], styleStarts: [(index: Int, change: MathStyleChange)], kind: InfixFraction)?
        while let token = peekSignificant() {
            if isStop(token, stops) { break }
            switch token.kind {
            case .endGroup:
                warn("Unmatched '}'.", at: token)
                position += 1
                continue
            case .alignmentTab:
                warn("'&' is only allowed inside an environment such as aligned or matrix.", at: token)
                position += 1
                continue
            case .mathShift:
                warn("'$' cannot appear inside math.", at: token)
                position += 1
                continue
            case .command(let name) where name == "\\" || name == "cr":
                warn("A line break '\\\(name)' is only allowed at the top level or inside an environment.", at: token)
                position += 1
                skipOptionalDimension()
                continue
            default:
                break
            }
            switch parseItem(&context) {
            case .nodes(let parsed):
                nodes.append(contentsOf: parsed)
            case .styleSwitch(let change):
                styleStarts.append((nodes.count, change))
            case .infixFraction(let kind):
                if overSplit != nil {
                    warn("Ambiguous fraction: use braces around each \\over, \\choose or \\atop.", at: token)
                } else {
                    overSplit = (Self.applyStyles(nodes, styleStarts), [], kind)
                    nodes = []
                    styleStarts = []
                }
            }
        }
        let styled = Self.applyStyles(nodes, styleStarts)
        guard let split = overSplit else { return styled }
        return [split.kind.node(numerator: Self.single(split.numerator), denominator: Self.single(styled))]
    }

    /// Wraps each switched tail of the row in a `.styled` node, innermost first.
    private static func applyStyles(
        _ nodes: [MathNode], _ starts: [(index: Int, change: MathStyleChange)]
    ) -> [MathNode] {
        var result = nodes
        for start in starts.reversed() where start.index <= result.count {
            let tail = Array(result[start.index...])
            result.removeSubrange(start.index...)
            result.append(.styled(tail, start.change))
        }
        return result
    }

    /// One node for a list: itself if single, else an ord group.
    static func single(_ nodes: [MathNode]) -> MathNode {
        nodes.count == 1 ? nodes[0] : .group(nodes, .ord)
    }

    private func isStop(_ token: MathToken, _ stops: MathStops) -> Bool {
        switch token.kind {
        case .endGroup: return stops.contains(.endGroup)
        case .alignmentTab: return stops.contains(.cell)
        case .mathShift: return stops.contains(.mathShift)
        case .character("]"): return stops.contains(.bracket)
        case .command(let name):
            switch name {
            case "\\", "cr": return stops.contains(.cell)
            case "end": return stops.contains(.end)
            case "right", "middle": return stops.contains(.right)
            default: return false
            }
        default: return false
        }
    }

    // MARK: - Items and arguments

    /// What parsing one item of a row produced.
    enum Item {
        case nodes([MathNode])
        case styleSwitch(MathStyleChange)
        case infixFraction(InfixFraction)
    }

    /// One atom with its scripts, or a switch that affects the rest of the row.
    func parseItem(_ context: inout MathContext) -> Item {
        guard let token = peekSignificant() else { return .nodes([]) }
        switch token.kind {
        case .superscriptMark, .subscriptMark:
            // Scripts with nothing before them attach to an empty base, as in TeX.
            return .nodes(parseScripts(on: Atom(node: .group([], .ord)), context))
        case .character("'"):
            return .nodes(parseScripts(on: Atom(node: .group([], .ord)), context))
        case .beginGroup:
            position += 1
            let group = parseGroupBody(context, opening: token)
            return .nodes(parseScripts(on: Atom(node: .group(group, .ord)), context))
        case .character(let scalar):
            position += 1
            let atom = parseCharacter(scalar, token: token, context)
            return .nodes(parseScripts(on: atom, context))
        case .command(let name):
            position += 1
            switch parseCommand(name, token: token, &context) {
            case .atom(let atom): return .nodes(parseScripts(on: atom, context))
            case .nodes(let nodes): return .nodes(nodes)
            case .styleSwitch(let change): return .styleSwitch(change)
            case .infixFraction(let kind): return .infixFraction(kind)
            }
        default:
            position += 1
            return .nodes([])
        }
    }

    /// The body of a `{…}` group whose `{` was consumed; consumes the `}`.
    func parseGroupBody(_ context: MathContext, opening: MathToken) -> [MathNode] {
        guard enterNesting(at: opening) else { return [skipToGroupEnd(from: opening)] }
        defer { nesting -= 1 }
        let nodes = parseRow(context, stops: .endGroup)
        expectGroupEnd(opening: opening)
        return nodes
    }

    /// A macro argument: a `{…}` group, or else a single token (`\frac12`, `x^\alpha`).
    ///
    /// `command` names the macro without its backslash, or is `^` / `_` for scripts.
    func parseArgument(_ context: MathContext, for command: String, at commandToken: MathToken) -> MathNode {
        let label = command == "^" || command == "_" ? "'\(command)'" : "\\" + command
        guard let token = peekSignificant() else {
            warn("Missing argument for \(label).", at: commandToken)
            return .group([], .ord)
        }
        switch token.kind {
        case .beginGroup:
            position += 1
            return Self.single(parseGroupBody(context, opening: token))
        case .character(let scalar):
            position += 1
            return parseSingleCharacter(scalar, token: token, context).node
        case .command(let name):
            guard enterNesting(at: token) else {
                position += 1
                return .error("\\" + name)
            }
            defer { nesting -= 1 }
            position += 1
            var local = context
            switch parseCommand(name, token: token, &local) {
            case .atom(let atom): return atom.node
            case .nodes(let nodes): return Self.single(nodes)
            case .styleSwitch, .infixFraction:
                warn("\\\(name) cannot be used as the argument of \(label).", at: token)
                return .group([], .ord)
            }
        default:
            warn("Missing argument for \(label).", at: commandToken)
            return .group([], .ord)
        }
    }

    /// The argument of `^` or `_`.
    func parseScriptArgument(_ context: MathContext, marker: MathToken) -> MathNode {
        parseArgument(context.shrunk, for: marker.kind == .superscriptMark ? "^" : "_", at: marker)
    }

    // MARK: - Nesting guard

    /// Counts one level of nesting; reports (once per spot) and refuses past the cap.
    func enterNesting(at token: MathToken) -> Bool {
        if nesting >= Self.maximumNesting {
            warn("The formula is nested more than \(Self.maximumNesting) levels deep.", at: token)
            return false
        }
        nesting += 1
        return true
    }

    /// Skips a whole `{…}` group iteratively (its `{` already consumed) and returns its
    /// source as an error node: used when nesting is too deep to parse it.
    func skipToGroupEnd(from opening: MathToken) -> MathNode {
        var level = 1
        var end = opening.offset + opening.length
        while position < tokens.count, level > 0 {
            let token = tokens[position]
            if token.kind == .beginGroup { level += 1 }
            if token.kind == .endGroup { level -= 1 }
            end = token.offset + token.length
            position += 1
        }
        return .error(lexer.text(from: opening.offset, to: end))
    }

    func expectGroupEnd(opening: MathToken) {
        if let token = peekSignificant(), token.kind == .endGroup {
            position += 1
        } else {
            warn("Missing '}' for the '{' opened here.", at: opening)
        }
    }

    // MARK: - Tokens

    /// The next token that is not white space (white space is skipped).
    func peekSignificant() -> MathToken? {
        while position < tokens.count, tokens[position].kind == .space { position += 1 }
        return position < tokens.count ? tokens[position] : nil
    }

    /// The next token, white space included.
    func peekRaw() -> MathToken? {
        position < tokens.count ? tokens[position] : nil
    }

    /// Consumes `command` if it is next.
    func consumeCommand(_ name: String) -> Bool {
        if let token = peekSignificant(), token.kind == .command(name) {
            position += 1
            return true
        }
        return false
    }

    func describe(_ token: MathToken) -> String {
        "'" + lexer.text(from: token.offset, to: token.offset + token.length) + "'"
    }

    // MARK: - Warnings

    func warn(_ message: String, at token: MathToken) {
        warnings.append(
            MathWarning(message: message, offset: token.offset, utf16Offset: token.utf16Offset, length: token.length))
    }

    func warnAtEnd(_ message: String) {
        warnings.append(
            MathWarning(message: message, offset: lexer.scalarCount, utf16Offset: sourceUTF16Count, length: 0))
    }
}

/// `\over`, `\choose`, `\atop`: plain TeX's infix fractions.
enum InfixFraction {
    case over, choose, atop

    func node(numerator: MathNode, denominator: MathNode) -> MathNode {
        switch self {
        case .over:
            return .fraction(numerator: numerator, denominator: denominator, style: .automatic, hasRule: true)
        case .atop:
            return .fraction(numerator: numerator, denominator: denominator, style: .automatic, hasRule: false)
        case .choose:
            let fraction = MathNode.fraction(
                numerator: numerator, denominator: denominator, style: .automatic, hasRule: false)
            return .fenced(open: "(", body: [fraction], close: ")")
        }
    }
}
