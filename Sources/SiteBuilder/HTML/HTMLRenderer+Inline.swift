import Diagnostics
import NotebookFormat

/// Inline Markdown: text, code, emphasis, links (checked and mapped to pages),
/// images (copied), math (MathML), and the d2l roles (references, citations).
extension HTMLRenderer {
    /// MyST role names written ``{numref}`fig_x` `` that litbook reads like d2l's roles.
    static let mystRoles: [String: String] = ["numref": "numref", "eq": "eqref", "ref": "ref"]

    mutating func visitInlines(_ nodes: [MarkdownNode]) {
        var index = 0
        while index < nodes.count {
            let node = nodes[index]
            // MyST: the text `… {numref}` followed by the code span `fig_x`.
            if case .text(let text) = node.kind, index + 1 < nodes.count,
                case .inlineCode(let argument) = nodes[index + 1].kind,
                let (name, prefix) = Self.trailingMySTRole(text)
            {
                html += HTML.escape(prefix)
                // The reference starts at its `{`, just before the code span.
                var range = nodes[index + 1].range
                let marker = text.unicodeScalars.count - prefix.unicodeScalars.count
                range.start.column = max(1, range.start.column - marker)
                visitReference(role: name, label: argument, range: range)
                index += 2
                continue
            }
            if node.kind == .softBreak,
                Self.joinsWithoutSpace(
                    index > 0 ? nodes[index - 1] : nil, index + 1 < nodes.count ? nodes[index + 1] : nil)
            {
                // A line break inside Chinese text is no space: browsers would show one.
                index += 1
                continue
            }
            visitInline(node)
            index += 1
        }
    }

    /// Whether the text before and after a soft line break are both East Asian
    /// wide characters (ideographs, kana, Hangul, CJK and full-width punctuation).
    static func joinsWithoutSpace(_ before: MarkdownNode?, _ after: MarkdownNode?) -> Bool {
        guard case .text(let left)? = before?.kind, case .text(let right)? = after?.kind,
            let last = left.unicodeScalars.last, let first = right.unicodeScalars.first
        else { return false }
        return isEastAsianWide(last) && isEastAsianWide(first)
    }

    static func isEastAsianWide(_ scalar: Unicode.Scalar) -> Bool {
        if SearchTerms.isCJK(scalar) { return true }
        switch scalar.value {
        case 0x3000...0x303F, 0xFF00...0xFF60, 0xFFE0...0xFFE6: return true
        default: return false
        }
    }

    mutating func visitInline(_ node: MarkdownNode) {
        switch node.kind {
        case .text(let text):
            html += HTML.escape(text)
        case .softBreak:
            html += "\n"
        case .lineBreak:
            html += "<br>\n"
        case .inlineCode(let code):
            html += "<code>\(HTML.escape(code))</code>"
        case .inlineHTML(let raw):
            html += raw
        case .emphasis:
            html += "<em>"
            visitInlines(node.children)
            html += "</em>"
        case .strong:
            html += "<strong>"
            visitInlines(node.children)
            html += "</strong>"
        case .link(let destination, let title):
            visitLink(node, destination: destination, title: title)
        case .image:
            visitImage(node, style: nil)
        case .inlineMath(let tex):
            writeMath(tex, display: false, at: node.range.start)
        case .displayMath(let tex):
            visitDisplayMath(tex, at: node.range.start)
        case .role(let name, let argument):
            visitRole(name, argument: argument, range: node.range)
        default:
            // Block nodes inside inline content do not occur in a parsed notebook.
            visitBlock(node)
        }
    }

    // MARK: - Links and images

    private mutating func visitLink(_ node: MarkdownNode, destination: String, title: String) {
        if isQuoting {
            visitInlines(node.children)
            return
        }
        let (href, problem) = context.links.resolve(destination, from: lesson, at: node.range.start)
        if let problem { report(problem) }
        html += HTML.openTag("a", [("href", href), ("title", title.isEmpty ? nil : title)])
        visitInlines(node.children)
        html += "</a>"
    }

