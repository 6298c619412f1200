import Diagnostics
import NotebookFormat

/// A notebook after one run: for every code cell what it showed, for every
/// directive the figure it drew, and every problem found on the way.
///
/// The output checker and the site builder both read this value, so the page
/// never shows an output the checker did not see.
public struct ExecutedNotebook: Sendable {
    public var notebook: Notebook
    /// One result per code cell of the notebook, in order (`cells[i].cellIndex == i + 1`).
    public var cells: [ExecutedCell]
    /// One result per directive of the notebook, in order.
    public var figures: [FigureResult]
    /// Parse diagnostics, then problems found while running (directive errors,
    /// a missing `#| raises:` error, …).
    public var diagnostics: [Diagnostic]
    /// Wall-clock time of the run, in seconds (reported, never written to the site).
    public var seconds: Double

    public init(notebook: Notebook, cells: [ExecutedCell], figures: [FigureResult], diagnostics: [Diagnostic], seconds: Double) {
        self.notebook = notebook
        self.cells = cells
        self.figures = figures
        self.diagnostics = diagnostics
        self.seconds = seconds
    }

    /// The result of the code cell with this 1-based index.
    public func result(forCell index: Int) -> ExecutedCell? {
        cells.indices.contains(index - 1) ? cells[index - 1] : nil
    }

    /// The figure drawn by the directive that starts at this notebook line.
    public func figure(for directive: Directive) -> FigureResult? {
        figures.first { $0.directive.range == directive.range }
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } || cells.contains { $0.isFailure } }
}

/// What one code cell did.
public struct ExecutedCell: Sendable {
    public enum Status: Sendable, Equatable {
        /// The cell ran (and may have raised).
        case ran
        /// The cell belongs to another framework's tab (d2lbook `#@tab`).
        case otherTab
        /// `#| eval: false`: shown, not run.
        case notEvaluated
        /// The notebook had syntax errors or the run was cut short; the cell was not run.
        case notRun
    }

    public var cellIndex: Int
    public var status: Status
    /// Everything the cell printed.
    public var printed: String
    /// `repr` of the cell's last bare expression, unless it was None.
    public var displayed: String?
    /// The exception the cell raised, if any.
    public var error: CellException?
    /// Figures the cell drew while running (an `Animator`'s curves), in order.
    public var figures: [Figure]
    public var seconds: Double

    public init(
        cellIndex: Int, status: Status, printed: String = "", displayed: String? = nil, error: CellException? = nil,
        figures: [Figure] = [], seconds: Double = 0
    ) {
        self.cellIndex = cellIndex
        self.status = status
        self.printed = printed
        self.displayed = displayed
        self.error = error
        self.figures = figures
        self.seconds = seconds
    }

    /// The text Jupyter would show for the cell, as recorded in an ```` ```output ````
    /// fence: what was printed, then the displayed value, then for an error its
    /// last traceback line `Type: message`; without the final newline.
    public var outputText: String {
        var text = printed
        if let displayed { text += displayed + "\n" }
        if let error { text += error.summary + "\n" }
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// An error the cell did not declare with `#| raises:` (or a declared error that
    /// did not happen): the run of this cell failed.
    public var isFailure: Bool { error.map { !$0.wasExpected } ?? false || missedExpectedError != nil }

    /// Set when the cell declared `#| raises: X` but raised nothing or something else.
    public var missedExpectedError: String?
}

/// A Python exception that escaped a cell.
public struct CellException: Sendable, Equatable {
    /// The exception class name (`RuntimeError`, or a user class such as `ShapeError`).
    public var type: String
    public var message: String
    /// Where it was raised, in notebook coordinates (the innermost frame inside the notebook).
    public var location: SourceLocation?
    /// A short Python-style traceback, outermost call first.
    public var traceback: [String]
    /// Whether the cell declared this error with `#| raises:`.
    public var wasExpected: Bool
    /// True for a syntax error: the cell could not be parsed, so it never ran.
    public var isSyntaxError: Bool
    /// Every syntax error of the cell (a recovering parser reports several).
    public var syntaxDiagnostics: [Diagnostic]

    public init(
        type: String, message: String, location: SourceLocation?, traceback: [String] = [], wasExpected: Bool,
        syntaxDiagnostics: [Diagnostic] = []
    ) {
        self.type = type
        self.message = message
        self.location = location
        self.traceback = traceback
        self.wasExpected = wasExpected
        self.isSyntaxError = !syntaxDiagnostics.isEmpty
        self.syntaxDiagnostics = syntaxDiagnostics
    }

    /// Python's last traceback line: `ValueError: negative value: -1`, or the bare
    /// type when the message is empty (`AssertionError`).
    public var summary: String { message.isEmpty ? type : "\(type): \(message)" }
}

/// A drawn figure, ready to embed in a page.
public struct Figure: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case correlation
        case receptiveField = "receptive-field"
        case plot
        case heatmap
    }

    public var kind: Kind
    /// The complete `<svg>` element.
    public var svg: String
    /// A one-sentence text alternative (the SVG's `<desc>`).
    public var summary: String

    public init(kind: Kind, svg: String, summary: String) {
        self.kind = kind
        self.svg = svg
        self.summary = summary
    }
}

/// What one directive produced: a figure, or the error that prevented it.
public struct FigureResult: Sendable {
    public var directive: Directive
    public var figure: Figure?
    public var error: Diagnostic?

    public init(directive: Directive, figure: Figure?, error: Diagnostic?) {
        self.directive = directive
        self.figure = figure
        self.error = error
    }
}
