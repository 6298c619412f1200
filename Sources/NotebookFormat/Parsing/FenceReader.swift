import Diagnostics

/// Reads a fenced code block's fence lines and body from the source, byte for
/// byte (cmark's literal has the text but not where each byte came from).
struct FenceReader {
    let source: SourceText

    /// One line of a fence's body.
    struct BodyLine {
        /// The notebook line number.
        var line: Int
        /// The text without its line ending and without the fence's indentation.
        var text: String
        /// Byte offset where `text` starts.
        var offset: Int
    }

    /// The fence of a code block cmark reported from `startLine` to its end
    /// position, or nil when the block is indented code rather than fenced.
    func fence(startLine: Int, endLine: Int, endColumn: Int, infoString: String) -> Fence? {
        let opening = source.contentRange(ofLine: startLine)
        let bytes = source.bytes
        var index = opening.lowerBound
        while index < opening.upperBound, bytes[index] == .space, index - opening.lowerBound < 3 { index += 1 }
        let indent = index - opening.lowerBound
        guard index < opening.upperBound, bytes[index] == .backtick || bytes[index] == .tilde else { return nil }
        let character = bytes[index]
        var length = 0
        while index < opening.upperBound, bytes[index] == character {
            length += 1
            index += 1
        }
        guard length >= 3 else { return nil }

        let lastLine = min(endColumn <= 0 ? endLine - 1 : endLine, source.lineCount)
        let closingLine = lastLine > startLine && isClosingFence(line: lastLine, character: character, length: length) ? lastLine : nil
        let start = source.fullRange(ofLine: startLine).lowerBound
        let bodyStart = source.fullRange(ofLine: startLine).upperBound
        let end = closingLine.map { source.contentRange(ofLine: $0).upperBound } ?? bytes.count
        let bodyEnd = closingLine.map { source.fullRange(ofLine: $0).lowerBound } ?? bytes.count
        return Fence(
            character: Character(Unicode.Scalar(character)), length: length, indent: indent, infoString: infoString,
            openingLine: startLine, closingLine: closingLine, byteRange: start..<end,
            bodyByteRange: bodyStart..<max(bodyStart, bodyEnd), range: source.range(start..<end)
        )
    }

    /// CommonMark: up to three spaces, at least as many fence characters as the
    /// opening fence, then only spaces or tabs.
    private func isClosingFence(line: Int, character: UInt8, length: Int) -> Bool {
        let content = source.bytes[source.contentRange(ofLine: line)]
        let afterIndent = content.drop { $0 == .space }
        guard content.count - afterIndent.count <= 3 else { return false }
        let run = afterIndent.prefix { $0 == character }
        return run.count >= length && afterIndent.dropFirst(run.count).allSatisfy(\.isSpaceOrTab)
    }

    /// The body's lines, each without up to `indent` leading spaces (as cmark
    /// reads them).
    func bodyLines(of fence: Fence) -> [BodyLine] {
        let lastLine = fence.closingLine.map { $0 - 1 } ?? source.lineCount
        guard lastLine > fence.openingLine else { return [] }
        return ((fence.openingLine + 1)...lastLine).map { line in
            let content = source.contentRange(ofLine: line)
            var start = content.lowerBound
            while start < content.upperBound, source.bytes[start] == .space, start - content.lowerBound < fence.indent { start += 1 }
            return BodyLine(line: line, text: source.string(start..<content.upperBound), offset: start)
        }
    }

    /// The body as one string with `\n` line endings and no final line ending.
    func bodyText(of fence: Fence) -> String {
        bodyLines(of: fence).map(\.text).joined(separator: "\n")
    }
}
