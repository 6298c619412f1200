import Diagnostics

/// The bytes of one notebook with a table of its lines.
///
/// cmark reports positions as (line, byte column) and the writer works on byte
/// offsets, while diagnostics want columns in Unicode scalars (notebooks are full
/// of Chinese): this is the one place that converts between the three. A UTF-8
/// byte-order mark is kept in `bytes` but is not part of line 1, so the first
/// character of the file is at column 1 either way.
struct SourceText {
    let path: String
    let bytes: [UInt8]
    /// 3 when the file starts with a UTF-8 byte-order mark, else 0.
    let bomLength: Int
    /// Byte offset of the first byte of each line; line 1 starts after the BOM.
    let lineStarts: [Int]

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        bomLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var starts = [bomLength]
        var index = bomLength
        while index < bytes.count {
            let byte = bytes[index]
            if byte == .lineFeed {
                starts.append(index + 1)
            } else if byte == .carriageReturn {
                // CR LF is one line ending; a lone CR is one too (CommonMark).
                if index + 1 < bytes.count, bytes[index + 1] == .lineFeed { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        // A final line ending does not open another line.
        if starts.count > 1, starts.last == bytes.count { starts.removeLast() }
        lineStarts = starts
    }

    var lineCount: Int { lineStarts.count }

    // MARK: - Lines

    /// The bytes of line `line` (1-based) without its line ending; empty past the end.
    func contentRange(ofLine line: Int) -> Range<Int> {
        guard line >= 1, line <= lineCount else { return bytes.count..<bytes.count }
        let start = lineStarts[line - 1]
        var end = line < lineCount ? lineStarts[line] : bytes.count
        if end > start, bytes[end - 1] == .lineFeed { end -= 1 }
        if end > start, bytes[end - 1] == .carriageReturn { end -= 1 }
        return start..<end
    }

    /// The bytes of line `line` including its line ending, if it has one.
    func fullRange(ofLine line: Int) -> Range<Int> {
        guard line >= 1, line <= lineCount else { return bytes.count..<bytes.count }
        let start = lineStarts[line - 1]
        return start..<(line < lineCount ? lineStarts[line] : bytes.count)
    }

    func text(ofLine line: Int) -> String { string(contentRange(ofLine: line)) }

    func string(_ range: Range<Int>) -> String {
        let clamped = range.clamped(to: 0..<bytes.count)
        return String(decoding: bytes[clamped], as: UTF8.self)
    }

    /// The line ending the file uses: that of its first line, `\n` when it has none.
    var newline: String {
        let ending = lineEnding(ofLine: 1)
        return ending.isEmpty ? "\n" : ending
    }

    func lineEnding(ofLine line: Int) -> String {
        let full = fullRange(ofLine: line)
        let content = contentRange(ofLine: line)
        return string(content.upperBound..<full.upperBound)
    }

    /// Whether the line holds only spaces and tabs.
    func isBlank(line: Int) -> Bool {
        bytes[contentRange(ofLine: line)].allSatisfy { $0 == .space || $0 == .tab }
    }

    /// Where the text of a paragraph's continuation line starts: after up to
    /// `quoteDepth` block-quote markers and the indentation around them (what
    /// cmark strips before it reads the line's inlines).
    func continuationStart(line: Int, quoteDepth: Int) -> Int {
        let content = contentRange(ofLine: line)
        var index = content.lowerBound
        var markers = quoteDepth
        while true {
            while index < content.upperBound, bytes[index].isSpaceOrTab { index += 1 }
            guard markers > 0, index < content.upperBound, bytes[index] == .greaterThan else { break }
            index += 1
            markers -= 1
        }
        return index
    }

    // MARK: - Positions

    /// The byte offset of a cmark position: 1-based line and 1-based byte column.
    /// Column 0 means the start of the line; positions past the end clamp to it.
    func offset(line: Int, byteColumn: Int) -> Int {
        guard line >= 1 else { return bomLength }
        guard line <= lineCount else { return bytes.count }
        let start = lineStarts[line - 1]
        let limit = line < lineCount ? lineStarts[line] : bytes.count
        return min(max(start, start + byteColumn - 1), limit)
    }

    /// The line (1-based) that holds the byte at `offset`.
    func line(ofOffset offset: Int) -> Int {
        var low = 0
        var high = lineCount - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// The location of a byte offset, with the column counted in Unicode scalars.
    func location(ofOffset offset: Int) -> SourceLocation {
        let clamped = min(max(offset, bomLength), bytes.count)
        let line = line(ofOffset: clamped)
        var column = 1
        for byte in bytes[lineStarts[line - 1]..<clamped] where byte & 0xC0 != 0x80 {
            column += 1
        }
        return SourceLocation(file: path, line: line, column: column)
    }

    func range(_ bytes: Range<Int>) -> SourceRange {
        SourceRange(start: location(ofOffset: bytes.lowerBound), end: location(ofOffset: bytes.upperBound))
    }

    /// A location from a line and a byte column within it.
    func location(line: Int, byteColumn: Int) -> SourceLocation {
        location(ofOffset: offset(line: line, byteColumn: byteColumn))
    }
}

// MARK: - Byte names

extension UInt8 {
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let backslash = UInt8(ascii: "\\")
    static let backtick = UInt8(ascii: "`")
    static let tilde = UInt8(ascii: "~")
    static let dollar = UInt8(ascii: "$")
    static let lessThan = UInt8(ascii: "<")
    static let greaterThan = UInt8(ascii: ">")

    var isASCIIPunctuation: Bool {
        (0x21...0x2F).contains(self) || (0x3A...0x40).contains(self) || (0x5B...0x60).contains(self)
            || (0x7B...0x7E).contains(self)
    }

    var isASCIIDigit: Bool { (0x30...0x39).contains(self) }
    var isASCIILetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
    var isSpaceOrTab: Bool { self == .space || self == .tab }
    /// CommonMark's whitespace: space, tab, line endings, form feed, vertical tab.
    var isMarkdownWhitespace: Bool { self == .space || self == .tab || self == .lineFeed || self == .carriageReturn || self == 0x0B || self == 0x0C }
}
