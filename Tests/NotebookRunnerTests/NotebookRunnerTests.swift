import Diagnostics
import NotebookFormat
import Testing

@testable import NotebookRunner

/// Runs a notebook given as text.
func run(_ source: String, path: String = "lesson.md", timeout: Double = 60) -> ExecutedNotebook {
    let notebook = NotebookParser().parse(source: source, path: path)
    return NotebookRunner(options: RunOptions(defaultTimeout: timeout)).run(notebook)
}

/// A notebook of ```python cells, each followed by nothing else.
func notebook(_ cells: String...) -> String {
    cells.map { "```python\n\($0)\n```\n" }.joined(separator: "\n")
}

@Suite struct CellRunningTests {
    @Test func cellsShareOneNamespaceAndShowTheirLastValue() {
        let executed = run(notebook("x = 6\nprint('six')", "x * 7", "None"))
        #expect(executed.cells.map(\.outputText) == ["six", "42", ""])
        #expect(executed.cells.allSatisfy { $0.status == .ran && !$0.isFailure })
    }

    @Test func anErrorNamesTheNotebookLineAndKeepsWhatWasPrinted() throws {
        let executed = run("# Title\n\n" + notebook("print('before')\ny = K + 1"))
        let cell = try #require(executed.cells.first)
        #expect(cell.isFailure)
        #expect(cell.printed == "before\n")
        #expect(cell.outputText == "before\nNameError: name 'K' is not defined")
        #expect(cell.error?.location == SourceLocation(file: "lesson.md", line: 5, column: 5))
    }

    @Test func aDeclaredErrorIsTheCellsOutputNotAFailure() {
        let executed = run(notebook("#| raises: ZeroDivisionError\n1 / 0"))
        #expect(executed.cells[0].isFailure == false)
        #expect(executed.cells[0].outputText == "ZeroDivisionError: division by zero")
    }

    @Test func aDeclaredBaseClassAcceptsASubclass() {
        let executed = run(notebook("#| raises: ArithmeticError\n1 / 0"))
        #expect(executed.cells[0].isFailure == false)
    }

    @Test func aDeclaredErrorThatDoesNotHappenIsAFailure() {
        let executed = run(notebook("#| raises: ValueError\n1 + 1", "#| raises: ValueError\n[][1]"))
        #expect(executed.cells[0].missedExpectedError == "the cell declares `raises: ValueError` but raised nothing")
        #expect(executed.cells[1].missedExpectedError == "the cell declares `raises: ValueError` but raised IndexError")
        #expect(executed.cells.allSatisfy { $0.isFailure })
    }

    @Test func syntaxErrorsAreReportedWithLocationsAndTheRestStillRuns() throws {
        let executed = run(notebook("def f(:\n    pass", "print('still runs')"))
        let error = try #require(executed.cells[0].error)
        #expect(error.isSyntaxError)
        #expect(error.syntaxDiagnostics.first?.location?.line == 2)
        #expect(executed.cells[1].outputText == "still runs")
    }

    @Test func evalFalseAndOtherTabsDoNotRun() {
        let source = notebook("#| eval: false\nprint('no')") + "\n```{.python .input}\n#@tab mxnet\nprint('mx')\n```\n"
        let executed = run(source)
        #expect(executed.cells.map(\.status) == [.notEvaluated, .otherTab])
    }

    @Test func aRunawayCellStopsAtItsTimeoutWithTheLineItWasOn() throws {
        let executed = run(notebook("#| timeout: 0.3\nn = 0\nwhile True:\n    n += 1"))
        let error = try #require(executed.cells[0].error)
        #expect(error.type == "TimeoutError")
        #expect(error.location?.line == 5 || error.location?.line == 4)
    }

    @Test func theFrontMatterSeedSeedsTheGenerator() {
        let draw = notebook("import torch\nprint(torch.rand(2))")
        let zero = run(draw).cells[0].outputText
        let seeded = run("---\nseed: 0\n---\n" + draw).cells[0].outputText
        let one = run("---\nseed: 1\n---\n" + draw).cells[0].outputText
        #expect(zero == "tensor([0.4963, 0.7682])")
        #expect(seeded == zero)
        #expect(one != zero)
    }

    @Test func aBadFrontMatterStopsTheNotebookBeforeAnyCell() {
        let executed = run("---\nseed: -3\n---\n" + notebook("print(1)"))
        #expect(executed.notebook.hasErrors)
        #expect(executed.cells.map(\.status) == [.notRun])
    }
}

@Suite struct SavedDefinitionTests {
    @Test func aSavedDefinitionReachesALaterNotebookAsD2L() {
        let runner = NotebookRunner()
        let first = NotebookParser().parse(source: notebook("#@save\ndef double(x):\n    return 2 * x"), path: "a.md")
        let second = NotebookParser().parse(source: notebook("from d2l import torch as d2l\nd2l.double(21)"), path: "b.md")
        _ = runner.run(first)
        #expect(runner.run(second).cells[0].outputText == "42")
    }
}
