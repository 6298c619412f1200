import Testing

@testable import SiteBuilder

/// Every construct of the supported TeX subset against recorded MathML
/// (`Golden/Math/<group>.txt`, re-recorded with `LITBOOK_RECORD_GOLDEN=1`).
@Suite struct MathGoldenTests {
    @Test(arguments: MathGoldenCases.groupNames)
    func group(_ name: String) {
        let cases = MathGoldenCases.groups[name] ?? []
        #expect(!cases.isEmpty)
        Golden.check(Self.transcript(cases), against: "Math/\(name).txt")
    }

    /// The golden text of a group: for each case its TeX, mode, indented MathML and
    /// warnings (offset in scalars / UTF-16).
    static func transcript(_ cases: [MathCase]) -> String {
        var text = ""
        for mathCase in cases {
            let rendering = MathRenderer.render(mathCase.tex, display: mathCase.display)
            let mode = mathCase.display ? "display" : "inline"
            let shownTeX = mathCase.tex.replacingOccurrences(of: "\n", with: "⏎")
            text += "## \(mode): \(shownTeX)\n"
            text += MarkupPrettyPrinter.format(rendering.markup) + "\n"
            for warning in rendering.warnings {
                text += "warning @\(warning.offset)/\(warning.utf16Offset)+\(warning.length): \(warning.message)\n"
            }
            text += "\n"
        }
        return text
    }
}
