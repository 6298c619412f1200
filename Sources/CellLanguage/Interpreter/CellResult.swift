import Diagnostics

/// What running one cell produced, in the terms the notebook runner needs.
public struct CellResult {
    /// Everything the cell printed, kept even when it raised.
    public var output: String
    /// The value of the cell's last bare expression, unless it was `None`.
    public var displayValue: Value?
    /// `repr` of `displayValue`.
    public var displayText: String?
    public var error: CellError?
    /// Names the cell binds at top level (`def`, `class`, assignments, imports), in order.
    public var definedNames: [String]

    /// The text Jupyter would show: output, then the display repr, then for an
    /// uncaught exception its `Type: message` line.
    public var shownText: String {
        var text = output
        if let displayText { text += displayText + "\n" }
        if let error { text += error.summary + "\n" }
        return text
    }
}

/// Why a cell failed: syntax errors found before it ran, or an uncaught exception.
public enum CellError: Error, CustomStringConvertible {
    case syntax([SyntaxIssue], [Diagnostic])
    case exception(RuntimeFailure)

    /// An uncaught exception as the host sees it.
    public struct RuntimeFailure {
        public var typeName: String
        public var message: String
        /// The innermost location inside the cell's own file (not the prelude's).
        public var location: SourceLocation?
        /// Frames, outermost first, as in a Python traceback.
        public var traceback: [TracebackEntry]
        public var error: PythonError
    }

    static func runtime(_ e: PythonError, message: String, cellFile: String) -> CellError {
        let frames = Array(e.traceback.reversed())
        var location: SourceLocation?
        if let l = e.location, l.file == cellFile {
            location = l
        } else {
            location = e.traceback.first { $0.location.file == cellFile }?.location
        }
        return .exception(RuntimeFailure(typeName: e.typeName, message: message, location: location, traceback: frames, error: e))
    }

    public var typeName: String {
        switch self {
        case .syntax(let issues, _): return issues.first?.kind ?? "SyntaxError"
        case .exception(let f): return f.typeName
        }
    }

    public var message: String {
        switch self {
        case .syntax(let issues, _): return issues.first?.message ?? "invalid syntax"
        case .exception(let f): return f.message
        }
    }

    /// `ValueError: negative value: -1`, or just `AssertionError` without a message.
    public var summary: String { message.isEmpty ? typeName : "\(typeName): \(message)" }

    public var location: SourceLocation? {
        switch self {
        case .syntax(_, let d): return d.first?.location
        case .exception(let f): return f.location
        }
    }

    /// Diagnostics to render with `DiagnosticRenderer`: every syntax error, or the exception.
    public var diagnostics: [Diagnostic] {
        switch self {
        case .syntax(_, let d): return d
        case .exception(let f): return [Diagnostic.error(summary, at: f.location)]
        }
    }

    /// A short Python-style traceback.
    public var traceback: String {
        switch self {
        case .syntax(_, let d): return d.map(\.description).joined(separator: "\n")
        case .exception(let f):
            var lines = ["Traceback (most recent call last):"]
            for entry in f.traceback {
                lines.append("  File \"\(entry.location.file)\", line \(entry.location.line), in \(entry.function)")
            }
            lines.append(summary)
            return lines.joined(separator: "\n")
        }
    }

    public var description: String { summary }
}
