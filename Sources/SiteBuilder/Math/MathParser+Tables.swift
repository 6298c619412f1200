/// Collects the `\tag` of the table row being parsed.
struct TagFrame {
    var allowsTags: Bool
    var tag: [MathNode]? = nil
}

/// How an environment lays out its cells and what surrounds them.
struct EnvironmentSpec {
    enum Argument { case none, columnSpec, count }

    var layout: MathTable.Layout
    var displayStyle: Bool
    var open: String? = nil
    var close: String? = nil
    var allowsTags = false
    var scriptLevel: Int? = nil
    var argument: Argument = .none
    /// No padding outside the first and last columns (matrices and cases, as in TeX).
    var tightEdges = false
}

extension MathParser {
    // MARK: - Catalogue

    private static let environments: [String: EnvironmentSpec] = {
        var table: [String: EnvironmentSpec] = [:]
        let matrices: [(String, String?, String?)] = [
            ("matrix", nil, nil), ("pmatrix", "(", ")"), ("bmatrix", "[", "]"), ("Bmatrix", "{", "}"),
            ("vmatrix", "|", "|"), ("Vmatrix", "‖", "‖"),
        ]
        for (name, open, close) in matrices {
            table[name] = EnvironmentSpec(
                layout: .columns([.center]), displayStyle: false, open: open, close: close, tightEdges: true)
        }
        table["smallmatrix"] = EnvironmentSpec(
            layout: .columns([.center]), displayStyle: false, scriptLevel: 1, tightEdges: true)
        for name in ["aligned", "align", "align*", "split", "flalign", "flalign*"] {
            table[name] = EnvironmentSpec(layout: .alignedPairs, displayStyle: true, allowsTags: true)
        }
        for name in ["alignat", "alignat*", "alignedat"] {
            table[name] = EnvironmentSpec(layout: .alignedPairs, displayStyle: true, allowsTags: true, argument: .count)
        }
        for name in ["gather", "gather*", "gathered", "equation", "equation*", "multline", "multline*"] {
            table[name] = EnvironmentSpec(layout: .columns([.center]), displayStyle: true, allowsTags: true)
        }
        table["cases"] = EnvironmentSpec(
            layout: .columns([.left, .left]), displayStyle: false, open: "{", tightEdges: true)
        table["dcases"] = EnvironmentSpec(
            layout: .columns([.left, .left]), displayStyle: true, open: "{", tightEdges: true)
        table["rcases"] = EnvironmentSpec(
            layout: .columns([.left, .left]), displayStyle: false, close: "}", tightEdges: true)
        table["array"] = EnvironmentSpec(layout: .columns([.center]), displayStyle: false, argument: .columnSpec)
        table["subarray"] = EnvironmentSpec(
            layout: .columns([.center]), displayStyle: false, scriptLevel: 1, argument: .columnSpec)
        return table
    }()

    // MARK: - Table bodies

    /// Rows of cells separated by `&` and `\\` until a stop in `stops` (not consumed).
    func parseTableBody(_ context: MathContext, stops: MathStops, allowsTags: Bool) -> [MathTableRow] {
        var rows: [MathTableRow] = []
        var cells: [[MathNode]] = []
        var ruleAbove = takeHorizontalRules()
        tagFrames.append(TagFrame(allowsTags: allowsTags))
        defer { tagFrames.removeLast() }
        while true {
            let cell = parseRow(context, stops: stops.union(.cell))
            cells.append(cell)
            guard let token = peekSignificant(), case let kind = token.kind,
                kind == .alignmentTab || kind == .command("\\") || kind == .command("cr")
            else { break }
            position += 1
            if kind == .alignmentTab { continue }
            skipOptionalDimension()
            rows.append(MathTableRow(cells: cells, tag: tagFrames[tagFrames.count - 1].tag, ruleAbove: ruleAbove))
            tagFrames[tagFrames.count - 1].tag = nil
            cells = []
            ruleAbove = takeHorizontalRules()
        }
        let lastIsEmpty = cells.allSatisfy(\.isEmpty) && tagFrames[tagFrames.count - 1].tag == nil
        if lastIsEmpty, !rows.isEmpty {
            // A trailing `\\` (with perhaps an `\hline`) ends the table; it is no row.
            if ruleAbove, let last = rows.indices.last { rows[last].ruleBelow = true }
        } else {
            rows.append(MathTableRow(cells: cells, tag: tagFrames[tagFrames.count - 1].tag, ruleAbove: ruleAbove))
        }
        return rows
    }

    /// Consumes `\hline`s at the start of a row; true if there was one.
    private func takeHorizontalRules() -> Bool {
        var found = false
        while consumeCommand("hline") || consumeCommand("hdashline") { found = true }
        return found
    }

