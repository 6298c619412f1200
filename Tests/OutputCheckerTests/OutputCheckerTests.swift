import NotebookFormat
import NotebookRunner
import Testing

@testable import OutputChecker

@Suite struct OutputCheckerTests {
    static let source = """
        # Lesson

        ```python
        print(1 + 1)
        ```

        ```output
        2
        ```

        ```python
        #| tolerance: 1e-3
        print(0.1235)
        ```

        ```output
        0.1234
        ```

        ```python
        x = 3
        ```

        ```python
        #| check: skip
        print("random")
        ```

        ```output
        whatever
        ```

        ```python
        #| raises: ValueError
        raise ValueError("no")
        ```

        ```output
        ValueError: no
        ```

        """

    private func executed(_ outputs: [ExecutedCell]) -> ExecutedNotebook {
        let notebook = NotebookParser().parse(source: Self.source, path: "lesson.md")
        return ExecutedNotebook(notebook: notebook, cells: outputs, figures: [], diagnostics: [], seconds: 0)
    }

    private func ran(_ index: Int, _ printed: String, error: CellException? = nil) -> ExecutedCell {
        ExecutedCell(cellIndex: index, status: .ran, printed: printed, error: error)
    }

    private var expectedValueError: CellException {
        CellException(type: "ValueError", message: "no", location: nil, wasExpected: true)
    }

    @Test func matchingRunHasNoDifferences() {
        let verdict = OutputChecker().check(executed([
            ran(1, "2\n"), ran(2, "0.1234\n"), ran(3, ""), ran(4, "other\n"), ran(5, "", error: expectedValueError),
        ]))
        #expect(verdict.differences.isEmpty)
        #expect(verdict.checkedCount == 4)  // the skipped cell is not compared
        #expect(verdict.cells[3].outcome == .skipped)
        #expect(verdict.edits.isEmpty)
    }

    @Test func numbersWithinTheCellsToleranceMatch() {
        let verdict = OutputChecker().check(executed([
            ran(1, "2\n"), ran(2, "0.1236\n"), ran(3, ""), ran(4, ""), ran(5, "", error: expectedValueError),
        ]))
        #expect(verdict.cells[1].outcome == .matchesWithinTolerance)
        #expect(verdict.differences.isEmpty)
    }

    @Test func aChangedDigitIsReportedWithFileLineAndDiff() throws {
        let verdict = OutputChecker().check(executed([
            ran(1, "3\n"), ran(2, "0.1234\n"), ran(3, ""), ran(4, ""), ran(5, "", error: expectedValueError),
        ]))
        let difference = try #require(verdict.differences.first)
        #expect(verdict.differences.count == 1)
        #expect(difference.report == """
            lesson.md:7: cell 1: output differs
            --- recorded
            +++ actual
            @@ -1 +1 @@
            -2
            +3
            """)
        #expect(verdict.edits == [OutputEdit(cellIndex: 1, output: "3")])
    }

    @Test func outputWhereNoneIsRecordedAndSilenceWhereSomeIsBothDiffer() {
        let verdict = OutputChecker().check(executed([
            ran(1, ""), ran(2, "0.1234\n"), ran(3, "new\n"), ran(4, ""), ran(5, "", error: expectedValueError),
        ]))
        #expect(verdict.edits == [OutputEdit(cellIndex: 1, output: nil), OutputEdit(cellIndex: 3, output: "new")])
        #expect(verdict.differences[0].report?.hasPrefix("lesson.md:7: cell 1: prints nothing but has recorded output") == true)
        #expect(verdict.differences[1].report?.hasPrefix("lesson.md:20: cell 3: prints output that is not recorded") == true)
    }

    @Test func anUnexpectedErrorIsAFailureNotAComparison() {
        var failing = ran(1, "", error: CellException(type: "NameError", message: "name 'K' is not defined", location: nil, wasExpected: false))
        failing.missedExpectedError = nil
        let verdict = OutputChecker().check(executed([
            failing, ran(2, "0.1234\n"), ran(3, ""), ran(4, ""), ran(5, "", error: expectedValueError),
        ]))
        #expect(verdict.cells[0].outcome == .failed)
        #expect(verdict.differences.isEmpty)
    }

    @Test func updatingWithThePlannedEditsRestoresAMatchingNotebook() throws {
        let run = executed([ran(1, "5\n"), ran(2, "0.1234\n"), ran(3, ""), ran(4, ""), ran(5, "", error: expectedValueError)])
        let verdict = OutputChecker().check(run)
        let rewritten = try OutputRewriter.rewrite(run.notebook, applying: verdict.edits)
        #expect(rewritten == Self.source.replacingOccurrences(of: "```output\n2\n```", with: "```output\n5\n```"))
    }
}
