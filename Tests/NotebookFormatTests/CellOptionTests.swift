import Diagnostics
import Testing

@testable import NotebookFormat

/// `#| key: value` lines, `#@tab` and `#@save`: what each header means, and
/// the diagnostic (with its column) for each mistake.
@Suite struct CellOptionTests {
    /// Parses a notebook with one cell whose source is `source`.
    private func cell(_ source: String) -> (CodeCell?, [Diagnostic]) {
        let notebook = NotebookParser().parse(source: "```python\n\(source)\n```\n", path: "c.md")
        return (notebook.codeCells.first, notebook.diagnostics)
    }

    @Test func defaultsWithoutOptions() throws {
        let (cell, diagnostics) = cell("x = 1")
        let parsed = try #require(cell)
        #expect(parsed.options == CellOptions())
        #expect(parsed.options.echo && parsed.options.output && parsed.options.eval && parsed.options.check == .exact)
        #expect(parsed.headerLineCount == 0 && parsed.tabs == nil && !parsed.saves)
        #expect(diagnostics.isEmpty)
    }

    @Test func everyKnownOption() throws {
        let (cell, diagnostics) = cell("""
            #| echo: false
            #| output: False
            #| eval: true
            #| raises: torch.cuda.OutOfMemoryError
            #| check: skip
            #| tolerance: 1e-4
            #| timeout: 30
            #| label: fig-loss
            #| caption: "训练损失: loss"
            x = 1
            """)
        let options = try #require(cell).options
        #expect(!options.echo && !options.output && options.eval)
        #expect(options.raises == "torch.cuda.OutOfMemoryError")
        #expect(options.check == .skip)
        #expect(options.tolerance == 1e-4 && options.timeout == 30)
        #expect(options.label == "fig-loss" && options.caption == "训练损失: loss")
        #expect(try #require(cell).headerLineCount == 9)
        #expect(try #require(cell).displaySource == "x = 1")
        #expect(diagnostics.isEmpty)
    }

    struct BadValue: Sendable, CustomTestStringConvertible {
        var line: String
        var message: String
        var column: Int
        var testDescription: String { line }
    }

    static let badValues: [BadValue] = [
        BadValue(line: "#| echo: maybe", message: "Cell option 'echo' must be true or false, not 'maybe'.", column: 10),
        BadValue(line: "#| eval:", message: "Cell option 'eval' must be true or false, not ''.", column: 9),
        BadValue(line: "#| check: fuzzy", message: "Cell option 'check' must be 'exact' or 'skip', not 'fuzzy'.", column: 11),
        BadValue(line: "#| tolerance: -1", message: "Cell option 'tolerance' must be a positive number, not '-1'.", column: 15),
        BadValue(line: "#| tolerance: 0", message: "Cell option 'tolerance' must be a positive number, not '0'.", column: 15),
        BadValue(line: "#| timeout: soon", message: "Cell option 'timeout' must be a positive number, not 'soon'.", column: 13),
        BadValue(line: "#| timeout: inf", message: "Cell option 'timeout' must be a positive number, not 'inf'.", column: 13),
        BadValue(line: "#| raises: Runtime Error", message: "Cell option 'raises' must be an exception class name such as RuntimeError, not 'Runtime Error'.", column: 12),
        BadValue(line: "#| raises: 1Error", message: "Cell option 'raises' must be an exception class name such as RuntimeError, not '1Error'.", column: 12),
        BadValue(line: "#| label: two words", message: "Cell option 'label' must be a name without spaces, such as 'fig-loss'.", column: 11),
        BadValue(line: "#|   no colon here", message: "A cell option line must read '#| key: value'.", column: 1),
    ]

    @Test(arguments: badValues)
    func badValuesAreErrorsAtTheValue(_ example: BadValue) throws {
        let (_, diagnostics) = cell(example.line + "\nx = 1")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == example.message)
        #expect(diagnostic.location == SourceLocation(file: "c.md", line: 2, column: example.column))
    }

    @Test func unknownKeyIsAWarningWithASuggestion() throws {
        let (cell, diagnostics) = cell("#| tolerence: 1e-3\n#| colour: red\nx = 1")
        #expect(diagnostics.map(\.description) == [
            "c.md:2:4: warning: Unknown cell option 'tolerence'. Did you mean 'tolerance'?",
            "c.md:3:4: warning: Unknown cell option 'colour'.",
        ])
        #expect(try #require(cell).options.tolerance == nil)
        #expect(try #require(cell).headerLineCount == 2)
    }

    @Test func repeatedKeyIsAnError() {
        let (_, diagnostics) = cell("#| echo: true\n#| echo: false\nx = 1")
        #expect(diagnostics.map(\.description) == ["c.md:3:4: error: Cell option 'echo' is given twice."])
    }

    @Test func optionsStopAtTheFirstOtherLine() throws {
        let (cell, diagnostics) = cell("#| echo: false\nx = 1\n#| eval: false")
        #expect(try #require(cell).options.eval == true)
        #expect(try #require(cell).headerLineCount == 1)
        #expect(diagnostics.isEmpty)
    }

    // MARK: - d2lbook marks

    static let tabLines: [(String, [String]?)] = [
        ("#@tab pytorch", ["pytorch"]),
        ("#@tab mxnet, pytorch, paddle", ["mxnet", "pytorch", "paddle"]),
        ("#@tab all", ["all"]),
    ]

    @Test(arguments: tabLines)
    func tabLineNamesTheCellsTabs(_ line: String, _ tabs: [String]?) throws {
        let (cell, diagnostics) = cell("\(line)\n#| check: skip\nx = 1")
        #expect(try #require(cell).tabs == tabs)
        #expect(try #require(cell).options.check == .skip)
        #expect(try #require(cell).displaySource == "x = 1")
        #expect(diagnostics.isEmpty)
    }

    @Test func emptyTabLineIsAnError() {
        let (_, diagnostics) = cell("#@tab\nx = 1")
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.location?.line == 2)
    }

    @Test(arguments: ["def corr2d(X, K):  #@save", "def corr2d(X, K):  # @save"])
    func saveMarkIsFound(_ line: String) throws {
        let (cell, _) = cell("\(line)\n    return X")
        #expect(try #require(cell).saves)
    }

    @Test func cellLocationsMapToNotebookLines() throws {
        let notebook = NotebookParser().parse(source: "# t\n\n  ```python\n  a = 1\n  b = c\n  ```\n", path: "n.md")
        let cell = try #require(notebook.codeCells.first)
        #expect(cell.firstSourceLine == 4)
        #expect(cell.source == "a = 1\nb = c")
        #expect(cell.location(line: 2, column: 5) == SourceLocation(file: "n.md", line: 5, column: 7))
    }
}
