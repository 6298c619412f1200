import Diagnostics
import Foundation
import NotebookFormat
import NotebookRunner

/// `litbook check`: run every notebook, compare every cell, keep going, and sum
/// up at the end; with `update`, rewrite the outputs that differ.
///
///     let report = CourseCheck(runner: NotebookRunner()).check(notebooks) { print($0.text) }
///     exit(report.status.code)
public struct CourseCheck {
    public let runner: NotebookRunner
    public let checker = OutputChecker()

    public init(runner: NotebookRunner) {
        self.runner = runner
    }

    /// Runs and checks the notebooks in order. `onNotebook` sees each notebook's
    /// findings as soon as it is done (a long course reports as it goes).
    public func check(_ notebooks: [Notebook], update: Bool = false, onNotebook: (NotebookCheck) -> Void = { _ in }) -> CheckReport {
        var report = CheckReport()
        for notebook in notebooks {
            let executed = runner.run(notebook)
            var result = NotebookCheck(executed: executed, verdict: checker.check(executed))
            if update, !result.verdict.edits.isEmpty {
                result.updateError = Self.write(result.verdict.edits, into: notebook)
                result.updated = result.updateError == nil
            }
            onNotebook(result)
            report.notebooks.append(result)
        }
        return report
    }

    /// Rewrites the notebook's recorded outputs in place (atomically); the error
    /// text when that is not possible.
    static func write(_ edits: [OutputEdit], into notebook: Notebook) -> String? {
        do {
            let source = try OutputRewriter.rewrite(notebook, applying: edits)
            try AtomicFileWriter.write(source, toFileAt: notebook.path)
            return nil
        } catch {
            return "\(notebook.path): cannot update the recorded outputs: \(error)"
        }
    }
}

/// One notebook's run and findings.
public struct NotebookCheck {
    public var executed: ExecutedNotebook
    public var verdict: NotebookVerdict
    /// True when `--update` rewrote the notebook's outputs.
    public var updated = false
    public var updateError: String?

    public init(executed: ExecutedNotebook, verdict: NotebookVerdict) {
        self.executed = executed
        self.verdict = verdict
    }

    public var path: String { executed.notebook.path }

    /// A notebook with no recorded output at all (a d2l book chapter, a draft):
    /// its cells run and must not fail, but there is nothing to compare yet;
    /// `check --update` records them.
    public var isUnrecorded: Bool { executed.notebook.codeCells.allSatisfy { $0.output == nil } }

    /// Differences that count: none for an unrecorded notebook, none once updated.
    public var differences: [CellVerdict] {
        isUnrecorded || updated ? [] : verdict.differences
    }

    /// Errors that make the notebook invalid (bad front matter, bad cell options,
    /// a syntax error in a cell): litbook's exit status 65.
    public var notebookErrors: [Diagnostic] {
        executed.notebook.errors + executed.cells.compactMap(\.error).flatMap(\.syntaxDiagnostics)
    }

    /// Cells that raised without declaring it, or declared an error they did not raise.
    public var failedCells: [ExecutedCell] { executed.cells.filter(\.isFailure) }

    /// Figure directives that could not be drawn.
    public var figureErrors: [Diagnostic] { executed.figures.compactMap(\.error) }
}

/// The whole run's findings.
public struct CheckReport {
    public var notebooks: [NotebookCheck] = []

    public init() {}

    public var cellsChecked: Int { notebooks.filter { !$0.isUnrecorded }.map(\.verdict.checkedCount).reduce(0, +) }
    public var cellsRun: Int { notebooks.map { $0.executed.cells.filter { $0.status == .ran }.count }.reduce(0, +) }
    public var cellsSkipped: Int { notebooks.map { $0.verdict.cells.filter { $0.outcome == .skipped }.count }.reduce(0, +) }
    public var differenceCount: Int { notebooks.map(\.differences.count).reduce(0, +) }
    public var failedCellCount: Int { notebooks.map(\.failedCells.count).reduce(0, +) }
    public var updatedCount: Int { notebooks.filter(\.updated).count }

    public var status: ExitStatus {
        if notebooks.contains(where: { !$0.notebookErrors.isEmpty }) { return .notebookError }
        if failedCellCount > 0 || notebooks.contains(where: { !$0.figureErrors.isEmpty || $0.updateError != nil }) {
            return .runtimeError
        }
        return differenceCount > 0 ? .outputsDiffer : .success
    }

    /// `12 notebooks, 388 cells checked, 0 differ (3 skipped)`.
    public var summary: String {
        var parts = ["\(notebooks.count) notebook\(notebooks.count == 1 ? "" : "s")", "\(cellsChecked) cells checked", "\(differenceCount) differ"]
        if failedCellCount > 0 { parts.append("\(failedCellCount) failed") }
        var text = parts.joined(separator: ", ")
        var notes: [String] = []
        if cellsSkipped > 0 { notes.append("\(cellsSkipped) skipped by `check: skip`") }
        let unrecorded = notebooks.filter(\.isUnrecorded).filter { !$0.executed.notebook.codeCells.isEmpty }.count
        if unrecorded > 0 { notes.append("\(unrecorded) notebook\(unrecorded == 1 ? "" : "s") with no recorded outputs, run only") }
        if updatedCount > 0 { notes.append("\(updatedCount) notebook\(updatedCount == 1 ? "" : "s") updated") }
        if !notes.isEmpty { text += " (" + notes.joined(separator: "; ") + ")" }
        return text
    }
}

/// litbook's exit codes, as `--help` documents them (BSD sysexits for the errors).
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// Recorded outputs differ from a fresh run (or the site is not current).
    case outputsDiffer = 1
    /// Bad command line: unknown option, missing file.
    case usage = 64
    /// A notebook cannot be read: syntax error in a cell, bad front matter.
    case notebookError = 65
    /// A cell raised an error it did not declare, or a figure could not be drawn.
    case runtimeError = 70

    public var code: Int32 { rawValue }
}
