import Diagnostics
import Testing

@testable import SiteBuilder

/// Math warnings point at the macro in the notebook, not in the formula.
@Suite struct MathLocationTests {
    private func warnings(_ source: String) throws -> [Diagnostic] {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        return try fixture.render([Executed.notebook(source, path: "m.md")]).warnings
    }

    @Test func inlineMacro() throws {
        let found = try warnings("# M\n\n中文 $a + \\cancel{b}$ end\n")
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(file: "m.md", line: 3, column: 9))
        #expect(found.first?.message.contains("\\cancel") == true)
    }

    @Test func macroOnALaterLineOfDisplayMath() throws {
        let found = try warnings("# M\n\n$$\na = b \\\\\n  c = \\foo{d}\n$$\n")
        #expect(found.map(\.location) == [SourceLocation(file: "m.md", line: 5, column: 7)])
    }

    @Test func macroInsideAQuotedDisplayFormula() throws {
        let found = try warnings("# M\n\n> Text $$x\n> a + \\bar{y} + \\nope$$ end\n")
        #expect(found.map(\.location) == [SourceLocation(file: "m.md", line: 4, column: 17)])
    }

    @Test func macroInADirectiveCaption() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let notebook = Executed.notebook("# M\n\n```{plot} p\n:caption: Loss $\\zap$ here\n```\n", path: "m.md")
            .drawing("p", figure: Executed.figure(.plot, id: "p"))
        let site = try fixture.render([notebook])
        #expect(site.warnings.map(\.location) == [SourceLocation(file: "m.md", line: 4, column: 17)])
    }

    @Test func placementColumnsCountScalars() {
        let placement = MathPlacement(source: "x\n图 $\\foo$\n")
        let start = SourceLocation(file: "m.md", line: 2, column: 3)
        #expect(placement.location(ofOffset: 0, in: "\\foo", startingAt: start, delimiterWidth: 1).column == 4)
    }
}
