/// Protects math from Markdown: finds the inline text of every paragraph and
/// heading in a first cmark parse, finds math in it (`MathScanner`), and masks
/// each span with a filler byte of the same length, so that a second parse sees
/// the same blocks and positions but no TeX.
struct MathMasker {
    let source: SourceText

    struct Result {
        /// The bytes for the second cmark pass (without the BOM, like the first).
        var buffer: [UInt8]
        var spans: [MathSpan]
        var filler: UInt8
    }

    /// Control characters that CommonMark treats as ordinary text (neither
    /// whitespace nor punctuation), so a masked span reads as one word.
    static let fillerCandidates: [UInt8] = Array(0x01...0x08) + Array(0x0E...0x1F)

    /// The masked buffer, or nil when the prose holds no math (or when every
    /// filler candidate occurs in the file, which no real notebook does).
    func mask(buffer: [UInt8], firstPass document: CmarkNode) -> Result? {
        var present = [Bool](repeating: false, count: 256)
        for byte in source.bytes { present[Int(byte)] = true }
        guard let filler = Self.fillerCandidates.first(where: { !present[Int($0)] }) else { return nil }
        let scanner = MathScanner(bytes: source.bytes)
        var spans: [MathSpan] = []
        var pending: [(node: CmarkNode, quoteDepth: Int)] = [(document, 0)]
        while let (node, quoteDepth) = pending.popLast() {
            switch node.kind {
            case .paragraph:
                spans += scanner.spans(in: paragraphRegion(node, quoteDepth: quoteDepth))
            case .heading:
                spans += scanner.spans(in: headingRegion(node, quoteDepth: quoteDepth))
            default:
                let depth = node.kind == .blockQuote ? quoteDepth + 1 : quoteDepth
                pending += node.children.reversed().map { ($0, depth) }
            }
        }
        guard !spans.isEmpty else { return nil }
        var masked = buffer
        for span in spans {
            for piece in span.pieces {
                for offset in piece where offset - source.bomLength >= 0 && offset - source.bomLength < masked.count {
                    masked[offset - source.bomLength] = filler
                }
            }
        }
        return Result(buffer: masked, spans: spans.sorted { $0.byteRange.lowerBound < $1.byteRange.lowerBound }, filler: filler)
    }

    // MARK: - Regions

    /// The last line a block covers: cmark's end column 0 means "ended with the line before".
    private func lastLine(of node: CmarkNode) -> Int {
        min(node.end.column <= 0 ? node.end.line - 1 : node.end.line, source.lineCount)
    }

    private func paragraphRegion(_ node: CmarkNode, quoteDepth: Int) -> MathScanner.Region {
        var region = lines(from: node.start.line, through: lastLine(of: node), startColumn: node.start.column, quoteDepth: quoteDepth)
        // Link reference definitions at the top of a paragraph are not prose.
        while let first = region.first, isReferenceDefinition(first) { region.removeFirst() }
        return region
    }

    private func headingRegion(_ node: CmarkNode, quoteDepth: Int) -> MathScanner.Region {
        // An ATX heading is one line; a setext heading has its underline below.
        if lastLine(of: node) <= node.start.line {
            return lines(from: node.start.line, through: node.start.line, startColumn: node.start.column, quoteDepth: quoteDepth)
        }
        // Setext: the text lines, without the `===`/`---` underline.
        let underline = lastLine(of: node)
        return lines(from: node.start.line, through: underline - 1, startColumn: node.start.column, quoteDepth: quoteDepth)
    }

    private func lines(from first: Int, through last: Int, startColumn: Int, quoteDepth: Int) -> MathScanner.Region {
        guard first >= 1, last >= first else { return [] }
        return (first...last).map { line in
            let content = source.contentRange(ofLine: line)
            let start = line == first
                ? source.offset(line: line, byteColumn: startColumn)
                : source.continuationStart(line: line, quoteDepth: quoteDepth)
            return min(start, content.upperBound)..<content.upperBound
        }
    }

    /// `[label]: destination` at the start of a line.
    private func isReferenceDefinition(_ line: Range<Int>) -> Bool {
        let bytes = source.bytes[line]
        guard bytes.first == UInt8(ascii: "[") else { return false }
        guard let close = bytes.firstIndex(of: UInt8(ascii: "]")), close > line.lowerBound + 1 else { return false }
        let after = close + 1
        return after < line.upperBound && source.bytes[after] == UInt8(ascii: ":")
    }
}