    /// Skips `[2pt]` after `\\` (extra row space, not rendered).
    func skipOptionalDimension() {
        guard let token = peekRaw(), token.kind == .character("[") else { return }
        var index = position + 1
        while index < tokens.count, index - position < 32 {
            if tokens[index].kind == .character("]") {
                position = index + 1
                return
            }
            index += 1
        }
    }

    // MARK: - Environments

    /// `\begin{name}…\end{name}` whose `\begin` was consumed.
    func parseEnvironment(token: MathToken, _ context: MathContext) -> MathNode {
        guard let rawName = parseRawArgument(for: "begin", at: token) else { return .group([], .ord) }
        let name = rawName.trimmingSpaces
        let spec = Self.environments[name]
        if spec == nil {
            warn("Unknown environment '\(name)' (laid out as a matrix).", at: token)
        }
        var environment = spec ?? EnvironmentSpec(layout: .columns([.center]), displayStyle: false)
        guard enterNesting(at: token) else { return .error("\\begin{\(name)}") }
        defer { nesting -= 1 }
        var columnRules: Set<Int> = []
        switch environment.argument {
        case .none: break
        case .count: _ = parseRawArgument(for: name, at: token)
        case .columnSpec:
            let columns = parseColumnSpec(parseRawArgument(for: name, at: token) ?? "", at: token)
            environment.layout = .columns(columns.alignments.isEmpty ? [.center] : columns.alignments)
            columnRules = columns.rules
        }
        var inner = context
        inner.displayStyle = environment.displayStyle
        let rows = parseTableBody(inner, stops: .end, allowsTags: environment.allowsTags && display)
        if consumeCommand("end") {
            let endName = (parseRawArgument(for: "end", at: token) ?? "").trimmingSpaces
            if endName != name {
                warn("\\begin{\(name)} is closed by \\end{\(endName)}.", at: token)
            }
        } else {
            warn("\\begin{\(name)} without a matching \\end{\(name)}.", at: token)
        }
        var table = MathTable(rows: rows, layout: environment.layout, displayStyle: environment.displayStyle)
        table.columnRules = columnRules
        table.scriptLevel = environment.scriptLevel
        table.tightEdges = environment.tightEdges
        if name.hasPrefix("equation"), rows.count == 1, rows[0].cells.count == 1, rows[0].tag == nil {
            return Self.single(rows[0].cells[0])
        }
        if environment.open != nil || environment.close != nil {
            return .fenced(open: environment.open, body: [.table(table)], close: environment.close)
        }
        return .table(table)
    }

    /// `{c|cc}` → alignments and the columns followed by a rule.
    private func parseColumnSpec(_ spec: String, at token: MathToken) -> (
        alignments: [ColumnAlignment], rules: Set<Int>
    ) {
        var alignments: [ColumnAlignment] = []
        var rules: Set<Int> = []
        for scalar in spec.unicodeScalars {
            switch scalar {
            case "l": alignments.append(.left)
            case "c": alignments.append(.center)
            case "r": alignments.append(.right)
            case "|": rules.insert(alignments.count - 1)
            case " ": break
            default:
                warn("Column type '\(Character(scalar))' is not supported in an array (use l, c, r or |).", at: token)
            }
        }
        return (alignments, rules)
    }

    /// `\substack{a \\ b}`: centred lines in script style, for limits.
    func parseSubstack(token: MathToken, _ context: MathContext) -> MathNode {
        guard let opening = peekSignificant(), opening.kind == .beginGroup else {
            warn("Missing argument for \\substack.", at: token)
            return .group([], .ord)
        }
        position += 1
        guard enterNesting(at: opening) else { return skipToGroupEnd(from: opening) }
        defer { nesting -= 1 }
        let rows = parseTableBody(context.shrunk, stops: .endGroup, allowsTags: false)
        expectGroupEnd(opening: opening)
        return .table(MathTable(rows: rows, layout: .columns([.center]), displayStyle: false))
    }

    // MARK: - Tags

    /// `\tag{…}` / `\tag*{…}`: the equation number shown at the right of its row.
    func parseTag(token: MathToken, _ context: MathContext) {
        var starred = false
        if let next = peekRaw(), next.kind == .character("*") {
            position += 1
            starred = true
        }
        let content = parseTextArgument(.plain, command: "tag", at: token)
        guard let frame = tagFrames.indices.last, tagFrames[frame].allowsTags else {
            warn(
                display
                    ? "\\tag is not allowed here (only in display math, align and gather)."
                    : "\\tag is only allowed in display math.", at: token)
            return
        }
        if tagFrames[frame].tag != nil {
            warn("Only one \\tag is allowed per line.", at: token)
            return
        }
        tagFrames[frame].tag = starred ? content : [.text("(", .plain)] + content + [.text(")", .plain)]
    }
}
