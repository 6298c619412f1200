/// Which framework tab a run uses, and d2lbook's rules for what belongs to it.
///
/// d2l lessons hold the same code for several frameworks. A cell's `#@tab` line
/// names the tabs it belongs to (`#@tab pytorch`, `#@tab mxnet, pytorch`,
/// `#@tab all`); a `{.python .input}` cell without one belongs to the book's
/// default tab (the first of `tabs = …` in its `config.ini`); a plain `python`
/// cell without one belongs to every tab. Prose between `` :begin_tab:`x` `` and
/// `:end_tab:` belongs to tab x.
public struct TabSelection: Hashable, Sendable {
    /// The name that stands for every tab.
    public static let all = "all"

    /// The tab being run and shown (`pytorch`).
    public var tab: String
    /// The tab of d2lbook cells that carry no `#@tab` line.
    public var defaultTab: String

    public init(tab: String, defaultTab: String? = nil) {
        self.tab = tab
        self.defaultTab = defaultTab ?? tab
    }

    /// Whether a list of tab names (from `#@tab` or `:begin_tab:`) takes in this tab.
    public func includes(tabs names: [String]) -> Bool {
        names.contains(tab) || names.contains(TabSelection.all)
    }

    /// Whether a code cell runs under this tab.
    public func includes(_ cell: CodeCell) -> Bool {
        if let names = cell.tabs { return includes(tabs: names) }
        switch cell.kind {
        case .python: return true
        case .d2lbook: return defaultTab == tab
        }
    }

    /// Whether a block belongs to the run: its prose region, if any, takes in
    /// this tab and, for a code cell, the cell itself does too.
    public func includes(_ block: Block) -> Bool {
        if let region = block.tabRegion, !includes(tabs: region) { return false }
        if let cell = block.codeCell { return includes(cell) }
        return true
    }
}
