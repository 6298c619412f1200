import Diagnostics
import Testing

@testable import NotebookFormat

/// Output fences: which cell they belong to, their exact text and byte ranges.
@Suite struct RecordedOutputTests {
    private func parse(_ text: String) -> Notebook {
        NotebookParser().parse(source: text, path: "o.md")
    }

    @Test func textIsKeptExactly() throws {
        let source = "```python\nx\n```\n\n\n```output\n\t卷积  \n\nend\t\n```\n"
        let notebook = parse(source)
        let output = try #require(notebook.codeCells.first?.output)
        #expect(output.text == "\t卷积  \n\nend\t")
        #expect(output.line == 6)
        let bytes = Array(source.utf8)
        #expect(String(decoding: bytes[output.bodyByteRange], as: UTF8.self) == "\t卷积  \n\nend\t\n")
        #expect(String(decoding: bytes[output.fenceByteRange], as: UTF8.self) == "```output\n\t卷积  \n\nend\t\n```")
        #expect(notebook.diagnostics.isEmpty)
    }

    @Test func emptyOutputs() throws {
        let notebook = parse("```python\na\n```\n```output\n```\n```python\nb\n```\n```output\n\n```\n")
        #expect(notebook.codeCells.map { $0.output?.text } == ["", ""])
    }

    @Test func textBetweenCellAndOutputDetachesIt() throws {
        let notebook = parse("```python\na\n```\n\nprose\n\n```output\n1\n```\n")
        #expect(notebook.codeCells.first?.output == nil)
        #expect(notebook.diagnostics.map(\.description) == [
            "o.md:7:1: warning: This output block follows no code cell, so it is shown as plain code; put it right after the cell that prints it."
        ])
        #expect(notebook.blocks.last?.prose?.kind == .codeBlock(info: "output", code: "1\n"))
    }

    @Test func crlfFileKeepsTextAndPositions() throws {
        let notebook = parse("# 标题\r\n\r\n```python\r\nprint(1)\r\nprint(2)\r\n```\r\n\r\n```output\r\n1\r\n2\r\n```\r\n")
        let cell = try #require(notebook.codeCells.first)
        #expect(cell.source == "print(1)\nprint(2)")
        #expect(cell.output?.text == "1\n2")
        #expect(cell.output?.line == 8)
        #expect(notebook.headings.first?.range.end == SourceLocation(file: "o.md", line: 1, column: 5))
        #expect(notebook.diagnostics.isEmpty)
    }

    @Test func fileWithoutFinalNewline() throws {
        let notebook = parse("```python\na\n```\n```output\nlast")
        let output = try #require(notebook.codeCells.first?.output)
        #expect(output.text == "last")
        #expect(!output.fence.isClosed)
        #expect(notebook.diagnostics.first?.location?.line == 4)
    }

    @Test func unclosedCellWarnsAtItsOpeningLine() {
        let notebook = parse("# t\n\n````python\nx = 1\n```\n")
        #expect(notebook.codeCells.first?.source == "x = 1\n```")
        #expect(notebook.diagnostics.map(\.description) == [
            "o.md:3:1: warning: This code fence is never closed, so it runs to the end of the file; close it with a line of 4 '`'."
        ])
    }
}
