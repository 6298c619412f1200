/// Turns cmark's inline positions in one paragraph or heading into byte offsets.
///
/// cmark keeps the paragraph's text as one buffer (each line from where its
/// text starts, line endings included) and reports an inline position as a
/// line and `startColumn + distance from where that line's text starts`.
/// Two things make the report drift from the source:
/// - it counts a line only at a soft break or a two-space hard break; a line
///   ending inside a code span, a raw HTML tag or after a backslash hard break
///   is not counted, and the columns that follow run on past the line's end;
/// - it gives breaks no position.
///
/// The mapper follows the same buffer: it keeps which source line cmark's
/// current line really is, and maps (line, column) to the buffer and back to
/// the source, so that overflowing columns land on the right later line.
struct InlinePositionMapper {
    private let source: SourceText
    private let startLine: Int
    private let startColumn: Int
    /// One segment per line of the block: where its text starts in the source and
    /// where it starts in cmark's buffer.
    private var segments: [(sourceStart: Int, sourceEnd: Int, bufferStart: Int)] = []
    /// cmark's current line and the source line it really is.
    private var reportedLine: Int
    private var actualLine: Int
    /// The source line on which the last positioned node ended.
    private var lastEndLine: Int

    init(source: SourceText, startLine: Int, startColumn: Int, lastLine: Int, quoteDepth: Int) {
        self.source = source
        self.startLine = startLine
        self.startColumn = startColumn
        reportedLine = startLine
        actualLine = startLine
        lastEndLine = startLine
        var bufferStart = 0
        for line in startLine...max(startLine, lastLine) {
            let start = line == startLine
                ? source.offset(line: line, byteColumn: startColumn)
                : source.continuationStart(line: line, quoteDepth: quoteDepth)
            let end = max(start, source.fullRange(ofLine: line).upperBound)
            segments.append((start, end, bufferStart))
            bufferStart += end - start
        }
    }

    /// The byte range of a leaf inline (text, code, HTML) from cmark's start and
    /// inclusive end; also records where it ended, for the lines that follow.
    mutating func leafBytes(_ node: CmarkNode) -> Range<Int>? {
        guard node.start.isKnown else { return nil }
        if node.start.line != reportedLine {
            // cmark counted a line ending: its new line is the one after where
            // the last node ended.
            actualLine = lastEndLine + (node.start.line - reportedLine)
            reportedLine = node.start.line
        }
        let start = offset(line: node.start.line, column: node.start.column)
        // cmark widens each NUL byte to U+FFFD, so clamp: positions after one may run past the end.
        let end = min(max(start, offset(line: node.end.line, column: node.end.column) + 1), max(start, source.bytes.count))
        lastEndLine = source.line(ofOffset: max(start, end - 1))
        return start..<end
    }

    /// The byte offset of an end position reported for a container (the end
    /// of an emphasis, link or image) after its children were positioned.
    func endOffset(_ position: CmarkNode.Position) -> Int? {
        guard position.isKnown else { return nil }
        return min(offset(line: position.line, column: position.column) + 1, source.bytes.count)
    }

    /// The line on which the last positioned node ended.
    var currentLine: Int { lastEndLine }

    // MARK: - Buffer

    private func offset(line: Int, column: Int) -> Int {
        guard let last = segments.last else { return source.offset(line: line, byteColumn: column) }
        let segmentIndex = min(max(actualLine + (line - reportedLine) - startLine, 0), segments.count - 1)
        let bufferIndex = max(0, segments[segmentIndex].bufferStart + column - startColumn)
        // The segment that holds the buffer index (the last one when past the end).
        var low = 0
        var high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].bufferStart <= bufferIndex { low = mid } else { high = mid - 1 }
        }
        let segment = segments[low]
        let offset = segment.sourceStart + bufferIndex - segment.bufferStart
        return min(offset, low == segments.count - 1 ? last.sourceEnd : segment.sourceEnd)
    }
}
