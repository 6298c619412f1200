/// A position in a source file: 1-based line, 1-based column counted in
/// Unicode scalars (what an editor shows), plus the file it belongs to.
///
///     SourceLocation(file: "notebooks/conv-layer.md", line: 57, column: 9)
///     // prints as notebooks/conv-layer.md:57:9
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    /// The same place moved down by `lines` lines; used to turn a location inside a
    /// code cell into a location inside the notebook that holds it.
    public func offset(lines: Int, columns: Int = 0) -> SourceLocation {
        SourceLocation(file: file, line: line + lines, column: column + columns)
    }
}

/// A half-open stretch of source between two locations in the same file.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// A range that covers one location only (an empty caret).
    public init(at location: SourceLocation) {
        self.init(start: location, end: location)
    }

    public var file: String { start.file }
    public var description: String { "\(start.file):\(start.line):\(start.column)-\(end.line):\(end.column)" }
}
