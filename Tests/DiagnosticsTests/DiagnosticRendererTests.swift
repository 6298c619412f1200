import Testing
@testable import Diagnostics

@Suite struct DiagnosticRendererTests {
    @Test func headerHasFileLineColumnSeverityAndMessage() {
        let d = Diagnostic.error("name 'K' is not defined", at: SourceLocation(file: "nb.md", line: 3, column: 15))
        #expect(d.description == "nb.md:3:15: error: name 'K' is not defined")
    }

    @Test func quotesTheLineWithACaretUnderTheColumn() {
        let text = "# title\n\n    Y = corr2d(X, K)\n"
        let d = Diagnostic.error("name 'K' is not defined", at: SourceLocation(file: "nb.md", line: 3, column: 19))
        let rendered = DiagnosticRenderer(sources: ["nb.md": text]).render(d)
        #expect(rendered == """
            nb.md:3:19: error: name 'K' is not defined
                    Y = corr2d(X, K)
                                  ^
            """)
    }

    @Test func wideCharactersMoveTheCaretTwoColumns() {
        let text = "输出 = x\n"
        let d = Diagnostic.error("bad", at: SourceLocation(file: "a", line: 1, column: 6), length: 1)
        let rendered = DiagnosticRenderer(sources: ["a": text]).render(d)
        // "输出" is four columns wide, then " = " is three: the caret sits after 4 + 7 spaces.
        #expect(rendered.split(separator: "\n").last == "           ^")
    }

    @Test func underlineCoversTheLengthButStaysOnTheLine() {
        let text = "abc def\n"
        let d = Diagnostic.error("bad", at: SourceLocation(file: "a", line: 1, column: 5), length: 10)
        let rendered = DiagnosticRenderer(sources: ["a": text]).render(d)
        #expect(rendered.split(separator: "\n").last == "        ^~~")
    }

    @Test func unknownFileOrLineGivesTheHeaderOnly() {
        let d = Diagnostic.warning("odd", at: SourceLocation(file: "missing.md", line: 9, column: 1))
        #expect(DiagnosticRenderer().render(d) == "missing.md:9:1: warning: odd")
        let e = Diagnostic.warning("odd", at: SourceLocation(file: "a", line: 99, column: 1))
        #expect(DiagnosticRenderer(sources: ["a": "x\n"]).render(e) == "a:99:1: warning: odd")
    }
}
