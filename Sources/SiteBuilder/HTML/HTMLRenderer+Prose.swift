import NotebookFormat

/// Block-level Markdown: headings with anchors, paragraphs (or the figures d2l
/// writes as an image paragraph), lists, quotes, shown code, raw HTML.
extension HTMLRenderer {
    mutating func visitBlock(_ node: MarkdownNode, tight: Bool = false) {
        switch node.kind {
        case .document:
            for child in node.children { visitBlock(child) }
        case .heading(let level):
            visitHeading(node, level: min(max(level, 1), 6))
        case .paragraph:
            visitParagraph(node, tight: tight)
        case .list(let ordered, let start, let isTight):
            let tag = ordered ? "ol" : "ul"
            html += HTML.openTag(tag, [("start", ordered && start != 1 ? String(start) : nil)]) + "\n"
            for item in node.children { visitBlock(item, tight: isTight) }
            html += "</\(tag)>\n"
        case .item:
            html += "<li>"
            for (index, child) in node.children.enumerated() {
                if tight, index > 0, child.kind == .paragraph { html += "\n" }
                visitBlock(child, tight: tight)
            }
            html += "</li>\n"
        case .blockQuote:
            html += "<blockquote>\n"
            for child in node.children { visitBlock(child) }
            html += "</blockquote>\n"
        case .thematicBreak:
            html += "<hr>\n"
        case .htmlBlock(let raw):
            html += raw.hasSuffix("\n") ? raw : raw + "\n"
        case .codeBlock(let info, let code):
            let language = info.split(separator: " ").first.map { AnchorAllocator.slug(String($0)) } ?? ""
            html += "<pre class=\"code-block\"><code"
            html += HTML.attributes([("class", language.isEmpty ? nil : "language-\(language)")])
            html += ">\(HTML.escape(code.hasSuffix("\n") ? String(code.dropLast()) : code))</code></pre>\n"
        default:
            // Inline nodes at block level do not occur in a parsed notebook; show them inline.
            visitInline(node)
        }
    }

    private mutating func visitHeading(_ node: MarkdownNode, level: Int) {
        let id = context.analysis.headingIDs[node.range.start]
        html += HTML.openTag("h\(level)", [("id", id)])
        html += captured { $0.visitInlines(node.children) }.trimmingWhitespace
        if let id {
            let link = HTML.attributes([("href", "#" + SitePath.encode(id)), ("aria-label", strings["section_link"])])
            html += " <a class=\"heading-anchor\"\(link)>#</a>"
            addOutlineEntry(level: level, id: id, heading: node)
        }
        html += "</h\(level)>\n"
    }

    private mutating func visitParagraph(_ node: MarkdownNode, tight: Bool) {
        switch ParagraphShape(node) {
        case .hidden:
            return
        case .imageFigure(let figure):
            visitImageFigure(figure, paragraph: node)
        case .ordinary:
            let content = captured { $0.visitInlines(node.children) }.trimmingWhitespace
            guard !content.isEmpty else { return }
            html += tight ? content : "<p>\(content)</p>\n"
        }
    }

    /// `![caption](img)` alone in its paragraph: a `<figure>` with the image and
    /// its text as the caption, numbered when it has a caption or a label.
    private mutating func visitImageFigure(_ figure: ParagraphShape.ImageFigure, paragraph: MarkdownNode) {
        let anchor = context.analysis.figures[paragraph.range.start] ?? ElementAnchor()
        html += HTML.openTag("figure", [("id", anchor.id), ("class", "figure image-figure")]) + "\n"
        var style: String?
        if let width = figure.width {
            if let length = Self.cssLength(width.value) {
                style = "width:\(length)"
            } else {
                report(
                    .warning(
                        "The width '\(width.value)' is not a CSS length such as 400px or 50%; it is ignored.",
                        at: width.range.start))
            }
        }
        visitImage(figure.image, style: style)
        html += "\n"
        let caption = captured { $0.visitInlines(figure.image.children) }.trimmingWhitespace
        writeCaption(number: anchor.number, captionHTML: caption)
        html += "</figure>\n"
    }

    /// `<figcaption>` with the number ("图1") and the caption, when there is either.
    mutating func writeCaption(number: String?, captionHTML: String, tag: String = "figcaption") {
        guard number != nil || !captionHTML.isEmpty else { return }
        html += "<\(tag)>"
        if let number {
            html += "<span class=\"figure-number\">\(HTML.escape(strings.format("figure", ["number": number])))</span>"
            if !captionHTML.isEmpty { html += " " }
        }
        html += captionHTML + "</\(tag)>\n"
    }

    /// `400px`, `50%`, `12.5em`, `20rem`: the widths `:width:` accepts; a bare
    /// number means pixels. Nil for anything else (it would be CSS injection).
    static func cssLength(_ text: String) -> String? {
        var number = text[...]
        var unit = "px"
        for candidate in ["px", "%", "rem", "em", "ch", "vw"] where text.hasSuffix(candidate) {
            number = text.dropLast(candidate.count)
            unit = candidate
            break
        }
        guard !number.isEmpty, number.count <= 8, number.filter({ $0 == "." }).count <= 1,
            number.allSatisfy({ $0 == "." || ("0"..."9").contains($0) }), number.contains(where: { $0 != "." })
        else { return nil }
        return String(number) + unit
    }
}
