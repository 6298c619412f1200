import Diagnostics
import NotebookFormat
import NotebookRunner

/// The first pass over one page: walks the blocks of the notebook's run in
/// document order and hands out ids, figure and equation numbers, labels and
/// search sections (see `PageAnalysis`).
///
/// Numbering: a figure (an image alone in its paragraph, a directive's figure,
/// the figures a code cell drew) gets a number when it has a caption or a label;
/// an equation when it has `:eqlabel:`; a labelled code cell without figures is
/// a numbered listing.
struct PageAnalyzer {
    let lesson: Lesson
    /// `2.` when numbers carry the lesson number, else empty.
    let numberPrefix: String
    private var ids: AnchorAllocator
    private var result = PageAnalysis()
    private var figureCount = 0
    private var equationCount = 0
    private var listingCount = 0
    private var lastHeading: (id: String, node: MarkdownNode)?
    /// The last display equation not yet labelled, for a following `:eqlabel:`.
    private var pendingEquation: SourceLocation?

    init(lesson: Lesson, numberPrefix: String, reservedIDs: Set<String>) {
        self.lesson = lesson
        self.numberPrefix = numberPrefix
        self.ids = AnchorAllocator(reserved: reservedIDs)
    }

    mutating func analyze() -> PageAnalysis {
        let blocks = lesson.blocksInRun
        let hasTitleHeading = blocks.contains { $0.prose?.headingLevel == 1 }
        if !hasTitleHeading { result.addedTitleID = ids.claim(slugOf: lesson.title) }
        result.searchSections = [SearchSection(anchor: result.addedTitleID, heading: lesson.title)]
        for block in blocks {
            switch block.content {
            case .prose(let node): visitBlock(node)
            case .codeCell(let cell): visitCell(cell)
            case .directive(let directive): visitDirective(directive)
            }
        }
        result.ids = ids.used
        return result
    }

    // MARK: - Prose

    private mutating func visitBlock(_ node: MarkdownNode) {
        switch node.kind {
        case .heading:
            let id = ids.claim(slugOf: node.plainText)
            result.headingIDs[node.range.start] = id
            lastHeading = (id, node)
            result.searchSections.append(SearchSection(anchor: id, heading: node.plainText))
            visitInlines(node)
        case .paragraph:
            if case .imageFigure(let figure) = ParagraphShape(node) {
                visitImageFigure(figure, paragraph: node)
            } else {
                visitInlines(node)
            }
            appendProse(node.plainText)
        case .codeBlock(_, let code):
            appendProse(code)
        case .document, .list, .item, .blockQuote:
            for child in node.children { visitBlock(child) }
        default:
            break
        }
    }

    private mutating func visitImageFigure(_ figure: ParagraphShape.ImageFigure, paragraph: MarkdownNode) {
        result.images.append(imageReference(figure.image))
        let anchor = numberedFigure(
            label: figure.label?.name, labelAt: figure.label?.range.start,
            numbered: figure.hasCaption || figure.label != nil)
        result.figures[paragraph.range.start] = anchor
        for child in figure.image.children { visitInline(child) }
    }

    /// Inline content anywhere below `node`: images, equations, labels.
    private mutating func visitInlines(_ node: MarkdownNode) {
        for child in node.children { visitInline(child) }
    }

    private mutating func visitInline(_ node: MarkdownNode) {
        switch node.kind {
        case .image:
            result.images.append(imageReference(node))
        case .displayMath:
            pendingEquation = node.range.start
        case .role("label", let argument?):
            addLabel(
                argument, kind: .section, anchor: lastHeading?.id, number: nil, heading: lastHeading?.node,
                at: node.range.start)
        case .role("eqlabel", let argument?):
            labelEquation(argument, at: node.range.start)
        default:
            break
        }
        for child in node.children { visitInline(child) }
    }

