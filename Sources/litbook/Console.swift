import Diagnostics
import Foundation
import NotebookRunner
import OutputChecker

/// Everything litbook prints: results on stdout, problems and progress on stderr.
///
/// On a terminal a progress line shows which cell is running; under CI
/// (`CI=true`) output is plain, and `GITHUB_ACTIONS=true` adds `::error` annotations.
final class Console: @unchecked Sendable {
    private let environment = ProcessInfo.processInfo.environment
    private let lock = NSLock()
    private var progressShown = false

    var isInteractive: Bool { isatty(STDERR_FILENO) == 1 && environment["CI"] != "true" }
    var annotatesForGitHub: Bool { environment["GITHUB_ACTIONS"] == "true" }

    func line(_ text: String) {
        lock.withLock {
            clearProgress()
            FileHandle.standardOutput.write(Data((text + "\n").utf8))
        }
    }

    func problem(_ text: String) {
        lock.withLock {
            clearProgress()
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }

    /// A transient status line (terminal only).
    func progress(_ text: String) {
        guard isInteractive else { return }
        lock.withLock {
            let shown = text.count > 100 ? String(text.prefix(99)) + "…" : text
            FileHandle.standardError.write(Data(("\r\u{1B}[2K" + shown).utf8))
            progressShown = true
        }
    }

    private func clearProgress() {
        if progressShown {
            FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
            progressShown = false
        }
    }

    // MARK: - Findings

    /// Prints a notebook's problems: what the run found (see `reportRun`), then
    /// every output difference with its diff.
    func report(_ check: NotebookCheck) {
        reportRun(check.executed)
        for difference in check.differences {
            guard let text = difference.report else { continue }
            problem(text)
            annotate(.error("cell \(difference.cellIndex): output differs", at: difference.location))
        }
        if let error = check.updateError { problem(error) }
        if check.updated { line("\(check.path): updated \(check.verdict.edits.count) recorded output\(check.verdict.edits.count == 1 ? "" : "s")") }
    }

    /// Prints what running a notebook found: front-matter and option errors, syntax
    /// errors, cells that failed, figures that could not be drawn, warnings.
    func reportRun(_ executed: ExecutedNotebook) {
        let path = executed.notebook.path
        let renderer = DiagnosticRenderer(sources: [path: executed.notebook.source])
        let syntax = executed.cells.compactMap(\.error).flatMap(\.syntaxDiagnostics)
        var printed = Set<Diagnostic>()
        for diagnostic in executed.diagnostics + syntax where printed.insert(diagnostic).inserted {
            problem(renderer.render(diagnostic))
            annotate(diagnostic)
        }
        for cell in executed.cells where cell.isFailure && cell.error?.isSyntaxError != true {
            let text = failure(cell, path: path, renderer: renderer)
            problem(text)
            annotate(.error(text.split(separator: "\n").first.map(String.init) ?? text, at: cell.error?.location))
        }
    }

    /// `file:line:col: error: cell 3 raised NameError: name 'K' is not defined`, the
    /// source line with a caret, then the Python traceback.
    private func failure(_ cell: ExecutedCell, path: String, renderer: DiagnosticRenderer) -> String {
        if let missed = cell.missedExpectedError {
            let location = cell.error?.location ?? SourceLocation(file: path, line: 1)
            return renderer.render(.error("cell \(cell.cellIndex): \(missed)", at: location))
        }
        guard let error = cell.error else { return "\(path): cell \(cell.cellIndex) failed" }
        var text = renderer.render(.error("cell \(cell.cellIndex) raised \(error.summary)", at: error.location ?? SourceLocation(file: path, line: 1)))
        if error.traceback.count > 2 {
            text += "\n" + error.traceback.map { "    " + $0 }.joined(separator: "\n")
        }
        return text
    }

    private func annotate(_ diagnostic: Diagnostic) {
        guard annotatesForGitHub, diagnostic.severity != .note else { return }
        let kind = diagnostic.severity == .error ? "error" : "warning"
        let place = diagnostic.location.map { "file=\($0.file),line=\($0.line),col=\($0.column)" } ?? ""
        let message = diagnostic.message.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
        line("::\(kind) \(place)::\(message)")
    }
}
