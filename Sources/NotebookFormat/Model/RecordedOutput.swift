import Diagnostics

/// The text of an ```` ```output ```` fence that directly follows a code cell:
/// what the cell printed when the notebook was last recorded.
public struct RecordedOutput: Hashable, Sendable {
    /// The fence's body exactly (tabs, trailing spaces, any script), with line
    /// endings as `\n` and without the line ending before the closing fence.
    public var text: String
    /// Where the fence is, for rewriting it.
    public var fence: Fence

    public init(text: String, fence: Fence) {
        self.text = text
        self.fence = fence
    }

    /// The line of the opening ```` ```output ```` fence.
    public var line: Int { fence.openingLine }
    public var range: SourceRange { fence.range }
    public var bodyByteRange: Range<Int> { fence.bodyByteRange }
    public var fenceByteRange: Range<Int> { fence.byteRange }
}
