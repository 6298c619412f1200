import Diagnostics
import NotebookRunner
import Testing

@testable import SiteBuilder

/// Whatever the notebook holds, the build finishes with a well-formed page:
/// cut-off notebooks, mangled markup, deep nesting, hostile text.
@Suite struct RobustnessTests {
    /// A small deterministic generator (xorshift), so a failure reproduces.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(max(bound, 1)))
        }
    }

    private static let pieces = [
        "$", "$$", "`", "```", "\n", ":label:`", ":numref:`", ":eqref:`x`", "{numref}`", "![", "](", ")", "[", "]",
        "#", "> ", "- ", "1. ", "*", "_", "\\", "<", "&", "\"", "'", "卷积", "\\frac{", "}",
        "\n```{plot} p\n:label: l\n```\n",
        "\n```python\nprint('<x>')\n```\n", "[a](other.md#", "](#", ":width:`", "\u{0}", "\u{301}", "🙂",
    ]

    @Test(arguments: 0..<4)
    func mangledNotebooksRenderWellFormedPages(seed: Int) throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        var random = Generator(state: 0x9E37_79B9_7F4A_7C15 &+ UInt64(seed) &* 0x1000_0001)
        let base = CourseFixture.convolutionSource
        for round in 0..<25 {
            var text = String(base.prefix(random.next(base.count + 1)))
            for _ in 0..<random.next(12) {
                let piece = Self.pieces[random.next(Self.pieces.count)]
                let offset = random.next(text.count + 1)
                text.insert(contentsOf: piece, at: text.index(text.startIndex, offsetBy: offset))
            }
            var notebook = Executed.notebook(text, path: "m.md")
            for index in notebook.cells.indices {
                notebook.cells[index].printed = "<&>\u{0}\(round)\n"
                notebook.cells[index].error =
                    random.next(2) == 0
                    ? CellException(
                        type: "E<", message: "m&", location: SourceLocation(file: "m.md", line: -5, column: 0),
                        wasExpected: false) : nil
            }
            notebook = notebook.drawing("p", figure: Executed.figure(.plot, id: "p"))
            let site = try fixture.render([notebook])
            let page = try #require(site.text("m.html"))
            let hasRawHTML = notebook.notebook.blocks.contains { block in
                block.prose?.descendantsAndSelf.contains { node in
                    if case .htmlBlock = node.kind { return true }
                    if case .inlineHTML = node.kind { return true }
                    return false
                } ?? false
            }
            if !hasRawHTML {
                #expect(HTMLChecker.problems(in: page) == [], "seed \(seed) round \(round):\n\(text)")
            }
        }
    }

    @Test func deepNestingAndLongLines() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let sources = [
            String(repeating: "> ", count: 400) + "deep $x$ :numref:`nowhere`\n",
            String(repeating: "- ", count: 300) + "item\n",
            String(repeating: "*a ", count: 2000) + "\n",
            "# " + String(repeating: "长", count: 5000) + "\n",
            "$$" + String(repeating: "{", count: 3000) + "$$\n",
        ]
        for (index, source) in sources.enumerated() {
            let site = try fixture.render([Executed.notebook(source, path: "d\(index).md")])
            let page = try #require(site.text("d\(index).html"))
            #expect(HTMLChecker.problems(in: page) == [], "source \(index)")
        }
    }

    @Test func anEmptyCourseStillHasAHomePage() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let site = try fixture.render([])
        #expect(site.paths == ["index.html", "print.css", "search-index.json", "site.js", "style.css"])
        #expect(HTMLChecker.problems(in: try #require(site.text("index.html"))) == [])
    }
}
