import Diagnostics
import Foundation

/// Places a math warning in the notebook: `MathRenderer` counts from the start of
/// the TeX; the notebook location is the formula's start, past its `$` or `$$`,
/// moved down one line per line break inside the TeX.
///
/// On a continuation line the column is found by looking the TeX line up in the
/// notebook's line, because cmark removed the container's prefix (`> `, list
/// indentation) from the text.
struct MathPlacement {
    /// The notebook's lines (without line endings).
    let lines: [Substring]

    init(source: String) {
        lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
    }

    /// The location of `offset` (in Unicode scalars) inside `tex`, which starts
    /// `delimiterWidth` columns after `start`.
    func location(ofOffset offset: Int, in tex: String, startingAt start: SourceLocation, delimiterWidth: Int)
        -> SourceLocation
    {
        let scalars = Array(tex.unicodeScalars)
        let clamped = min(max(offset, 0), scalars.count)
        var line = start.line
        var lineStart = 0
        for index in 0..<clamped where scalars[index] == "\n" {
            line += 1
            lineStart = index + 1
        }
        if line == start.line {
            return SourceLocation(file: start.file, line: line, column: start.column + delimiterWidth + clamped)
        }
        var lineEnd = lineStart
        while lineEnd < scalars.count, scalars[lineEnd] != "\n" { lineEnd += 1 }
        let texLine = String(String.UnicodeScalarView(scalars[lineStart..<lineEnd]))
        var column = 1 + (clamped - lineStart)
        if lines.indices.contains(line - 1), !texLine.isEmpty, let found = lines[line - 1].range(of: texLine) {
            let sourceLine = lines[line - 1]
            column += sourceLine.unicodeScalars.distance(from: sourceLine.startIndex, to: found.lowerBound)
        }
        return SourceLocation(file: start.file, line: line, column: column)
    }

    /// The warnings of one formula as diagnostics at their notebook locations.
    func diagnostics(for warnings: [MathWarning], in tex: String, startingAt start: SourceLocation, delimiterWidth: Int)
        -> [Diagnostic]
    {
        warnings.map { warning in
            .warning(
                warning.message,
                at: location(ofOffset: warning.offset, in: tex, startingAt: start, delimiterWidth: delimiterWidth),
                length: max(1, warning.length))
        }
    }
}
