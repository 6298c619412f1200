import Foundation
import Testing

@testable import NotebookFormat

/// Which cells and blocks belong to the run under a tab (d2lbook's rules).
@Suite struct TabSelectionTests {
    private func notebook(defaultTab: String? = nil, tab: String? = nil) throws -> Notebook {
        var text = try Fixtures.text("d2lbook/lesson.md")
        if let tab { text = "---\ntab: \(tab)\n---\n" + text }
        return NotebookParser(defaultTab: defaultTab).parse(source: text, path: "lesson.md")
    }

    @Test func configIniBesideTheNotebookGivesTheDefaultTab() throws {
        let notebook = try Fixtures.notebook("d2lbook/lesson.md")
        #expect(notebook.tabSelection == TabSelection(tab: "pytorch", defaultTab: "mxnet"))
        #expect(notebook.diagnostics.isEmpty)
        // Untagged d2lbook cell (mxnet's), pytorch, "mxnet, pytorch", tensorflow, all, plain python.
        #expect(notebook.codeCells.map(notebook.belongsToRun) == [false, true, true, false, true, true])
        #expect(notebook.cellsInRun.map(\.index) == [2, 3, 5, 6])
        #expect(notebook.codeCells[2].saves && notebook.codeCells[4].attributes == [CodeCell.Attribute(key: "n", value: "5")])
    }

    @Test func withoutConfigIniUntaggedCellsBelongToTheNotebooksTab() throws {
        let notebook = try notebook()
        #expect(notebook.tabSelection.defaultTab == "pytorch")
        #expect(notebook.codeCells.map(notebook.belongsToRun) == [true, true, true, false, true, true])
    }

    @Test func frontMatterPicksTheTab() throws {
        let notebook = try notebook(defaultTab: "mxnet", tab: "tensorflow")
        #expect(notebook.codeCells.map(notebook.belongsToRun) == [false, false, false, true, true, true])
        let prose = notebook.blocks.filter { $0.prose != nil }
        #expect(prose.map(notebook.belongsToRun) == [true, false, true, true, true])
    }

    @Test func proseRegionsCarryTheirTabs() throws {
        let notebook = try Fixtures.notebook("d2lbook/lesson.md")
        let prose = notebook.blocks.filter { $0.prose != nil }
        #expect(prose.map(\.tabRegion) == [nil, ["mxnet"], ["pytorch", "tensorflow"], ["pytorch", "tensorflow"], nil])
        #expect(prose.map(notebook.belongsToRun) == [true, false, true, true, true])
        #expect(notebook.blocksInRun.count == notebook.blocks.count - 3)
    }

    struct Rule: Sendable, CustomTestStringConvertible {
        var kind: CodeCell.Kind
        var tabs: [String]?
        var runsUnderPyTorch: Bool
        var testDescription: String { "\(kind) \(tabs ?? [])" }
    }

    static let rules: [Rule] = [
        Rule(kind: .python, tabs: nil, runsUnderPyTorch: true),
        Rule(kind: .d2lbook, tabs: nil, runsUnderPyTorch: false),
        Rule(kind: .d2lbook, tabs: ["all"], runsUnderPyTorch: true),
        Rule(kind: .python, tabs: ["mxnet"], runsUnderPyTorch: false),
        Rule(kind: .d2lbook, tabs: ["mxnet", "pytorch"], runsUnderPyTorch: true),
    ]

    @Test(arguments: rules)
    func cellRule(_ rule: Rule) {
        let fence = Fence(character: "`", length: 3, indent: 0, infoString: "python", openingLine: 1, closingLine: 3,
                          byteRange: 0..<10, bodyByteRange: 4..<6, range: .init(at: .init(file: "f", line: 1)))
        let cell = CodeCell(index: 1, kind: rule.kind, infoString: "python", source: "", firstSourceLine: 2, tabs: rule.tabs, fence: fence)
        #expect(TabSelection(tab: "pytorch", defaultTab: "mxnet").includes(cell) == rule.runsUnderPyTorch)
    }

    @Test func unbalancedRegionsAreReported() {
        let notebook = NotebookParser().parse(source: ":end_tab:\n\n:begin_tab:`pytorch`\nopen\n\n:begin_tab:\n", path: "t.md")
        #expect(notebook.diagnostics.map(\.description) == [
            "t.md:1:1: warning: ':end_tab:' closes no ':begin_tab:'.",
            "t.md:3:1: warning: This ':begin_tab:' region is never closed with ':end_tab:'.",
        ])
    }

    @Test func configIniParsing() {
        #expect(TabNames.defaultTab(configText: "[build]\ntabs = mxnet, pytorch\n") == "mxnet")
        #expect(TabNames.defaultTab(configText: "[build]\n  tabs=pytorch\n") == "pytorch")
        #expect(TabNames.defaultTab(configText: "[build]\nnotabs = x\n") == nil)
    }
}
