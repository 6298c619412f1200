/// Turns cmark's tree into litbook's draft nodes: exact byte ranges, math
/// restored, roles recognised.
///
/// cmark's block positions are right; its inline positions are not always: on
/// a paragraph's continuation lines it counts columns from the paragraph's first
/// column instead of from where that line's text starts (after `> ` or list
/// indentation), and it gives breaks no position at all. The converter corrects
/// both from the source.
struct MarkdownConverter {
    let source: SourceText
    var restorer: MathRestorer
    private let roles: RoleRecognizer

    init(source: SourceText, restorer: MathRestorer) {
        self.source = source
        self.restorer = restorer
        roles = RoleRecognizer(source: source)
    }

    /// Where a paragraph's or heading's inline text starts, to correct positions.
    private struct InlineContext {
        var startLine: Int
        var startColumn: Int
        var quoteDepth: Int
    }

    mutating func convert(_ document: CmarkNode) -> DraftNode {
        convertBlock(document, quoteDepth: 0)
    }

    // MARK: - Blocks

    private mutating func convertBlock(_ node: CmarkNode, quoteDepth: Int) -> DraftNode {
        let bytes = blockBytes(node)
        switch node.kind {
        case .paragraph, .heading:
            let context = InlineContext(startLine: node.start.line, startColumn: node.start.column, quoteDepth: quoteDepth)
            let kind: MarkdownNode.Kind = node.kind == .heading ? .heading(level: node.headingLevel) : .paragraph
            return DraftNode(kind, bytes: bytes, children: convertInlines(node.children, context))
        case .codeBlock:
            let code = restorer.restore(node.literal)
            return DraftNode(.codeBlock(info: restorer.restore(node.fenceInfo), code: code), bytes: bytes)
        case .htmlBlock:
            return DraftNode(.htmlBlock(restorer.restore(node.literal)), bytes: bytes)
        case .thematicBreak:
            return DraftNode(.thematicBreak, bytes: bytes)
        default:
            let kind: MarkdownNode.Kind
            switch node.kind {
            case .document: kind = .document
            case .blockQuote: kind = .blockQuote
            case .list: kind = .list(ordered: node.isOrderedList, start: node.listStart, tight: node.isTightList)
            case .item: kind = .item
            default: kind = .paragraph
            }
            let depth = node.kind == .blockQuote ? quoteDepth + 1 : quoteDepth
            var children: [DraftNode] = []
            for child in node.children {
                children.append(convertBlock(child, quoteDepth: depth))
            }
            return DraftNode(kind, bytes: bytes, children: children)
        }
    }

    /// A block's bytes; cmark's end column is inclusive, and 0 means the block
    /// ended with the previous line.
    private func blockBytes(_ node: CmarkNode) -> Range<Int> {
        let start = source.offset(line: node.start.line, byteColumn: node.start.column)
        let end: Int
        if node.end.column <= 0 {
            end = source.contentRange(ofLine: node.end.line - 1).upperBound
        } else {
            end = min(source.offset(line: node.end.line, byteColumn: node.end.column) + 1, source.contentRange(ofLine: node.end.line).upperBound)
        }
        return start..<max(start, end)
    }

    // MARK: - Inlines

    private mutating func convertInlines(_ nodes: [CmarkNode], _ context: InlineContext) -> [DraftNode] {
        var items: [InlineItem] = []
        for node in nodes {
            switch node.kind {
            case .text:
                items.append(contentsOf: restorer.split(text: node.literal, bytes: inlineBytes(node, context)))
            case .softBreak, .lineBreak:
                let previousLine = items.lastNodeEndLine(in: source) ?? context.startLine
                let bytes = breakBytes(afterLine: previousLine, context)
                items.append(.node(DraftNode(node.kind == .softBreak ? .softBreak : .lineBreak, bytes: bytes)))
            case .code:
                items.append(.node(DraftNode(.inlineCode(restorer.restore(node.literal)), bytes: inlineBytes(node, context))))
            case .htmlInline:
                items.append(.node(DraftNode(.inlineHTML(restorer.restore(node.literal)), bytes: inlineBytes(node, context))))
            case .emphasis, .strong, .link, .image:
                // Children first: they come before the destination in the source,
                // and the restorer hands out masked bytes in source order.
                let children = convertInlines(node.children, context)
                let kind: MarkdownNode.Kind
                switch node.kind {
                case .emphasis: kind = .emphasis
                case .strong: kind = .strong
                case .link: kind = .link(destination: restorer.restore(node.url), title: restorer.restore(node.title))
                default: kind = .image(source: restorer.restore(node.url), title: restorer.restore(node.title))
                }
                items.append(.node(DraftNode(kind, bytes: containerBytes(node, children, context), children: children)))
            default:
                break
            }
        }
        return roles.recognize(restorer.merge(items))
    }

    /// The byte offset of an inline position, corrected for continuation lines.
    private func inlineOffset(line: Int, column: Int, _ context: InlineContext) -> Int {
        if line == context.startLine {
            return source.offset(line: line, byteColumn: column)
        }
        let content = source.contentRange(ofLine: line)
        let start = source.continuationStart(line: line, quoteDepth: context.quoteDepth)
        return min(max(start + column - context.startColumn, content.lowerBound), content.upperBound)
    }

    private func inlineBytes(_ node: CmarkNode, _ context: InlineContext) -> Range<Int> {
        guard node.start.isKnown else {
            let offset = source.offset(line: context.startLine, byteColumn: context.startColumn)
            return offset..<offset
        }
        let start = inlineOffset(line: node.start.line, column: node.start.column, context)
        let end = inlineOffset(line: node.end.line, column: node.end.column, context) + 1
        return start..<min(max(start, end), source.bytes.count)
    }

    /// Emphasis, links and images: cmark sometimes puts their start on the wrong
    /// line, so start from the first child, less the opening delimiter.
    private func containerBytes(_ node: CmarkNode, _ children: [DraftNode], _ context: InlineContext) -> Range<Int> {
        let reported = inlineBytes(node, context)
        let opener: Int
        switch node.kind {
        case .strong, .image: opener = 2
        default: opener = 1
        }
        guard let first = children.first, first.bytes.lowerBound - opener >= 0 else { return reported }
        let start = first.bytes.lowerBound - opener
        return start..<max(start, reported.upperBound)
    }

    /// A break runs from the end of its line's text to the start of the next line's.
    private func breakBytes(afterLine line: Int, _ context: InlineContext) -> Range<Int> {
        let start = source.contentRange(ofLine: line).upperBound
        let end = source.continuationStart(line: line + 1, quoteDepth: context.quoteDepth)
        return start..<max(start, end)
    }
}

extension Array where Element == InlineItem {
    /// The line on which the last converted item ends (for placing a break).
    fileprivate func lastNodeEndLine(in source: SourceText) -> Int? {
        guard let bytes = last?.bytes else { return nil }
        return source.line(ofOffset: Swift.max(bytes.lowerBound, bytes.upperBound - 1))
    }
}
