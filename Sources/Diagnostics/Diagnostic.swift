/// One message for the author of a notebook: an error or warning tied to a place.
///
/// Every stage reports problems as `Diagnostic`s, and `DiagnosticRenderer` is
/// the one place that turns them into text, so all of litbook's messages read
/// the same way:
///
///     notebooks/conv-layer.md:42:5: error: name 'K' is not defined
///         Y = corr2d(X, K)
///                       ^
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable {
        case error
        case warning
        case note
    }

    public var severity: Severity
    /// A whole sentence, without a location prefix and without a trailing newline.
    public var message: String
    /// Where the problem is; `nil` for problems that belong to no file (a bad option).
    public var location: SourceLocation?
    /// How far the underline reaches on the location's line, in columns (at least 1).
    public var length: Int
    /// Further explanation attached to the main message, each with its own place.
    public var notes: [Diagnostic]

    public init(
        _ severity: Severity,
        _ message: String,
        at location: SourceLocation? = nil,
        length: Int = 1,
        notes: [Diagnostic] = []
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.length = max(1, length)
        self.notes = notes
    }

    public static func error(_ message: String, at location: SourceLocation? = nil, length: Int = 1) -> Diagnostic {
        Diagnostic(.error, message, at: location, length: length)
    }

    public static func warning(_ message: String, at location: SourceLocation? = nil, length: Int = 1) -> Diagnostic {
        Diagnostic(.warning, message, at: location, length: length)
    }

    /// The one-line form `file:line:col: severity: message`.
    public var description: String {
        if let location {
            return "\(location): \(severity.rawValue): \(message)"
        }
        return "\(severity.rawValue): \(message)"
    }
}

/// A collection of diagnostics that is itself an error: what a stage throws when
/// it found several problems (a parser that recovered and kept going).
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
