import CellLanguage
import Diagnostics
import Foundation
import NotebookFormat
import TorchBindings

/// Runs notebooks the way a fresh Jupyter kernel runs them, one interpreter per
/// notebook, cells in order, and records everything each cell showed.
///
/// One runner is one course run: `#@save` definitions of a notebook reach later
/// notebooks as `d2l.NAME` through the shared `TorchSession`.
///
///     let runner = NotebookRunner()
///     let executed = try CourseSources.load(["notebooks"]).map(runner.run)
public final class NotebookRunner {
    public let options: RunOptions
    let session: TorchSession

    public init(options: RunOptions = RunOptions(), session: TorchSession = TorchSession()) {
        self.options = options
        self.session = session
    }

    /// Runs every cell and directive of `notebook` that belongs to its tab.
    /// Never throws: every problem ends up in the result.
    public func run(_ notebook: Notebook) -> ExecutedNotebook {
        let started = Date()
        let path = notebook.path
        options.progress?(.notebookStarted(path: path, cellCount: notebook.codeCells.count))
        var diagnostics = notebook.diagnostics
        var cells: [ExecutedCell] = []
        var figures: [FigureResult] = []

        let interpreter = Interpreter()
        var runnable = !notebook.hasErrors
        if runnable {
            do {
                try session.install(in: interpreter)
                session.beginNotebook(seed: notebook.frontMatter.seed)
            } catch {
                diagnostics.append(.error("cannot prepare the notebook's interpreter: \(error)", at: SourceLocation(file: path, line: 1)))
                runnable = false
            }
        }
        let directives = DirectiveRenderer(interpreter: interpreter, session: session, path: path)

        for block in notebook.blocks {
            switch block.content {
            case .prose:
                continue
            case .codeCell(let cell):
                guard notebook.belongsToRun(block) else {
                    cells.append(ExecutedCell(cellIndex: cell.index, status: .otherTab))
                    continue
                }
                guard runnable else {
                    cells.append(ExecutedCell(cellIndex: cell.index, status: .notRun))
                    continue
                }
                guard cell.options.eval else {
                    cells.append(ExecutedCell(cellIndex: cell.index, status: .notEvaluated))
                    continue
                }
                let executed = runCell(cell, in: interpreter, path: path)
                cells.append(executed.cell)
                diagnostics.append(contentsOf: executed.diagnostics)
            case .directive(let directive):
                guard notebook.belongsToRun(block) else { continue }
                guard runnable else {
                    figures.append(FigureResult(directive: directive, figure: nil, error: nil))
                    continue
                }
                let result = directives.render(directive, ordinal: figures.count + 1)
                if let error = result.error { diagnostics.append(error) }
                figures.append(result)
            }
        }
        let seconds = Date().timeIntervalSince(started)
        options.progress?(.notebookFinished(path: path, seconds: seconds))
        return ExecutedNotebook(notebook: notebook, cells: cells, figures: figures, diagnostics: diagnostics, seconds: seconds)
    }

    // MARK: - One cell

    private func runCell(_ cell: CodeCell, in interpreter: Interpreter, path: String) -> (cell: ExecutedCell, diagnostics: [Diagnostic]) {
        options.progress?(.cellStarted(path: path, cell: cell.index, line: cell.firstSourceLine))
        let started = Date()
        let result = interpreter.run(
            cell: cell.source, file: path, firstLine: cell.firstSourceLine,
            timeout: cell.options.timeout ?? options.defaultTimeout)

        var executed = ExecutedCell(
            cellIndex: cell.index, status: .ran, printed: result.output, displayed: result.displayText,
            seconds: Date().timeIntervalSince(started))
        var diagnostics: [Diagnostic] = []
        switch result.error {
        case nil:
            if let expected = cell.options.raises {
                executed.missedExpectedError = "the cell declares `raises: \(expected)` but raised nothing"
            }
        case .syntax(_, let syntaxDiagnostics)?:
            let error = result.error!
            executed.error = CellException(
                type: error.typeName, message: error.message, location: error.location, wasExpected: false,
                syntaxDiagnostics: syntaxDiagnostics)
        case .exception(let failure)?:
            let error = result.error!
            let expected = cell.options.raises.map { Self.exception(failure.error, isA: $0) } ?? false
            executed.error = CellException(
                type: failure.typeName, message: failure.message,
                location: failure.location ?? SourceLocation(file: path, line: cell.firstSourceLine),
                traceback: error.traceback.split(separator: "\n").map(String.init), wasExpected: expected)
            if let declared = cell.options.raises, !expected {
                executed.missedExpectedError = "the cell declares `raises: \(declared)` but raised \(failure.typeName)"
            }
        }
        if cell.saves, result.error == nil {
            session.save(result.definedNames, from: interpreter)
        }
        for (offset, plot) in session.takePlots().enumerated() {
            do {
                if let figure = try PlotFigures.figure(plot, idPrefix: "c\(cell.index)-\(offset + 1)") {
                    executed.figures.append(figure)
                }
            } catch {
                diagnostics.append(.warning("cannot draw the plot made by cell \(cell.index): \(error)", at: SourceLocation(file: path, line: cell.firstSourceLine)))
            }
        }
        return (executed, diagnostics)
    }

    /// Whether the raised exception is an instance of the class a cell declared in
    /// `#| raises:` (by name along its class chain, so `raises: Exception` accepts
    /// a ValueError as Python's `except Exception` would).
    static func exception(_ error: PythonError, isA declared: String) -> Bool {
        var cls: PyClass? = error.exceptionClass
        while let current = cls {
            if current.name == declared { return true }
            cls = current.base
        }
        return false
    }
}
