/// Turns diagnostics into the text a compiler would print: the one-line header,
/// then the offending source line and a caret under the column.
///
///     let renderer = DiagnosticRenderer(sources: ["a.md": text])
///     print(renderer.render(diagnostic))
public struct DiagnosticRenderer: Sendable {
    /// The text of each file by path, to quote the offending line. A diagnostic in a
    /// file that is not here is rendered without the quote.
    public var sources: [String: String]

    public init(sources: [String: String] = [:]) {
        self.sources = sources
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var lines = [diagnostic.description]
        if let location = diagnostic.location, let quote = quote(location, length: diagnostic.length) {
            lines.append(contentsOf: quote)
        }
        for note in diagnostic.notes {
            lines.append(render(note))
        }
        return lines.joined(separator: "\n")
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined(separator: "\n")
    }

    /// The source line, indented by four spaces, and a caret line under `column`.
    /// Tabs before the column are kept in the caret line so the caret lines up.
    private func quote(_ location: SourceLocation, length: Int) -> [String]? {
        guard let text = sources[location.file], location.line >= 1 else { return nil }
        var lineNumber = 1
        var found: Substring?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if lineNumber == location.line {
                found = line
                break
            }
            lineNumber += 1
        }
        guard var line = found else { return nil }
        if line.hasSuffix("\r") { line = line.dropLast() }
        let scalars = Array(line.unicodeScalars)
        let column = min(max(location.column, 1), scalars.count + 1)
        var caret = ""
        for scalar in scalars.prefix(column - 1) {
            caret += scalar == "\t" ? "\t" : (scalar.isWide ? "  " : " ")
        }
        let underline = max(1, min(length, scalars.count - (column - 1)))
        caret += "^" + String(repeating: "~", count: underline - 1)
        return ["    " + String(line), "    " + caret]
    }
}

extension Unicode.Scalar {
    /// East Asian wide characters take two terminal columns; the caret must skip two.
    fileprivate var isWide: Bool {
        let v = value
        return (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
    }
}
