import Testing

@testable import NotebookFormat

/// Math protection: which `$` spans become math, with their TeX untouched, and
/// which stay text. Each case is one small notebook and the math it must hold
/// (`$…$` inline, `$$…$$` display), in order.
@Suite struct MathTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var markdown: String
        var math: [String]
        /// Text that must survive as prose text (plain text of all blocks).
        var text: String? = nil
        var testDescription: String { markdown.debugDescription }
    }

    static let cases: [Case] = [
        // TeX reaches us untouched: underscores, asterisks, backslashes.
        Case(markdown: "a $x_1 + y_2$ b", math: ["$x_1 + y_2$"], text: "a x_1 + y_2 b"),
        Case(markdown: "$a*b$ and $c*d$", math: ["$a*b$", "$c*d$"], text: "a*b and c*d"),
        Case(markdown: "$\\{a\\}\\\\ \\_x$", math: ["$\\{a\\}\\\\ \\_x$"]),
        Case(markdown: "$[\\mathbf{X}]_{i, j}$和$[\\mathbf{H}]_{i, j}$", math: ["$[\\mathbf{X}]_{i, j}$", "$[\\mathbf{H}]_{i, j}$"]),
        // Prices and literal dollars.
        Case(markdown: "costs $5 and $6 today", math: [], text: "costs $5 and $6 today"),
        Case(markdown: "\\$7 and \\$x\\$", math: [], text: "$7 and $x$"),
        Case(markdown: "$ a$ and $a $ stay", math: [], text: "$ a$ and $a $ stay"),
        Case(markdown: "$1$2 stays", math: [], text: "$1$2 stays"),
        Case(markdown: "$x$. and $y$,", math: ["$x$", "$y$"]),
        Case(markdown: "escaped $\\$5$ inside", math: ["$\\$5$"]),
        Case(markdown: "ends in $a\\\\$ here", math: ["$a\\\\$"]),
        // Not inside code, raw HTML, autolinks or code blocks.
        Case(markdown: "`$x$` and ``$y$``", math: [], text: "$x$ and $y$"),
        Case(markdown: "<span title=\"$x$\">t</span> $y$", math: ["$y$"]),
        Case(markdown: "<http://a.org/$x$> ok", math: []),
        Case(markdown: "```text\n$x$\n```", math: []),
        Case(markdown: "<div>\n$x$\n</div>", math: []),
        Case(markdown: "    $x$ indented code", math: []),
        // `<` inside math is no tag.
        Case(markdown: "$a<b$ and $c>d$", math: ["$a<b$", "$c>d$"]),
        // Display math, on one line or several lines of one paragraph.
        Case(markdown: "$$\\sum_i x_i$$", math: ["$$\\sum_i x_i$$"]),
        Case(markdown: "$$\na_1 \\\\\nb_2\n$$", math: ["$$\na_1 \\\\\nb_2\n$$"]),
        Case(markdown: "$$a $ b$$", math: ["$$a $ b$$"]),
        Case(markdown: "$$a\n\nb$$", math: [], text: "$$ab$$"),
        Case(markdown: "$$ unclosed", math: [], text: "$$ unclosed"),
        Case(markdown: "$a\nb$", math: [], text: "$a b$"),
        // Inside containers.
        Case(markdown: "> q $x_1$\n> $$y_\n> z$$", math: ["$x_1$", "$$y_\nz$$"]),
        Case(markdown: "- $a_1$\n  $$b\n  c$$", math: ["$a_1$", "$$b\nc$$"]),
        Case(markdown: "*em $m_*$* [l $l$](u) ![$i$](p.png)", math: ["$m_*$", "$l$", "$i$"]),
        Case(markdown: "# h $h_1$", math: ["$h_1$"]),
        Case(markdown: "s $s_1$\n===", math: ["$s_1$"]),
        // Adjacent spans and CJK punctuation around them.
        Case(markdown: "$a$$b$", math: ["$a$", "$b$"]),
        Case(markdown: "（$i$,$j$）处", math: ["$i$", "$j$"]),
    ]

    @Test(arguments: cases)
    func mathIsFoundAndKeptIntact(_ example: Case) {
        let notebook = NotebookParser().parse(source: example.markdown + "\n", path: "m.md")
        #expect(notebook.math == example.math)
        #expect(notebook.diagnostics.isEmpty)
        if let text = example.text {
            let plain = notebook.blocks.compactMap(\.prose).map { node -> String in
                // Math shows as its TeX in plain text; put the dollars back to compare.
                node.descendantsAndSelf.map { child -> String in
                    switch child.kind {
                    case .text(let text), .inlineCode(let text): return text
                    case .inlineMath(let tex): return tex
                    case .softBreak: return " "
                    case .codeBlock(_, let code): return code
                    default: return ""
                    }
                }.joined()
            }.joined()
            #expect(plain == text)
        }
    }

    @Test func mathRangesCoverTheirDelimiters() {
        let notebook = NotebookParser().parse(source: "中文$x_1$和\n> $$a\n> b$$\n", path: "m.md")
        let math = notebook.proseNodes.filter {
            if case .inlineMath = $0.kind { return true }
            if case .displayMath = $0.kind { return true }
            return false
        }
        #expect(math.map { "\($0.range.start.line):\($0.range.start.column)-\($0.range.end.line):\($0.range.end.column)" } == ["1:3-1:8", "2:3-3:6"])
    }

    @Test func aFileWithEveryFillerByteStillParses() {
        // The masking byte must not occur in the file; with all candidates taken,
        // math is left unprotected rather than mangled.
        let controls = String(decoding: MathMasker.fillerCandidates, as: UTF8.self)
        let notebook = NotebookParser().parse(source: "a \(controls) $x$\n", path: "m.md")
        #expect(notebook.math.isEmpty)
        #expect(!notebook.hasErrors)
    }
}
