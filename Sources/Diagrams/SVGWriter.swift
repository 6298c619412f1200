/// Builds SVG text one element per line, with the one escaping helper of the module.
///
/// Attributes are ordered as given, numbers are formatted by the caller, so the
/// output is byte-for-byte reproducible and diffs well as a golden file.
struct SVGWriter {
    private(set) var lines: [String] = []
    private var openElements: [String] = []

    /// An attribute list; values are escaped when written.
    typealias Attributes = [(String, String)]

    // MARK: - Elements

    mutating func open(_ name: String, _ attributes: Attributes = []) {
        lines.append(indentation + "<" + name + Self.render(attributes) + ">")
        openElements.append(name)
    }

    mutating func close() {
        guard let name = openElements.popLast() else { return }
        lines.append(indentation + "</" + name + ">")
    }

    /// An element with only text content, or empty (`<rect …/>`).
    mutating func element(_ name: String, _ attributes: Attributes = [], text: String? = nil) {
        if let text {
            lines.append(
                indentation + "<" + name + Self.render(attributes) + ">" + Self.escape(text) + "</" + name + ">")
        } else {
            lines.append(indentation + "<" + name + Self.render(attributes) + "/>")
        }
    }

    /// A line of already-safe text (the style sheet, built from fixed rules).
    mutating func verbatim(_ line: String) {
        lines.append(indentation + line)
    }

    /// The document, closing anything left open.
    mutating func finish() -> String {
        while !openElements.isEmpty { close() }
        return lines.joined(separator: "\n") + "\n"
    }

    private var indentation: String {
        String(repeating: "  ", count: openElements.count)
    }

    private static func render(_ attributes: Attributes) -> String {
        var text = ""
        for (name, value) in attributes {
            text += " " + name + "=\"" + escape(value) + "\""
        }
        return text
    }

    // MARK: - Escaping

    /// Escapes text and attribute values for XML and HTML alike; control characters
    /// (invalid in both) become U+FFFD.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n": result += " "
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{FFFE}", "\u{FFFF}": result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    // MARK: - Identifiers

    /// A string usable as an id and in a CSS selector: letters, digits, `-`, `_`,
    /// starting with a letter (others become `-`; a `f` is prepended if needed).
    static func identifier(_ prefix: String) -> String {
        var result = ""
        for scalar in prefix.unicodeScalars {
            let isSafe =
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "_"
            result.unicodeScalars.append(isSafe ? scalar : "-")
        }
        if let first = result.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) {
            return result
        }
        return "f" + result
    }
}
