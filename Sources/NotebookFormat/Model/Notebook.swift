import Diagnostics

/// A parsed notebook: its source kept exactly, its front matter, and its blocks
/// in document order, plus every problem the parser found.
///
///     let notebook = try NotebookParser().parse(contentsOf: url)
///     for cell in notebook.codeCells where notebook.belongsToRun(cell) { … }
///
/// Parsing never fails on content: problems are `diagnostics` (several per
/// file), and the notebook holds whatever could be read.
public struct Notebook: Hashable, Sendable {
    /// The path it was read from, as given (used in every location).
    public var path: String
    /// The file's text, byte for byte (BOM and line endings included).
    public var source: String
    public var frontMatter: FrontMatter
    public var blocks: [Block]
    public var diagnostics: [Diagnostic]
    /// The tab this notebook runs under and the default tab of its d2lbook cells.
    public var tabSelection: TabSelection
    /// False when the file was not valid UTF-8: `source` is then a lossy copy
    /// and the notebook must not be written back.
    public var isSourceExact: Bool

    public init(
        path: String, source: String, frontMatter: FrontMatter = FrontMatter(), blocks: [Block] = [],
        diagnostics: [Diagnostic] = [], tabSelection: TabSelection = TabSelection(tab: "pytorch"),
        isSourceExact: Bool = true
    ) {
        self.path = path
        self.source = source
        self.frontMatter = frontMatter
        self.blocks = blocks
        self.diagnostics = diagnostics
        self.tabSelection = tabSelection
        self.isSourceExact = isSourceExact
    }

    // MARK: - What it holds

    /// All code cells in order (cell `index` is the position in this list + 1).
    public var codeCells: [CodeCell] { blocks.compactMap(\.codeCell) }

    public var directives: [Directive] { blocks.compactMap(\.directive) }

    /// Top-level headings in order.
    public var headings: [MarkdownNode] {
        blocks.compactMap(\.prose).filter { $0.headingLevel != nil }
    }

    /// The code cell with this 1-based index.
    public func codeCell(_ index: Int) -> CodeCell? {
        let cells = codeCells
        return cells.indices.contains(index - 1) ? cells[index - 1] : nil
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    // MARK: - The run

    /// Whether a block belongs to the run under the notebook's tab: the one
    /// question the runner and the site builder ask (see `TabSelection`).
    /// A cell with `#| eval: false` still belongs; the runner skips running it.
    public func belongsToRun(_ block: Block) -> Bool {
        tabSelection.includes(block)
    }

    /// Whether the code cell with this index belongs to the run.
    public func belongsToRun(_ cell: CodeCell) -> Bool {
        guard let block = blocks.first(where: { $0.codeCell?.index == cell.index }) else { return false }
        return belongsToRun(block)
    }

    /// The blocks of the run, in order.
    public var blocksInRun: [Block] { blocks.filter(belongsToRun) }

    /// The code cells of the run, in order.
    public var cellsInRun: [CodeCell] { blocksInRun.compactMap(\.codeCell) }
}
