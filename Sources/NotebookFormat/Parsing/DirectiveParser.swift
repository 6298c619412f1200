import Diagnostics

/// Reads a directive's `:key: value` option lines and its body.
///
///     ```{receptive-field}
///     :input: 3x3
///     :layers: conv 2x2, conv 2x2
///     ```
///
/// Options are the leading lines that start with `:`; a malformed one or a
/// repeated key is an error at its line.
struct DirectiveParser {
    let path: String

    func parse(name: String, argument: String?, lines: [FenceReader.BodyLine], fence: Fence) -> (Directive, [Diagnostic]) {
        var options: [Directive.Option] = []
        var diagnostics: [Diagnostic] = []
        var index = 0
        while index < lines.count, lines[index].text.hasPrefix(":") {
            let line = lines[index]
            let location = SourceLocation(file: path, line: line.line, column: 1 + fence.indent)
            if let (key, value, valueColumn) = option(in: line.text) {
                let valueLocation = SourceLocation(file: path, line: line.line, column: valueColumn + fence.indent)
                if options.contains(where: { $0.key == key }) {
                    diagnostics.append(.error("Directive option '\(key)' is given twice.", at: location, length: key.unicodeScalars.count + 2))
                } else {
                    options.append(Directive.Option(key: key, value: value, location: location, valueLocation: valueLocation))
                }
            } else {
                diagnostics.append(.error(
                    "A directive option must read ':key: value' (key: letters, digits, '-' and '_').",
                    at: location, length: line.text.unicodeScalars.count))
            }
            index += 1
        }
        // One blank line may separate the options from the body.
        if !options.isEmpty, index < lines.count, lines[index].text.allSatisfy({ $0 == " " || $0 == "\t" }) { index += 1 }
        let bodyLines = lines[index...]
        let directive = Directive(
            name: name, argument: argument, options: options,
            body: bodyLines.map(\.text).joined(separator: "\n"),
            bodyFirstLine: bodyLines.first?.line ?? (fence.openingLine + 1 + index),
            fence: fence
        )
        return (directive, diagnostics)
    }

    /// `:key: value` → (key, value, 1-based column of the value), or nil.
    private func option(in text: String) -> (String, String, Int)? {
        let scalars = Array(text.unicodeScalars)
        var index = 1
        while index < scalars.count, scalars[index].isASCII, TabNames.isNameByte(UInt8(scalars[index].value)) { index += 1 }
        guard index > 1, index < scalars.count, scalars[index] == ":" else { return nil }
        let key = String(String.UnicodeScalarView(scalars[1..<index]))
        index += 1
        guard index == scalars.count || scalars[index] == " " || scalars[index] == "\t" else { return nil }
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        var value = String(String.UnicodeScalarView(scalars[index...]))
        while let last = value.unicodeScalars.last, last == " " || last == "\t" { value.unicodeScalars.removeLast() }
        return (key, value, index + 1)
    }
}
