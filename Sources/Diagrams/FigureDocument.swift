/// The common frame of every figure: `<svg>` with a `viewBox` and no fixed size,
/// `role="img"`, `<title>` and `<desc>` for assistive technology, and a style sheet
/// scoped to the figure's id so several figures on one page never clash.
struct FigureDocument {
    /// The sanitized id prefix; every id and CSS rule of the figure starts with it.
    let id: String
    var writer = SVGWriter()

    /// Opens the document; `kind` names the figure type in its class (`lb-heatmap`).
    init(
        idPrefix: String, kind: String, width: Double, height: Double, title: String, description: String,
        extraRules: [String] = [], extraDarkRules: [String] = []
    ) {
        id = SVGWriter.identifier(idPrefix)
        let size = NumberFormatting.coordinate(width) + " " + NumberFormatting.coordinate(height)
        writer.open(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("id", id), ("class", "lb-figure lb-" + kind),
                ("viewBox", "0 0 " + size), ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"),
            ])
        writer.element("title", [("id", "\(id)-title")], text: title)
        writer.element("desc", [("id", "\(id)-desc")], text: description)
        writeStyle(extraRules, dark: extraDarkRules)
    }

    // MARK: - Style

    /// Rules shared by all figures; the extra rules (of the figure type, and their
    /// dark-scheme overrides) write `#ID` for the figure's id selector.
    private mutating func writeStyle(_ extraRules: [String], dark extraDarkRules: [String]) {
        let scope = "#" + id
        var rules: [String] = []
        rules.append(
            scope + " { " + Palette.themeProperties.map { "\($0.name): \($0.light);" }.joined(separator: " ") + " }")
        rules.append(
            scope + " text { fill: var(--lb-fg); font-family: system-ui, -apple-system, \"Segoe UI\", sans-serif; "
                + "font-size: 13px; }")
        rules.append(scope + " .lb-small { font-size: 10px; }")
        rules.append(scope + " .lb-large { font-size: 18px; }")
        rules.append(scope + " .lb-muted { fill-opacity: 0.7; }")
        rules.append(scope + " .lb-cell { fill: none; stroke: var(--lb-fg); stroke-opacity: 0.55; stroke-width: 1; }")
        rules.append(scope + " .lb-rule { fill: none; stroke: var(--lb-fg); stroke-width: 1; }")
        rules.append(scope + " .lb-grid { fill: none; stroke: var(--lb-fg); stroke-opacity: 0.14; stroke-width: 1; }")
        for rule in extraRules {
            rules.append(rule.replacing("#ID", with: scope))
        }
        let darkRules = Palette.themeProperties.filter { $0.light != $0.dark }.map { "\($0.name): \($0.dark);" }
        writer.open("style")
        for rule in rules { writer.verbatim(rule) }
        writer.verbatim("@media (prefers-color-scheme: dark) {")
        writer.verbatim("  " + scope + " { " + darkRules.joined(separator: " ") + " }")
        for rule in extraDarkRules {
            writer.verbatim("  " + rule.replacing("#ID", with: scope))
        }
        writer.verbatim("}")
        writer.close()
    }

    // MARK: - Drawing helpers

    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, className: String, extra: SVGWriter.Attributes = []
    ) {
        writer.element(
            "rect",
            [
                ("x", NumberFormatting.coordinate(x)), ("y", NumberFormatting.coordinate(y)),
                ("width", NumberFormatting.coordinate(width)), ("height", NumberFormatting.coordinate(height)),
                ("class", className),
            ] + extra)
    }

    mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, className: String, extra: SVGWriter.Attributes = []
    ) {
        writer.element(
            "line",
            [
                ("x1", NumberFormatting.coordinate(x1)), ("y1", NumberFormatting.coordinate(y1)),
                ("x2", NumberFormatting.coordinate(x2)), ("y2", NumberFormatting.coordinate(y2)),
                ("class", className),
            ] + extra)
    }

    /// Text anchored at (x, y): `anchor` is start, middle or end; the baseline is
    /// centred on y so labels sit in the middle of cells.
    mutating func text(
        _ content: String, x: Double, y: Double, anchor: String = "middle", className: String? = nil,
        extra: SVGWriter.Attributes = []
    ) {
        var attributes: SVGWriter.Attributes = [
            ("x", NumberFormatting.coordinate(x)), ("y", NumberFormatting.coordinate(y)),
            ("text-anchor", anchor), ("dominant-baseline", "central"),
        ]
        if let className { attributes.append(("class", className)) }
        writer.element("text", attributes + extra, text: content)
    }

    mutating func finish() -> String {
        writer.finish()
    }
}