    /// `<img>` with the site path of the copied file (or the URL as written).
    mutating func visitImage(_ node: MarkdownNode, style: String?) {
        guard case .image(let source, let title) = node.kind else { return }
        let src = context.images.sitePath(of: source, from: lesson).map(href(toSitePath:)) ?? source
        let alt = node.plainText.trimmingWhitespace
        html +=
            "<img"
            + HTML.attributes([
                ("src", src), ("alt", alt), ("title", title.isEmpty ? nil : title), ("style", style),
                ("loading", "lazy"),
            ]) + ">"
    }

    // MARK: - Math

    /// A formula as MathML; its warnings at their notebook locations.
    mutating func writeMath(_ tex: String, display: Bool, at start: SourceLocation) {
        let rendering = MathRenderer.render(tex, display: display)
        html += rendering.markup
        report(
            placement.diagnostics(for: rendering.warnings, in: tex, startingAt: start, delimiterWidth: display ? 2 : 1))
    }

    /// `$$…$$`: a block-level formula (a `<span>` so it may sit inside a paragraph),
    /// with its number when `:eqlabel:` labelled it.
    private mutating func visitDisplayMath(_ tex: String, at start: SourceLocation) {
        let anchor = context.analysis.equations[start]
        let id = isQuoting ? nil : anchor?.id
        html += HTML.openTag(
            "span", [("id", id), ("class", anchor?.number == nil ? "display-math" : "display-math numbered")])
        writeMath(tex, display: true, at: start)
        if let number = anchor?.number {
            html += "<span class=\"equation-number\">(\(HTML.escape(number)))</span>"
        }
        html += "</span>"
    }

    // MARK: - Roles

    private mutating func visitRole(_ name: String, argument: String?, range: SourceRange) {
        switch name {
        case _ where ParagraphShape.silentRoles.contains(name):
            return
        case "numref", "eqref", "ref":
            visitReference(role: name, label: argument ?? "", range: range)
        case "cite":
            let keys = (argument ?? "").split(separator: ",").map { String($0).trimmingWhitespace }.filter {
                !$0.isEmpty
            }
            html += "<cite class=\"citation\">[\(HTML.escape(keys.joined(separator: ", ")))]</cite>"
        default:
            report(.warning("The role :\(name): is not known to litbook; it is shown as written.", at: range.start))
            html += HTML.escape(":\(name):")
            if let argument { html += "<code>\(HTML.escape(argument))</code>" }
        }
    }

    /// A cross-reference: `图3`, `(2)`, or the section's title, linked to its target.
    mutating func visitReference(role: String, label: String, range: SourceRange) {
        guard !isQuoting else {
            html += HTML.escape(label)
            return
        }
        guard let target = context.labels[label] else {
            report(
                context.labels.unknownLabel(
                    label, role: ":\(role):", at: range.start,
                    length: range.start.line == range.end.line ? range.end.column - range.start.column : 1))
            html += "<span class=\"xref xref-missing\">\(HTML.escape(label))</span>"
            return
        }
        var href = target.page == lesson.sitePath ? "" : href(toSitePath: target.page)
        if let anchor = target.anchor { href += "#" + SitePath.encode(anchor) }
        if href.isEmpty { href = "#" }
        html += HTML.openTag("a", [("class", "xref xref-\(target.kind.rawValue)"), ("href", href)])
        html += referenceText(target)
        html += "</a>"
    }

    private mutating func referenceText(_ target: LabelTarget) -> String {
        switch target.kind {
        case .figure:
            return HTML.escape(strings.format("figure", ["number": target.number ?? "?"]))
        case .listing:
            return HTML.escape(strings.format("listing", ["number": target.number ?? "?"]))
        case .equation:
            return "(\(HTML.escape(target.number ?? "?")))"
        case .section:
            if let heading = target.heading {
                let text = quoted(heading)
                if !text.isEmpty { return text }
            }
            let title = context.course.pages.first { $0.sitePath == target.page }?.title ?? target.name
            return HTML.escape(title)
        }
    }

    /// `see {numref}` → ("numref", "see ") when the text ends with a MyST role marker.
    static func trailingMySTRole(_ text: String) -> (role: String, prefix: String)? {
        guard text.hasSuffix("}"), let open = text.lastIndex(of: "{") else { return nil }
        let name = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        guard let role = mystRoles[name] else { return nil }
        return (role, String(text[..<open]))
    }
}