    private mutating func labelEquation(_ name: String, at location: SourceLocation) {
        guard let equation = pendingEquation else {
            result.diagnostics.append(
                .warning("The equation label '\(name)' follows no display equation ($$…$$).", at: location))
            return
        }
        pendingEquation = nil
        equationCount += 1
        let anchor = ElementAnchor(
            id: ids.claim(slugOf: name, fallback: "equation"), number: numberPrefix + String(equationCount))
        result.equations[equation] = anchor
        addLabel(name, kind: .equation, anchor: anchor.id, number: anchor.number, heading: nil, at: location)
    }

    // MARK: - Cells and directives

    private mutating func visitCell(_ cell: CodeCell) {
        if cell.options.echo { appendCode(cell.displaySource) }
        guard let executed = lesson.executed.result(forCell: cell.index), executed.status != .otherTab else { return }
        let figures = cell.options.output ? executed.figures : []
        let start = cell.range.start
        if !figures.isEmpty {
            let numbered = cell.options.label != nil || cell.options.caption != nil
            result.figures[start] = numberedFigure(label: cell.options.label, labelAt: start, numbered: numbered)
            result.svgs[start] = figures.map { SVGEmbedding.embed($0.svg, ids: &ids) }
        } else if let label = cell.options.label {
            listingCount += 1
            let anchor = ElementAnchor(
                id: ids.claim(slugOf: label, fallback: "listing"), number: numberPrefix + String(listingCount))
            result.figures[start] = anchor
            addLabel(label, kind: .listing, anchor: anchor.id, number: anchor.number, heading: nil, at: start)
        }
    }

    private mutating func visitDirective(_ directive: Directive) {
        guard let drawn = lesson.executed.figure(for: directive) else { return }
        let label = directive.option("label")
        let start = directive.range.start
        if let figure = drawn.figure {
            let numbered = label != nil || directive["caption"] != nil
            result.figures[start] = numberedFigure(
                label: label?.value, labelAt: label?.valueLocation, numbered: numbered)
            result.svgs[start] = [SVGEmbedding.embed(figure.svg, ids: &ids)]
        } else if let label, !label.value.isEmpty {
            // The error block takes the figure's place, so references still land somewhere.
            let anchor = ElementAnchor(id: ids.claim(slugOf: label.value, fallback: "figure"), number: nil)
            result.figures[start] = anchor
            addLabel(label.value, kind: .figure, anchor: anchor.id, number: nil, heading: nil, at: label.valueLocation)
        }
        if let caption = directive["caption"] { appendProse(caption) }
    }

    // MARK: - Helpers

    private mutating func numberedFigure(label: String?, labelAt location: SourceLocation?, numbered: Bool)
        -> ElementAnchor
    {
        var anchor = ElementAnchor()
        if numbered {
            figureCount += 1
            anchor.number = numberPrefix + String(figureCount)
        }
        if let label, !label.isEmpty {
            anchor.id = ids.claim(slugOf: label, fallback: "figure")
            addLabel(
                label, kind: .figure, anchor: anchor.id, number: anchor.number, heading: nil,
                at: location ?? SourceLocation(file: lesson.notebook.path, line: 1))
        }
        return anchor
    }

    private mutating func addLabel(
        _ name: String, kind: LabelTarget.Kind, anchor: String?, number: String?, heading: MarkdownNode?,
        at location: SourceLocation
    ) {
        result.labels.append(
            LabelTarget(
                name: name, kind: kind, page: lesson.sitePath, anchor: anchor, number: number, heading: heading,
                location: location))
    }

    private func imageReference(_ image: MarkdownNode) -> ImageReference {
        guard case .image(let source, _) = image.kind else {
            return ImageReference(destination: "", location: image.range.start)
        }
        return ImageReference(destination: source, location: image.range.start)
    }

    private mutating func appendProse(_ text: String) {
        guard !text.isEmpty, !result.searchSections.isEmpty else { return }
        result.searchSections[result.searchSections.count - 1].prose.append(text)
    }

    private mutating func appendCode(_ text: String) {
        guard !text.isEmpty, !result.searchSections.isEmpty else { return }
        result.searchSections[result.searchSections.count - 1].code.append(text)
    }
}
