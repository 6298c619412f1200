import Diagnostics
import NotebookFormat
import NotebookRunner

/// Compares what each cell printed on a fresh run with what its notebook records,
/// and plans the rewrite that `check --update` performs.
///
///     let verdicts = OutputChecker().check(executed)
///     for v in verdicts.cells where v.differs { print(v.report) }
public struct OutputChecker: Sendable {
    public init() {}

    public func check(_ executed: ExecutedNotebook) -> NotebookVerdict {
        var verdicts: [CellVerdict] = []
        for cell in executed.notebook.codeCells {
            guard let result = executed.result(forCell: cell.index) else { continue }
            verdicts.append(verdict(for: cell, result: result, path: executed.notebook.path))
        }
        return NotebookVerdict(path: executed.notebook.path, cells: verdicts)
    }

    func verdict(for cell: CodeCell, result: ExecutedCell, path: String) -> CellVerdict {
        let line = cell.output?.line ?? cell.fence.openingLine
        let location = SourceLocation(file: path, line: line)
        switch result.status {
        case .otherTab, .notEvaluated:
            return CellVerdict(cellIndex: cell.index, location: location, outcome: .notRun)
        case .notRun:
            return CellVerdict(cellIndex: cell.index, location: location, outcome: .failed)
        case .ran:
            break
        }
        if result.isFailure {
            return CellVerdict(cellIndex: cell.index, location: location, outcome: .failed)
        }
        if cell.options.check == .skip {
            return CellVerdict(cellIndex: cell.index, location: location, outcome: .skipped)
        }
        let actual = result.outputText
        let recorded = cell.output?.text
        switch (recorded, actual.isEmpty) {
        case (nil, true):
            return CellVerdict(cellIndex: cell.index, location: location, outcome: .matches)
        case (nil, false):
            return CellVerdict(
                cellIndex: cell.index, location: location,
                outcome: .differs(recorded: nil, actual: actual, diff: LineDiff(old: "", new: actual).unified(oldName: "recorded", newName: "actual")))
        case (let recorded?, _):
            if recorded == actual {
                return CellVerdict(cellIndex: cell.index, location: location, outcome: .matches)
            }
            if let tolerance = cell.options.tolerance, TolerantComparison(tolerance: tolerance).matches(recorded, actual) {
                return CellVerdict(cellIndex: cell.index, location: location, outcome: .matchesWithinTolerance)
            }
            let diff = LineDiff(old: recorded, new: actual).unified(oldName: "recorded", newName: "actual")
            return CellVerdict(
                cellIndex: cell.index, location: location,
                outcome: .differs(recorded: recorded, actual: actual.isEmpty ? nil : actual, diff: diff))
        }
    }
}

/// The checker's findings for one notebook.
public struct NotebookVerdict: Sendable {
    public var path: String
    public var cells: [CellVerdict]

    public init(path: String, cells: [CellVerdict]) {
        self.path = path
        self.cells = cells
    }

    /// Cells whose output was compared (matching or not).
    public var checkedCount: Int { cells.filter(\.wasCompared).count }
    public var differences: [CellVerdict] { cells.filter(\.differs) }

    /// The rewrite `check --update` performs: the fresh output of every cell that
    /// differs (within-tolerance matches keep their recorded text).
    public var edits: [OutputEdit] {
        cells.compactMap { verdict in
            guard case .differs(_, let actual, _) = verdict.outcome else { return nil }
            return OutputEdit(cellIndex: verdict.cellIndex, output: actual)
        }
    }
}

/// The checker's finding for one code cell.
public struct CellVerdict: Sendable {
    public enum Outcome: Sendable, Equatable {
        case matches
        case matchesWithinTolerance
        /// `recorded`/`actual` are nil when that side has no output at all.
        case differs(recorded: String?, actual: String?, diff: String)
        /// `#| check: skip`: ran, not compared.
        case skipped
        /// Another tab's cell, or `#| eval: false`.
        case notRun
        /// The cell raised (or failed to raise what it declared): reported as an error, not compared.
        case failed
    }

    public var cellIndex: Int
    /// The recorded output's fence line, or the cell's when nothing is recorded.
    public var location: SourceLocation
    public var outcome: Outcome

    public var differs: Bool { if case .differs = outcome { true } else { false } }

    public var wasCompared: Bool {
        switch outcome {
        case .matches, .matchesWithinTolerance, .differs: true
        case .skipped, .notRun, .failed: false
        }
    }

    /// `path:line: cell N: output differs`, then the unified diff.
    public var report: String? {
        guard case .differs(let recorded, let actual, let diff) = outcome else { return nil }
        let what: String
        switch (recorded, actual) {
        case (nil, _): what = "prints output that is not recorded"
        case (_, nil): what = "prints nothing but has recorded output"
        default: what = "output differs"
        }
        return "\(location.file):\(location.line): cell \(cellIndex): \(what)\n\(diff)"
    }
}
