/// Writes the bytes of output fences in a file's own style (its line endings,
/// the fence's character and indentation), for `OutputRewriter`.
struct FenceWriter {
    let source: SourceText

    private var newline: String { source.newline }

    // MARK: - Replace

    /// New body text for an existing fence. The fence is lengthened when the text
    /// holds a run of its character as long as the fence (so the text cannot
    /// close it early), and closed when it ran to the end of the file.
    func replacingBody(of fence: Fence, with text: String) -> ByteReplacement {
        let character = fence.character
        let length = max(fence.length, longestRun(of: character, in: text) + 1)
        let body = bodyText(text, indent: fence.indent)
        if length == fence.length, fence.isClosed {
            return ByteReplacement(range: fence.bodyByteRange, replacement: body)
        }
        let marker = String(repeating: String(character), count: length)
        let indent = String(repeating: " ", count: fence.indent)
        // Keep whatever follows the fence characters on the opening line (the info string).
        let opening = source.contentRange(ofLine: fence.openingLine)
        let afterMarker = source.string((opening.lowerBound + fence.indent + fence.length)..<opening.upperBound)
        var replacement = indent + marker + afterMarker + newline + body + indent + marker
        if !fence.isClosed, let last = source.bytes.last, last == .lineFeed || last == .carriageReturn {
            replacement += newline
        }
        return ByteReplacement(range: fence.byteRange.lowerBound..<(fence.isClosed ? fence.byteRange.upperBound : source.bytes.count), replacement: replacement)
    }

    // MARK: - Insert

    /// A new ```` ```output ```` fence after a cell's closing fence, with one blank
    /// line before it. A file without a final line ending keeps having none.
    func insertingOutput(_ text: String, after cell: Fence) -> ByteReplacement? {
        guard let closing = cell.closingLine else { return nil }
        let content = source.contentRange(ofLine: closing)
        let full = source.fullRange(ofLine: closing)
        let marker = String(repeating: "`", count: max(3, longestRun(of: "`", in: text) + 1))
        let fence = marker + "output" + newline + bodyText(text, indent: 0) + marker
        if full.upperBound > content.upperBound {
            return ByteReplacement(range: full.upperBound..<full.upperBound, replacement: newline + fence + newline)
        }
        return ByteReplacement(range: content.upperBound..<content.upperBound, replacement: newline + newline + fence)
    }

    // MARK: - Remove

    /// Removes an output fence and the blank lines between it and its cell.
    func removing(_ output: Fence, after cell: Fence) -> ByteReplacement? {
        guard let cellClosing = cell.closingLine else { return nil }
        let endsWithLineEnding: Bool
        let end: Int
        if let closing = output.closingLine {
            let full = source.fullRange(ofLine: closing)
            end = full.upperBound
            endsWithLineEnding = full.upperBound > source.contentRange(ofLine: closing).upperBound
        } else {
            end = source.bytes.count
            endsWithLineEnding = source.bytes.last.map { $0 == .lineFeed || $0 == .carriageReturn } ?? false
        }
        // Without a final line ending after the output, the cell's closing
        // fence becomes the last line and gives up its line ending too.
        let start = endsWithLineEnding
            ? source.fullRange(ofLine: cellClosing).upperBound
            : source.contentRange(ofLine: cellClosing).upperBound
        return ByteReplacement(range: start..<max(start, end), replacement: "")
    }

    // MARK: - Text

    /// The body for `text`: each line indented like the fence, in the file's
    /// line endings, each ending with one; empty text gives an empty body.
    private func bodyText(_ text: String, indent: Int) -> String {
        guard !text.isEmpty else { return "" }
        let prefix = String(repeating: " ", count: indent)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : prefix + $0 }
            .joined(separator: newline) + newline
    }

    private func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0
        var current = 0
        for scalar in text.unicodeScalars {
            if Character(scalar) == character {
                current += 1
                longest = max(longest, current)
            } else {
                current = 0
            }
        }
        return longest
    }
}
