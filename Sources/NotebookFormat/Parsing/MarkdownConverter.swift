/// Turns cmark's tree into litbook's draft nodes: exact byte ranges, math
/// restored, roles recognised.
///
/// cmark's block positions are right; its inline positions need help
/// (`InlinePositionMapper`), and code spans and emphasis get their delimiters
/// added to their ranges here.
struct MarkdownConverter {
    let source: SourceText
    var restorer: MathRestorer
    private let roles: RoleRecognizer

    init(source: SourceText, restorer: MathRestorer) {
        self.source = source
        self.restorer = restorer
        roles = RoleRecognizer(source: source)
    }

    mutating func convert(_ document: CmarkNode) -> DraftNode {
        convertBlock(document, quoteDepth: 0)
    }

    // MARK: - Blocks

    private mutating func convertBlock(_ node: CmarkNode, quoteDepth: Int) -> DraftNode {
        let bytes = blockBytes(node)
        switch node.kind {
        case .paragraph, .heading:
            let lastLine = node.end.column <= 0 ? node.end.line - 1 : node.end.line
            var positions = InlinePositionMapper(
                source: source, startLine: node.start.line, startColumn: node.start.column,
                lastLine: min(lastLine, source.lineCount), quoteDepth: quoteDepth)
            let kind: MarkdownNode.Kind = node.kind == .heading ? .heading(level: node.headingLevel) : .paragraph
            return DraftNode(kind, bytes: bytes, children: convertInlines(node.children, &positions, quoteDepth: quoteDepth))
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

    private mutating func convertInlines(_ nodes: [CmarkNode], _ positions: inout InlinePositionMapper, quoteDepth: Int) -> [DraftNode] {
        var items: [InlineItem] = []
        for node in nodes {
            switch node.kind {
            case .text:
                let bytes = trimmingTrailingSpace(positions.leafBytes(node) ?? here(positions), unlessIn: node.literal)
                items.append(contentsOf: restorer.split(text: node.literal, bytes: bytes))
            case .softBreak, .lineBreak:
                let line = items.last.map { source.line(ofOffset: max($0.bytes.lowerBound, $0.bytes.upperBound - 1)) } ?? positions.currentLine
                // From the end of the text before it (a hard break's spaces or
                // backslash included) to where the next line's text starts.
                let lineEnd = source.contentRange(ofLine: line).upperBound
                let start = min(items.last.map(\.bytes.upperBound) ?? lineEnd, lineEnd)
                let end = max(start, source.continuationStart(line: line + 1, quoteDepth: quoteDepth))
                items.append(.node(DraftNode(node.kind == .softBreak ? .softBreak : .lineBreak, bytes: start..<end)))
            case .code:
                let bytes = includingBackticks(positions.leafBytes(node) ?? here(positions))
                items.append(.node(DraftNode(.inlineCode(restorer.restore(node.literal)), bytes: bytes)))
            case .htmlInline:
                let bytes = positions.leafBytes(node) ?? here(positions)
                items.append(.node(DraftNode(.inlineHTML(restorer.restore(node.literal)), bytes: bytes)))
            case .emphasis, .strong, .link, .image:
                // Children first: they come before the destination in the source,
                // and the restorer hands out masked bytes in source order.
                let children = convertInlines(node.children, &positions, quoteDepth: quoteDepth)
                let kind: MarkdownNode.Kind
                switch node.kind {
                case .emphasis: kind = .emphasis
                case .strong: kind = .strong
                case .link: kind = .link(destination: restorer.restore(node.url), title: restorer.restore(node.title))
                default: kind = .image(source: restorer.restore(node.url), title: restorer.restore(node.title))
                }
                let bytes = containerBytes(node, children, end: positions.endOffset(node.end), fallback: here(positions))
                items.append(.node(DraftNode(kind, bytes: bytes, children: children)))
            default:
                break
            }
        }
        return roles.recognize(restorer.merge(items))
    }

    /// An empty range at the end of the last positioned node, for nodes that
    /// cmark gave no position.
    private func here(_ positions: InlinePositionMapper) -> Range<Int> {
        let offset = source.contentRange(ofLine: positions.currentLine).upperBound
        return offset..<offset
    }

    /// cmark's text ends include spaces it stripped before a line break.
    private func trimmingTrailingSpace(_ bytes: Range<Int>, unlessIn literal: String) -> Range<Int> {
        var end = min(bytes.upperBound, source.bytes.count)
        let keep = literal.utf8.reversed().prefix { $0.isSpaceOrTab }.count
        var trimmed = 0
        while end > bytes.lowerBound, source.bytes[end - 1].isSpaceOrTab {
            end -= 1
            trimmed += 1
        }
        return min(bytes.lowerBound, end)..<(end + min(keep, trimmed))
    }

    /// cmark positions a code span at its content; the range includes the backticks.
    private func includingBackticks(_ bytes: Range<Int>) -> Range<Int> {
        var start = bytes.lowerBound
        var end = bytes.upperBound
        while start > 0, source.bytes[start - 1] == .backtick { start -= 1 }
        while end < source.bytes.count, source.bytes[end] == .backtick { end += 1 }
        return start..<end
    }

    /// Emphasis, links and images: cmark's start may sit on the wrong line, so
    /// start from the first child, less the opening delimiter.
    private func containerBytes(_ node: CmarkNode, _ children: [DraftNode], end: Int?, fallback: Range<Int>) -> Range<Int> {
        let opener: Int
        switch node.kind {
        case .strong, .image: opener = 2
        default: opener = 1
        }
        let start = children.first.map { max(0, $0.bytes.lowerBound - opener) } ?? fallback.lowerBound
        return start..<max(start, end ?? fallback.upperBound)
    }
}
