import Diagnostics
import Testing

@testable import NotebookFormat

/// MyST-style directives: name, argument, `:key: value` options, body.
@Suite struct DirectiveTests {
    private func parse(_ text: String) -> Notebook {
        NotebookParser().parse(source: text, path: "d.md")
    }

    @Test func optionsInOrderWithLocations() throws {
        let notebook = parse("""
            ```{receptive-field}
            :input: 3x3
            :layers: conv 2x2, conv 2x2
            :at:
            ```
            """)
        let directive = try #require(notebook.directives.first)
        #expect(directive.name == "receptive-field" && directive.argument == nil)
        #expect(directive.options.map(\.key) == ["input", "layers", "at"])
        #expect(directive["layers"] == "conv 2x2, conv 2x2" && directive["at"] == "" && directive["missing"] == nil)
        #expect(directive.option("layers")?.location == SourceLocation(file: "d.md", line: 3, column: 1))
        #expect(directive.option("layers")?.valueLocation == SourceLocation(file: "d.md", line: 3, column: 10))
        #expect(directive.body == "")
        #expect(notebook.diagnostics.isEmpty)
    }

    @Test func argumentAndBodyAfterABlankLine() throws {
        let notebook = parse("~~~{plot} Loss 曲线\n:y: losses\n\nfirst\n  second\n~~~\n")
        let directive = try #require(notebook.directives.first)
        #expect(directive.argument == "Loss 曲线")
        #expect(directive.body == "first\n  second")
        #expect(directive.bodyFirstLine == 4)
        #expect(directive.range.start.line == 1 && directive.range.end.line == 6)
    }

    @Test func repeatedAndMalformedOptionsAreErrors() {
        let notebook = parse("```{heatmap}\n:tensor: Y\n:tensor: Z\n:bad key: 1\n```\n")
        #expect(notebook.diagnostics.map(\.description) == [
            "d.md:3:1: error: Directive option 'tensor' is given twice.",
            "d.md:4:1: error: A directive option must read ':key: value' (key: letters, digits, '-' and '_').",
        ])
        #expect(notebook.directives.first?.options.map(\.value) == ["Y"])
    }

    struct Info: Sendable, CustomTestStringConvertible {
        var info: String
        var becomes: String
        var testDescription: String { info }
    }

    static let infos: [Info] = [
        Info(info: "{correlation}", becomes: "directive correlation"),
        Info(info: "{plot} a b", becomes: "directive plot"),
        Info(info: "{.python .input}", becomes: "cell d2lbook"),
        Info(info: "{.python .input  n=3}", becomes: "cell d2lbook"),
        Info(info: "python", becomes: "cell python"),
        Info(info: "python title=x", becomes: "cell python"),
        Info(info: "{.text}", becomes: "shown"),
        Info(info: "{two words}", becomes: "shown"),
        Info(info: "{na/me}", becomes: "shown"),
        Info(info: "py", becomes: "shown"),
        Info(info: "", becomes: "shown"),
    ]

    @Test(arguments: infos)
    func infoStringDecidesWhatAFenceIs(_ example: Info) throws {
        let notebook = parse("```\(example.info)\nbody\n```\n")
        let block = try #require(notebook.blocks.first)
        let kind: String
        switch block.content {
        case .directive(let directive): kind = "directive \(directive.name)"
        case .codeCell(let cell): kind = "cell \(cell.kind)"
        case .prose: kind = "shown"
        }
        #expect(kind == example.becomes)
    }
}
