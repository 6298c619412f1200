import Diagnostics

/// Where a fenced block sits in its file, byte by byte: what the writer needs to
/// replace a body, lengthen a fence or remove the block without touching any
/// other byte. Ranges are offsets into the notebook's UTF-8 source.
public struct Fence: Hashable, Sendable {
    /// `` ` `` or `~`.
    public var character: Character
    /// How many fence characters open the block (at least 3).
    public var length: Int
    /// Spaces before the opening fence (0–3); cmark strips as many from body lines.
    public var indent: Int
    /// The info string as cmark read it (`python`, `output`, `{.python .input}`).
    public var infoString: String
    /// Line of the opening fence (1-based).
    public var openingLine: Int
    /// Line of the closing fence, nil when the block runs to the end of the file.
    public var closingLine: Int?
    /// From the first byte of the opening line to the end of the closing line,
    /// without the closing line's line ending (to the end of file when unclosed).
    public var byteRange: Range<Int>
    /// The body: from the start of the line after the opening fence to the start
    /// of the closing fence line (to the end of file when unclosed).
    public var bodyByteRange: Range<Int>
    /// The whole block as a source range.
    public var range: SourceRange

    public var isClosed: Bool { closingLine != nil }

    /// The first body line (1-based), whether or not the body is empty.
    public var firstBodyLine: Int { openingLine + 1 }

    public init(
        character: Character, length: Int, indent: Int, infoString: String, openingLine: Int, closingLine: Int?,
        byteRange: Range<Int>, bodyByteRange: Range<Int>, range: SourceRange
    ) {
        self.character = character
        self.length = length
        self.indent = indent
        self.infoString = infoString
        self.openingLine = openingLine
        self.closingLine = closingLine
        self.byteRange = byteRange
        self.bodyByteRange = bodyByteRange
        self.range = range
    }
}
