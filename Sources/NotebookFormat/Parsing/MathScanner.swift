/// One `$…$` or `$$…$$` span found in prose.
struct MathSpan: Equatable {
    enum Style: Equatable {
        case inline
        case display
    }

    var style: Style
    /// The TeX between the delimiters; lines joined with `\n`, container prefixes
    /// (`> `, list indentation) of continuation lines left out.
    var tex: String
    /// The source bytes the span covers, one range per line (delimiters included,
    /// line endings and continuation prefixes excluded).
    var pieces: [Range<Int>]
    /// From the opening delimiter to the end of the closing one.
    var byteRange: Range<Int>
}

/// Finds TeX math in the inline content of paragraphs and headings.
///
/// Math must reach the TeX untouched, but cmark would read `_`, `*` and `\` in
/// it as Markdown. So the parser finds math first, here, and replaces each span
/// with inert bytes of the same length before cmark sees the text (see
/// `MathRestorer`). Block structure comes from a first cmark pass, so math is
/// looked for only where inline text is (never in code blocks or HTML blocks),
/// and a `$$…$$` may span the lines of one paragraph but never leave it.
///
/// Rules (Pandoc's): `\$` is a literal dollar; nothing inside a code span,
/// raw HTML tag or autolink is math; an opening `$` must be followed by a
/// non-space, a closing `$` preceded by a non-space and not followed by a digit
/// (so `$5 and $6` stays text); inline math stays on one line; `$$` opens
/// display math that ends at the next `$$`.
struct MathScanner {
    /// The inline content of one paragraph or heading: one byte range per line.
    typealias Region = [Range<Int>]

    let bytes: [UInt8]

    func spans(in region: Region) -> [MathSpan] {
        // Flatten the region's lines into one buffer joined by `\n`, remembering
        // the source offset of every byte (-1 for the joining newlines).
        var text: [UInt8] = []
        var offsets: [Int] = []
        for (index, line) in region.enumerated() {
            if index > 0 {
                text.append(.lineFeed)
                offsets.append(-1)
            }
            for offset in line where offset >= 0 && offset < bytes.count {
                text.append(bytes[offset])
                offsets.append(offset)
            }
        }
        var result: [MathSpan] = []
        var htmlMemo = InlineHTMLMatcher.Memo()
        let runs = backtickRuns(in: text)
        var index = 0
        while index < text.count {
            switch text[index] {
            case .backslash:
                index += index + 1 < text.count && text[index + 1].isASCIIPunctuation ? 2 : 1
            case .backtick:
                index = endOfCodeSpan(in: text, at: index, runs: runs)
            case .lessThan:
                index = InlineHTMLMatcher.end(in: text, at: index, memo: &htmlMemo) ?? index + 1
            case .dollar:
                if let (span, end) = math(in: text, offsets: offsets, at: index) {
                    result.append(span)
                    index = end
                } else {
                    index += index + 1 < text.count && text[index + 1] == .dollar ? 2 : 1
                }
            default:
                index += 1
            }
        }
        return result
    }

    // MARK: - Code spans

    /// Where each backtick run of the region starts, by run length: a run closes
    /// only with the next run of the same length (CommonMark), so finding the
    /// closer is a search in one sorted list, not a scan of the text.
    private func backtickRuns(in text: [UInt8]) -> [Int: [Int]] {
        var runs: [Int: [Int]] = [:]
        var index = 0
        while index < text.count {
            // Every run is listed, escaped or not: inside a code span a backslash
            // is literal, so `\`` after an opening backtick does close it.
            guard text[index] == .backtick else {
                index += 1
                continue
            }
            let start = index
            while index < text.count, text[index] == .backtick { index += 1 }
            runs[index - start, default: []].append(start)
        }
        return runs
    }

    /// Past the code span that starts at `start`, or past the backtick run when
    /// it opens no code span.
    private func endOfCodeSpan(in text: [UInt8], at start: Int, runs: [Int: [Int]]) -> Int {
        var length = 0
        while start + length < text.count, text[start + length] == .backtick { length += 1 }
        let starts = runs[length] ?? []
        // The first run of the same length that starts after this one.
        var low = 0
        var high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] <= start { low = mid + 1 } else { high = mid }
        }
        return low < starts.count ? starts[low] + length : start + length
    }

    // MARK: - Math

    /// The span that opens at `start` (a `$`) and the index after it, or nil when
    /// this dollar opens no math.
    private func math(in text: [UInt8], offsets: [Int], at start: Int) -> (MathSpan, Int)? {
        let isDisplay = start + 1 < text.count && text[start + 1] == .dollar
        let delimiter = isDisplay ? 2 : 1
        let contentStart = start + delimiter
        guard contentStart < text.count else { return nil }
        if !isDisplay, text[contentStart].isMarkdownWhitespace { return nil }

        var index = contentStart
        var closing: Int?
        while index < text.count {
            let byte = text[index]
            if !isDisplay, byte == .lineFeed { return nil }
            if byte == .backslash {
                // `\$` escapes the dollar for TeX; never step over a line ending.
                let next = index + 1 < text.count ? text[index + 1] : .lineFeed
                index += next == .lineFeed ? 1 : 2
                continue
            }
            if byte == .dollar {
                if isDisplay {
                    // A lone `$` inside display math is TeX's business.
                    guard index + 1 < text.count, text[index + 1] == .dollar else {
                        index += 1
                        continue
                    }
                    closing = index
                } else {
                    let precededBySpace = text[index - 1].isMarkdownWhitespace
                    let followedByDigit = index + 1 < text.count && text[index + 1].isASCIIDigit
                    guard !precededBySpace, !followedByDigit else { return nil }
                    closing = index
                }
                break
            }
            index += 1
        }
        guard let closing else { return nil }
        let content = Array(text[contentStart..<closing])
        if isDisplay, content.allSatisfy(\.isMarkdownWhitespace) { return nil }
        let end = closing + delimiter
        let pieces = sourcePieces(offsets[start..<end])
        guard let first = pieces.first, let last = pieces.last else { return nil }
        let span = MathSpan(
            style: isDisplay ? .display : .inline,
            tex: String(decoding: content, as: UTF8.self),
            pieces: pieces,
            byteRange: first.lowerBound..<last.upperBound
        )
        return (span, end)
    }

    /// Groups source offsets into contiguous ranges, splitting at joining newlines.
    private func sourcePieces(_ offsets: ArraySlice<Int>) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var current: Range<Int>?
        for offset in offsets {
            if offset < 0 {
                if let piece = current { pieces.append(piece) }
                current = nil
            } else if let piece = current, piece.upperBound == offset {
                current = piece.lowerBound..<(offset + 1)
            } else {
                if let piece = current { pieces.append(piece) }
                current = offset..<(offset + 1)
            }
        }
        if let piece = current { pieces.append(piece) }
        return pieces
    }
}
