/// The one place that turns text into HTML: every string that reaches a page
/// (text, attribute values, URLs) goes through `escape`.
///
/// Escaping `"` and `'` everywhere, not only in attributes, lets one helper
/// serve both uses, and a page never depends on which quoting a template picked.
enum HTML {
    /// `&`, `<`, `>`, `"` and `'` as character references; control characters
    /// other than tab and line breaks (a parse error in HTML, e.g. a NUL a cell
    /// printed) as U+FFFD; everything else as is.
    ///
    ///     HTML.escape(#"a < b & "c""#)   // a &lt; b &amp; &quot;c&quot;
    static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscaping) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case _ where isForbiddenControl(scalar): result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "&" || scalar == "<" || scalar == ">" || scalar == "\"" || scalar == "'" || isForbiddenControl(scalar)
    }

    private static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0C, 0x0D: return false  // ASCII white space
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    /// ` name="value"` pairs for the attributes that have a value, in the given order.
    ///
    ///     HTML.attributes([("id", "x"), ("class", nil)])   // ` id="x"`
    static func attributes(_ pairs: [(String, String?)]) -> String {
        var result = ""
        for (name, value) in pairs {
            guard let value else { continue }
            result += " \(name)=\"\(escape(value))\""
        }
        return result
    }

    /// An opening tag with its attributes: `<figure id="fig_x" class="figure">`.
    static func openTag(_ name: String, _ pairs: [(String, String?)] = []) -> String {
        "<\(name)\(attributes(pairs))>"
    }
}
