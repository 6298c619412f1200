/// How an operator stands in its row, beyond its TeX class.
enum OperatorRole {
    case normal
    /// A binary operator without an operand on one side (`-x`, `(-1)`): no spacing.
    case unary
    /// A relation or binary operator starting the right-hand column of an alignment.
    case infix
}

extension MathMLWriter {
    /// Characters that MathML stretches by default, to pin to their natural size when
    /// TeX would not stretch them (`(` outside `\left`, `|`, `/`).
    private static let stretchyByDefault: Set<String> = [
        "(", ")", "[", "]", "{", "}", "|", "‖", "/", "∖", "⟨", "⟩", "⌈", "⌉", "⌊", "⌋", "⟮", "⟯", "↑", "↓", "↕",
        "⇑", "⇓",
    ]

    /// Relations and punctuation whose dictionary spacing differs from TeX's class.
    private static let explicitSpacing: [String: (lspace: String, rspace: String)] = [
        ":": ("0.2778em", "0.2778em"), "∣": ("0.2778em", "0.2778em"), "∤": ("0.2778em", "0.2778em"),
        ".": ("0em", "0.1667em"), "mod": ("0.2222em", "0.2222em"),
    ]

    // MARK: - Operators

    /// Writes `<mo>` with the attributes that make it space like TeX's `atomClass`.
    mutating func writeOperator(_ text: String, _ atomClass: MathAtomClass, role: OperatorRole) {
        var attributes = ""
        switch (atomClass, role) {
        case (_, .infix):
            attributes = " form=\"infix\""
        case (.bin, .unary), (.ord, _):
            attributes = " lspace=\"0em\" rspace=\"0em\""
        case (.open, _):
            attributes = " form=\"prefix\""
        case (.close, _):
            attributes = " form=\"postfix\""
        default:
            if let spacing = Self.explicitSpacing[text] {
                attributes = " lspace=\"\(spacing.lspace)\" rspace=\"\(spacing.rspace)\""
            }
        }
        if Self.stretchyByDefault.contains(text) {
            attributes += " stretchy=\"false\""
        }
        output += "<mo\(attributes)>\(Self.escape(text))</mo>"
    }

    // MARK: - Escaping and numbers

    /// The one escaping helper: text and attribute values alike.
    ///
    /// Markup characters become entities; invisible characters (no-break space,
    /// function application) become numeric references so the output is readable;
    /// control characters, which HTML forbids, become U+FFFD.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\u{A0}", "\u{200B}"..."\u{200D}", "\u{2060}"..."\u{2064}", "\u{FEFF}":
                result += "&#x" + String(scalar.value, radix: 16, uppercase: true) + ";"
            case "\t", "\n", "\r":
                result.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}":
                result += "\u{FFFD}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `0.1667em`: at most four decimals, no trailing zeros, never `-0`.
    static func formatEm(_ value: Double) -> String {
        let scaled = (value * 10_000).rounded()
        guard scaled.isFinite, abs(scaled) < 1e12 else { return "0em" }
        let units = Int(scaled)
        if units == 0 { return "0em" }
        let sign = units < 0 ? "-" : ""
        let magnitude = units.magnitude
        let whole = magnitude / 10_000
        var fraction = String(magnitude % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction) + "em"
    }
}
