import Diagnostics
import Foundation
import Testing

@testable import NotebookFormat

/// Hostile and unusual input: never a crash, always a clear diagnostic.
@Suite struct ParserRobustnessTests {
    @Test func nonUTF8IsAnErrorNamingTheFileAtTheBadByte() throws {
        var bytes = Array("# 标题\n中文 ok\n卷".utf8)
        bytes.removeLast()  // cut the last character in half
        bytes += Array(" tail\n".utf8)
        let notebook = NotebookParser().parse(bytes: bytes, path: "notes/bad.md")
        let diagnostic = try #require(notebook.diagnostics.first)
        #expect(notebook.diagnostics.count == 1)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message.hasPrefix("notes/bad.md is not UTF-8 text (byte 0xE5 at offset"))
        #expect(diagnostic.location == SourceLocation(file: "notes/bad.md", line: 3, column: 1))
        #expect(!notebook.isSourceExact && notebook.blocks.isEmpty)
    }

    @Test(arguments: [
        [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xE4, 0xB8],
    ] as [[UInt8]])
    func malformedSequencesAreFound(_ bad: [UInt8]) {
        #expect(UTF8Validation.firstInvalidOffset(in: Array("ab".utf8) + bad) == 2)
    }

    @Test func wellFormedTextValidates() {
        #expect(UTF8Validation.firstInvalidOffset(in: Array("a é 中 𝔸 \u{10FFFF}".utf8)) == nil)
    }

    @Test(arguments: [
        "",
        "\u{FEFF}",
        "\n\n\n",
        "a\rb\rc $x$\r",
        "nul \u{0} byte $y$",
        String(repeating: ">", count: 5000) + " deep $z$",
        String(repeating: "- ", count: 3000) + "item",
        String(repeating: "*", count: 4000) + "x" + String(repeating: "*", count: 4000),
        String(repeating: "[", count: 3000) + "a" + String(repeating: "](u)", count: 3000),
        String(repeating: "$", count: 1001),
        String(repeating: "`", count: 999) + "\n",
        "```python\n" + String(repeating: "#| echo: x\n", count: 200) + "```",
        "---\n" + String(repeating: "[", count: 200) + "\n---\n",
    ])
    func oddInputParsesWithoutTrapping(_ text: String) {
        let notebook = NotebookParser().parse(source: text, path: "odd.md")
        #expect(notebook.source == text)
        // Rewriting with no edits gives the same bytes back.
        #expect((try? OutputRewriter.rewrite(notebook, applying: [])) == text)
    }

    /// Inputs that make a naive inline scanner quadratic (each `<` or backtick
    /// run searching to the end of the paragraph). Linear, they take well under
    /// a second each; quadratic, the first one alone took 90 s.
    static let pathological: [String: String] = [
        "declarations": String(repeating: "<!a ", count: 40000),
        "comments": String(repeating: "x <!-- ", count: 30000),
        "instructions": String(repeating: "x <? ", count: 30000),
        "cdata": String(repeating: "x <![CDATA[ ", count: 20000),
        "attribute quotes": String(repeating: "<a b=\"", count: 30000),
        "backtick runs": (1..<400).map { String(repeating: "`", count: $0) }.joined(separator: " "),
        "dollars": "$$a " + String(repeating: "$a ", count: 40000),
    ]

    @Test(.timeLimit(.minutes(1)), arguments: pathological.keys.sorted())
    func pathologicalParagraphsStayLinear(_ name: String) {
        let notebook = NotebookParser().parse(source: Self.pathological[name] ?? "", path: "slow.md")
        #expect(notebook.blocks.count == 1)
    }

    @Test func deepNestingIsCutAndReported() {
        let notebook = NotebookParser().parse(source: String(repeating: "> ", count: 500) + "deep\n", path: "deep.md")
        #expect(notebook.warnings.contains { $0.message.contains("nested more than") })
    }

    @Test func randomBytesNeverTrap() {
        // A deterministic stream of Markdown-heavy bytes (fences, dollars, backticks…).
        var generator = SplitMix64(seed: 20251130)
        let alphabet = Array("`$\\*_[]()!<>:#|-~ \n\tax1{}.=中".utf8) + [0xE4, 0xB8, 0xAD, 0x00, 0x0D, 0x01]
        // LITBOOK_FUZZ_ITERATIONS raises the count for a longer local run.
        let iterations = ProcessInfo.processInfo.environment["LITBOOK_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 2000
        for _ in 0..<iterations {
            let length = Int(generator.next() % 300)
            var bytes: [UInt8] = []
            for _ in 0..<length { bytes.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
            let notebook = NotebookParser().parse(bytes: bytes, path: "r.md")
            if notebook.isSourceExact {
                #expect((try? OutputRewriter.rewrite(notebook, applying: [])) == notebook.source)
                for node in notebook.proseNodes {
                    #expect(node.range.start <= node.range.end)
                }
            }
        }
    }
}

/// A tiny seeded generator, so the random test is the same on every run.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
