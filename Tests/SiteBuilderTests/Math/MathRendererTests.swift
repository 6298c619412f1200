import Foundation
import Testing

@testable import SiteBuilder

@Suite struct MathRendererTests {
    // MARK: - The <math> element

    @Test func displayMathIsBlockAndKeepsTheTeXAsAlttext() {
        let display = MathRenderer.render(" x^2 ", display: true).markup
        #expect(display.hasPrefix(#"<math display="block" alttext="x^2">"#))
        let inline = MathRenderer.render("x^2", display: false).markup
        #expect(inline.hasPrefix(#"<math alttext="x^2">"#))
        #expect(inline.hasSuffix("</math>"))
    }

    @Test func renderingIsDeterministic() {
        let tex = #"\begin{aligned} a &= \sum_{i=1}^n \frac{x_i}{\sqrt{2}} \\ &\le \mathbf{X}^\top \end{aligned}"#
        #expect(MathRenderer.render(tex, display: true) == MathRenderer.render(tex, display: true))
    }

    // MARK: - Warnings

    @Test func unknownMacroIsShownAsItsSourceWithAWarningNamingIt() {
        let rendering = MathRenderer.render(#"a + \foo{b}"#, display: false)
        #expect(rendering.markup.contains(#"<merror><mtext>\foo</mtext></merror>"#))
        #expect(rendering.markup.contains("<mi>b</mi>"))
        #expect(rendering.warnings.count == 1)
        #expect(rendering.warnings.first?.message.contains(#"\foo"#) == true)
        #expect(rendering.warnings.first?.offset == 4)
        #expect(rendering.warnings.first?.length == 4)
    }

    /// Offsets count scalars and UTF-16 units separately: 𝐱 is one scalar, two units.
    @Test func warningOffsetsCountScalarsAndUTF16Units() throws {
        let rendering = MathRenderer.render("𝐱+é+\\nope", display: false)
        let warning = try #require(rendering.warnings.first)
        #expect(warning.offset == 4)
        #expect(warning.utf16Offset == 5)
        #expect(warning.length == 5)
    }

    @Test func warningAtTheEndPointsPastTheLastCharacter() {
        let rendering = MathRenderer.render(#"\frac{a}{b}+{x"#, display: false)
        #expect(rendering.warnings.map(\.message) == ["Missing '}' for the '{' opened here."])
        #expect(rendering.warnings.first?.offset == 12)
    }

    @Test(arguments: MathRenderer.unsupportedMacros.sorted())
    func unsupportedMacrosAreReportedAsSuch(_ name: String) {
        let rendering = MathRenderer.render("\\\(name) x", display: true)
        #expect(rendering.warnings.first?.message == "Unsupported macro \\\(name) (shown as text).")
    }

    /// The README's list of unsupported macros is the one the code uses.
    @Test func readmeListsExactlyTheUnsupportedMacros() throws {
        let readme = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Sources/SiteBuilder/Math/README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## Unsupported macros").dropFirst().first)
        let body = section.components(separatedBy: "\n## ").first ?? ""
        var listed: Set<String> = []
        // Every `\name` in the bullets of the section.
        for line in body.split(separator: "\n") where line.hasPrefix("- ") {
            for piece in line.components(separatedBy: "`\\").dropFirst() {
                listed.insert(String(piece.prefix { $0 != "`" }))
            }
        }
        #expect(listed == MathRenderer.unsupportedMacros)
    }

    // MARK: - Escaping

    @Test func textCannotBreakOutOfTheMarkup() {
        let markup = MathRenderer.render(#"\text{</math><script>alert("x")</script>} < y"#, display: false).markup
        #expect(!markup.contains("<script"))
        #expect(!markup.contains("</math><"))
        #expect(MarkupBalance.check(markup) == nil)
    }

    @Test func controlCharactersNeverReachTheOutput() {
        let markup = MathRenderer.render("\\text{a\u{0}b\u{7}}x\u{1B}", display: false).markup
        #expect(!markup.unicodeScalars.contains { $0.value < 0x20 })
    }

    // MARK: - Numbers

    @Test(arguments: [
        (3.0 / 18, "0.1667em"), (1, "1em"), (-0.0, "0em"), (2.47, "2.47em"), (-5.0 / 18, "-0.2778em"),
        (1e-9, "0em"), (.infinity, "0em"),
    ])
    func emLengthsAreCompact(_ value: Double, _ expected: String) {
        #expect(MathMLWriter.formatEm(value) == expected)
    }

    @Test(arguments: [("3pt", 0.3), ("18mu", 1.0), ("-1em", -1.0), (" 2 em ", 2.0), ("1e4em", 100)])
    func texLengthsConvertToEm(_ text: String, _ expected: Double) throws {
        let value = try #require(MathParser.parseDimension(text))
        #expect(abs(value - expected) < 1e-9)
    }

    @Test(arguments: ["abc", "3", "em", "1e999em", "nanem"])
    func invalidTexLengthsAreRejected(_ text: String) {
        #expect(MathParser.parseDimension(text) == nil)
    }
}
