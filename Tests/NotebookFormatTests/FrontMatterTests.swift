import Diagnostics
import Testing

@testable import NotebookFormat

/// YAML front matter: typed keys, the value tree, and errors at notebook lines.
@Suite struct FrontMatterTests {
    private func parse(_ text: String) -> Notebook {
        NotebookParser().parse(source: text, path: "f.md")
    }

    @Test func typedKeysAndOtherValues() throws {
        let notebook = parse("""
            ---
            title: 图像卷积
            seed: 18446744073709551615
            order: 3
            lang: zh
            tab: mxnet
            extra:
              nested: [1, 2.5, true, null, "s"]
            ...
            # Body
            """)
        let front = notebook.frontMatter
        #expect(notebook.diagnostics.isEmpty)
        #expect(front.title == "图像卷积" && front.seed == UInt64.max && front.order == 3 && front.lang == "zh" && front.tab == "mxnet")
        #expect(front["extra"] == .mapping([(key: "nested", value: .list([.int(1), .double(2.5), .bool(true), .null, .string("s")]))]))
        #expect(front.values.map(\.key) == ["title", "seed", "order", "lang", "tab", "extra"])
        #expect(front.values.last?.location == SourceLocation(file: "f.md", line: 7, column: 1))
        #expect(front.range?.start.line == 1 && front.range?.end.line == 9)
        #expect(notebook.tabSelection.tab == "mxnet")
        // The body after the block is Markdown, on its own lines.
        #expect(notebook.headings.first?.range.start.line == 10)
    }

    @Test func defaultsWithoutFrontMatter() {
        let notebook = parse("# Title\n")
        #expect(notebook.frontMatter == FrontMatter())
        #expect(notebook.frontMatter.seed == 0 && notebook.frontMatter.tab == "pytorch" && notebook.frontMatter.range == nil)
    }

    @Test func dashesLaterInTheFileAreNotFrontMatter() {
        let notebook = parse("text\n\n---\ntitle: x\n---\n")
        #expect(notebook.frontMatter.range == nil)
        #expect(notebook.frontMatter.title == nil)
    }

    struct BadFrontMatter: Sendable, CustomTestStringConvertible {
        var text: String
        var diagnostic: String
        var testDescription: String { diagnostic }
    }

    static let bad: [BadFrontMatter] = [
        BadFrontMatter(text: "---\ntitle: x\n# no end\n", diagnostic: "f.md:1:1: error: Front matter is not closed: end it with a '---' line (or remove the '---' on line 1)."),
        BadFrontMatter(text: "---\nseed: -1\n---\n", diagnostic: "f.md:2:7: error: 'seed' must be a non-negative integer, not '-1'."),
        BadFrontMatter(text: "---\nseed: 1.5\n---\n", diagnostic: "f.md:2:7: error: 'seed' must be a non-negative integer, not '1.5'."),
        BadFrontMatter(text: "---\nseed: \"3\"\n---\n", diagnostic: "f.md:2:7: error: 'seed' must be a non-negative integer, not '3'."),
        BadFrontMatter(text: "---\nseed: 99999999999999999999\n---\n", diagnostic: "f.md:2:7: error: 'seed' must be a non-negative integer, not '99999999999999999999'."),
        BadFrontMatter(text: "---\norder: first\n---\n", diagnostic: "f.md:2:8: error: 'order' must be a number, not 'first'."),
        BadFrontMatter(text: "---\ntab: [a, b]\n---\n", diagnostic: "f.md:2:6: error: 'tab' must be a tab name such as 'pytorch'."),
        BadFrontMatter(text: "---\n- a\n- b\n---\n", diagnostic: "f.md:2:1: error: Front matter must be a mapping of keys to values, such as 'title: …'."),
        BadFrontMatter(text: "---\ntitle: x\n  bad: indent\n---\n", diagnostic: "f.md:3:6: error: Front matter is not valid YAML: mapping values are not allowed in this context."),
        BadFrontMatter(text: "---\ntitle: a\ntitle: b\n---\n", diagnostic: "f.md:2:1: error: Front matter repeats the key 'title'."),
    ]

    @Test(arguments: bad)
    func problemsAreErrorsAtTheirLine(_ example: BadFrontMatter) {
        let notebook = parse(example.text)
        #expect(notebook.diagnostics.map(\.description) == [example.diagnostic])
    }

    @Test func unclosedFrontMatterIsReadAsMarkdown() {
        let notebook = parse("---\ntitle: x\n")
        #expect(notebook.blocks.first?.prose?.kind == .thematicBreak)
    }

    @Test func byteOrderMarkBeforeFrontMatter() {
        let notebook = parse("\u{FEFF}---\r\ntitle: BOM\r\n---\r\n# H\r\n")
        #expect(notebook.frontMatter.title == "BOM")
        #expect(notebook.diagnostics.isEmpty)
        #expect(notebook.headings.first?.range.start == SourceLocation(file: "f.md", line: 4, column: 1))
    }
}

/// Columns count Unicode scalars, also where libyaml reports them, and the
/// rendered diagnostic puts its caret under the right character.
@Suite struct ErrorLocationTests {
    @Test func yamlErrorAfterChineseText() throws {
        let notebook = NotebookParser().parse(source: "---\ntitle: 图像: 卷积\n---\n", path: "z.md")
        let diagnostic = try #require(notebook.diagnostics.first)
        #expect(diagnostic.location == SourceLocation(file: "z.md", line: 2, column: 10))
        let rendered = DiagnosticRenderer(sources: [notebook.path: notebook.source]).render(diagnostic)
        // "title: " is 7 columns, "图像" 4 more: the caret sits under the second colon.
        #expect(rendered.split(separator: "\n").last == "               ^")
    }

    @Test func cellOptionErrorAfterAnIndentedFence() throws {
        let notebook = NotebookParser().parse(source: "列表\n\n  ```python\n  #| timeout: 很久\n  ```\n", path: "z.md")
        #expect(notebook.diagnostics.map(\.description) == [
            "z.md:4:15: error: Cell option 'timeout' must be a positive number, not '很久'."
        ])
    }
}

/// Only top-level fences are cells: a fence inside a list item or a quote is
/// shown as code, like any other nested block.
@Suite struct NestedFenceTests {
    @Test func fencesInsideContainersAreShownNotRun() {
        let notebook = NotebookParser().parse(source: "- item\n\n  ```python\n  x = 1\n  ```\n\n> ```python\n> y = 2\n> ```\n", path: "n.md")
        #expect(notebook.codeCells.isEmpty)
        let shown = notebook.proseNodes.compactMap { node -> String? in
            if case .codeBlock(let info, let code) = node.kind { return info + ":" + code }
            return nil
        }
        #expect(shown == ["python:x = 1\n", "python:y = 2\n"])
    }
}
