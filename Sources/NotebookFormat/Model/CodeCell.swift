import Diagnostics

/// A fenced block that litbook runs: info string `python`, or d2lbook's
/// `{.python .input}` (with extra attributes such as `n=3`).
///
/// Only fences at the top level of the document are cells (like a Jupyter
/// notebook's cells); a fence inside a list item or block quote is shown code.
///
/// `source` is the cell exactly as written, option lines included: they are
/// Python comments, so the interpreter can run the source as it is and its line
/// numbers match the notebook's (`location(line:column:)`).
public struct CodeCell: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// ```` ```python ````.
        case python
        /// d2lbook's ```` ```{.python .input} ````: without a `#@tab` line such a
        /// cell belongs to the book's default tab, not to every tab.
        case d2lbook
    }

    /// 1-based position among the notebook's code cells ("cell 3").
    public var index: Int
    public var kind: Kind
    public var infoString: String
    /// `key=value` attributes of a d2lbook info string (`n=3`), in order.
    public var attributes: [Attribute]
    /// The cell's text with `\n` line endings and no final line ending.
    public var source: String
    /// The notebook line of the source's first line.
    public var firstSourceLine: Int
    public var options: CellOptions
    /// Leading lines that are options or a `#@tab` line (hidden on the page).
    public var headerLineCount: Int
    /// Tab names from a `#@tab` line (`["mxnet", "pytorch"]`, `["all"]`), nil without one.
    public var tabs: [String]?
    /// Whether a `#@save` mark appears: the cell defines something later notebooks reach as `d2l.NAME`.
    public var saves: Bool
    /// The ```` ```output ```` fence that follows the cell, if any.
    public var output: RecordedOutput?
    public var fence: Fence

    public struct Attribute: Hashable, Sendable {
        public var key: String
        public var value: String

        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    public init(
        index: Int, kind: Kind, infoString: String, attributes: [Attribute] = [], source: String,
        firstSourceLine: Int, options: CellOptions = CellOptions(), headerLineCount: Int = 0, tabs: [String]? = nil,
        saves: Bool = false, output: RecordedOutput? = nil, fence: Fence
    ) {
        self.index = index
        self.kind = kind
        self.infoString = infoString
        self.attributes = attributes
        self.source = source
        self.firstSourceLine = firstSourceLine
        self.options = options
        self.headerLineCount = headerLineCount
        self.tabs = tabs
        self.saves = saves
        self.output = output
        self.fence = fence
    }

    public var range: SourceRange { fence.range }

    /// The source without its option and `#@tab` lines: what the page shows.
    public var displaySource: String {
        source.split(separator: "\n", omittingEmptySubsequences: false)
            .dropFirst(headerLineCount)
            .joined(separator: "\n")
    }

    /// The notebook location of a position in the cell's source (1-based line
    /// and column within `source`), for errors raised while running it.
    public func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(file: range.file, line: firstSourceLine + max(line, 1) - 1, column: max(column, 1) + fence.indent)
    }
}
