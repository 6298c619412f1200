import Diagnostics
import Foundation
import Testing

@testable import NotebookFormat

/// The writer: only output fences change, every other byte stays.
@Suite struct OutputRewriterTests {
    private func parse(_ text: String) -> Notebook {
        NotebookParser().parse(source: text, path: "w.md")
    }

    /// Applies edits, checks that the bytes before and after the changed part
    /// are the old ones (found independently: longest common prefix and suffix),
    /// and that the change lies inside `allowed` (byte range of the old file).
    private func rewrite(_ text: String, _ edits: [OutputEdit], changesOnlyWithin allowed: (Notebook) -> Range<Int>) throws -> Notebook {
        let notebook = parse(text)
        let result = try OutputRewriter.rewrite(notebook, applying: edits)
        let old = Array(text.utf8)
        let new = Array(result.utf8)
        let prefix = zip(old, new).prefix { $0 == $1 }.count
        let suffix = zip(old.reversed(), new.reversed()).prefix { $0 == $1 }.count
        let changedStart = min(prefix, old.count)
        let changedEnd = max(changedStart, old.count - min(suffix, old.count - changedStart))
        let range = allowed(notebook)
        #expect(changedStart >= range.lowerBound && changedEnd <= range.upperBound,
                "changed \(changedStart)..<\(changedEnd), allowed \(range)")
        let reparsed = parse(result)
        #expect(!reparsed.hasErrors)
        return reparsed
    }

    // MARK: - Replace

    @Test func replacesTheBodyOnly() throws {
        let text = try Fixtures.text("rewrite/lesson.md")
        let new = "tensor([[1., 1., 1.],\n\t[中, 文]])  "
        let reparsed = try rewrite(text, [OutputEdit(cellIndex: 1, output: new)]) { notebook in
            notebook.codeCells[0].output!.bodyByteRange
        }
        #expect(reparsed.codeCells[0].output?.text == new)
        #expect(reparsed.codeCells.map { $0.output != nil } == [true, false, true, false])
    }

    @Test func unchangedOutputsGiveNoReplacements() throws {
        let notebook = parse(try Fixtures.text("rewrite/lesson.md"))
        let edits = notebook.codeCells.map { OutputEdit(cellIndex: $0.index, output: $0.output?.text) }
        #expect(try OutputRewriter.replacements(for: notebook, applying: edits).isEmpty)
        #expect(try OutputRewriter.rewrite(notebook, applying: edits) == notebook.source)
    }

    @Test func backticksInTheTextLengthenTheFence() throws {
        let text = "```python\nx\n```\n\n```output\nold\n```\nafter\n"
        let new = "a ``` b\n````"
        let reparsed = try rewrite(text, [OutputEdit(cellIndex: 1, output: new)]) { $0.codeCells[0].output!.fenceByteRange }
        #expect(reparsed.codeCells[0].output?.text == new)
        #expect(reparsed.codeCells[0].output?.fence.length == 5)
        #expect(reparsed.source.hasSuffix("`````\nafter\n"))
    }

    @Test func tildeFenceLengthensForTildesOnly() throws {
        let text = "```python\nx\n```\n~~~output\nold\n~~~\n"
        let notebook = parse(text)
        let kept = try OutputRewriter.rewrite(notebook, applying: [OutputEdit(cellIndex: 1, output: "```")])
        #expect(kept == "```python\nx\n```\n~~~output\n```\n~~~\n")
        let longer = try OutputRewriter.rewrite(notebook, applying: [OutputEdit(cellIndex: 1, output: "~~~~")])
        #expect(longer == "```python\nx\n```\n~~~~~output\n~~~~\n~~~~~\n")
    }

    @Test func indentedOutputFenceKeepsItsIndentation() throws {
        let text = "```python\nx\n```\n  ```output\n  old\n  ```\n"
        let result = try OutputRewriter.rewrite(parse(text), applying: [OutputEdit(cellIndex: 1, output: "a\n\nb")])
        #expect(result == "```python\nx\n```\n  ```output\n  a\n\n  b\n  ```\n")
        #expect(parse(result).codeCells[0].output?.text == "a\n\nb")
    }

    @Test func unclosedOutputIsClosed() throws {
        let text = "```python\nx\n```\n```output\nold\n"
        let result = try OutputRewriter.rewrite(parse(text), applying: [OutputEdit(cellIndex: 1, output: "new")])
        #expect(result == "```python\nx\n```\n```output\nnew\n```\n")
    }

    // MARK: - Insert

    @Test func insertsAFenceAfterACellWithoutOutput() throws {
        let text = try Fixtures.text("rewrite/lesson.md")
        let reparsed = try rewrite(text, [OutputEdit(cellIndex: 2, output: "a\tb  ")]) { notebook in
            // An insertion may slide over the line ending and the blank line
            // after the cell: the same bytes inserted there give the same file.
            let end = notebook.codeCells[1].fence.byteRange.upperBound
            return end..<(end + 3)
        }
        #expect(reparsed.codeCells[1].output?.text == "a\tb  ")
        #expect(reparsed.source.contains("print(\"a\\tb  \")\n```\n\n```output\na\tb  \n```\n\n不再打印的单元"))
    }

    @Test func insertsAtTheEndOfAFileWithoutFinalNewline() throws {
        let text = "```python\nprint(1)\n```"
        let result = try OutputRewriter.rewrite(parse(text), applying: [OutputEdit(cellIndex: 1, output: "1")])
        #expect(result == "```python\nprint(1)\n```\n\n```output\n1\n```")
    }

    @Test func emptyOutputInsertsAnEmptyFence() throws {
        let result = try OutputRewriter.rewrite(parse("```python\nx\n```\n"), applying: [OutputEdit(cellIndex: 1, output: "")])
        #expect(result == "```python\nx\n```\n\n```output\n```\n")
        #expect(parse(result).codeCells[0].output?.text == "")
    }

    // MARK: - Remove

    @Test func removesTheFenceAndTheBlankLinesBeforeIt() throws {
        let text = try Fixtures.text("rewrite/lesson.md")
        let reparsed = try rewrite(text, [OutputEdit(cellIndex: 3, output: nil)]) { notebook in
            notebook.codeCells[2].fence.byteRange.upperBound..<notebook.codeCells[2].output!.fenceByteRange.upperBound + 1
        }
        #expect(reparsed.codeCells[2].output == nil)
        #expect(reparsed.source.contains("x = 1\n```\nProse right after the output."))
    }

    @Test func removingTheLastFenceKeepsAMissingFinalNewlineMissing() throws {
        let text = "```python\nx\n```\n\n```output\n1\n```"
        #expect(try OutputRewriter.rewrite(parse(text), applying: [OutputEdit(cellIndex: 1, output: nil)]) == "```python\nx\n```")
        let withNewline = text + "\n"
        #expect(try OutputRewriter.rewrite(parse(withNewline), applying: [OutputEdit(cellIndex: 1, output: nil)]) == "```python\nx\n```\n")
    }

    // MARK: - Several edits, line endings

    @Test func severalEditsAtOnce() throws {
        let text = try Fixtures.text("rewrite/lesson.md")
        let notebook = parse(text)
        let edits = [
            OutputEdit(cellIndex: 4, output: "last"), OutputEdit(cellIndex: 1, output: "one"),
            OutputEdit(cellIndex: 3, output: nil), OutputEdit(cellIndex: 2, output: "two"),
        ]
        let result = try OutputRewriter.rewrite(notebook, applying: edits)
        let reparsed = parse(result)
        #expect(reparsed.codeCells.map { $0.output?.text } == ["one", "two", nil, "last"])
        #expect(reparsed.codeCells.map(\.source) == notebook.codeCells.map(\.source))
        // Prose is untouched: the same nodes (ranges aside) in the same order.
        let prose = { (n: Notebook) in n.blocks.compactMap(\.prose).map { $0.plainText } }
        #expect(prose(reparsed) == prose(notebook))
        #expect(reparsed.frontMatter == notebook.frontMatter)
    }

    @Test func crlfFilesGetCRLFLines() throws {
        let text = "# 标题\r\n\r\n```python\r\nx\r\n```\r\n\r\n```python\r\ny\r\n```\r\n\r\n```output\r\nold\r\n```\r\n"
        let result = try OutputRewriter.rewrite(parse(text), applying: [
            OutputEdit(cellIndex: 1, output: "a\nb"), OutputEdit(cellIndex: 2, output: "c\nd"),
        ])
        #expect(result == "# 标题\r\n\r\n```python\r\nx\r\n```\r\n\r\n```output\r\na\r\nb\r\n```\r\n\r\n```python\r\ny\r\n```\r\n\r\n```output\r\nc\r\nd\r\n```\r\n")
        #expect(parse(result).codeCells.map { $0.output?.text } == ["a\nb", "c\nd"])
    }

    @Test func byteOrderMarkIsKept() throws {
        let text = "\u{FEFF}```python\nx\n```\n"
        let result = try OutputRewriter.rewrite(parse(text), applying: [OutputEdit(cellIndex: 1, output: "1")])
        #expect(Array(result.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(result == "\u{FEFF}```python\nx\n```\n\n```output\n1\n```\n")
    }

    // MARK: - Refusals

    @Test func badEditsAreErrors() {
        let notebook = parse("```python\nx\n```\n\n```python\nunclosed\n")
        #expect(throws: OutputRewriteError.noSuchCell(index: 3, cellCount: 2)) {
            try OutputRewriter.rewrite(notebook, applying: [OutputEdit(cellIndex: 3, output: "x")])
        }
        #expect(throws: OutputRewriteError.duplicateEdit(index: 1)) {
            try OutputRewriter.rewrite(notebook, applying: [OutputEdit(cellIndex: 1, output: "a"), OutputEdit(cellIndex: 1, output: "b")])
        }
        #expect(throws: OutputRewriteError.unclosedCell(index: 2, location: SourceLocation(file: "w.md", line: 5, column: 1))) {
            try OutputRewriter.rewrite(notebook, applying: [OutputEdit(cellIndex: 2, output: "a")])
        }
        let invalid = NotebookParser().parse(bytes: [0x23, 0xFF, 0x0A], path: "bad.md")
        #expect(throws: OutputRewriteError.sourceNotExact(path: "bad.md")) {
            try OutputRewriter.rewrite(invalid, applying: [])
        }
    }
}
