import Diagnostics
import NotebookRunner
import Testing

@testable import SiteBuilder

/// What a code cell shows: source, output, error, figures, under its options.
@Suite struct CellRenderingTests {
    private func page(_ source: String, cells: [Int: ExecutedCell]) throws -> String {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let site = try fixture.render([Executed.notebook(source, path: "a.md", cells: cells)])
        return try #require(site.text("a.html"))
    }

    private func main(_ page: String) -> String {
        guard let start = page.range(of: "<main"), let end = page.range(of: "</main>") else { return page }
        return String(page[start.lowerBound..<end.upperBound])
    }

    @Test func outputIsEscapedAndNotTheRecordedText() throws {
        let source = "# A\n\n```python\nx\n```\n\n```output\nstale recorded text\n```\n"
        let html = try page(
            source, cells: [1: ExecutedCell(cellIndex: 1, status: .ran, printed: "<b>&\n", displayed: "'x'")])
        #expect(html.contains("<pre tabindex=\"0\">&lt;b&gt;&amp;\n&#39;x&#39;</pre>"))
        #expect(!html.contains("stale recorded text"), "the page shows what the run printed")
    }

    @Test func echoAndOutputOptionsAreHonoured() throws {
        let source =
            "# A\n\n```python\n#| echo: false\nsecret_source = 1\nprint(2)\n```\n\n```python\n#| output: false\nprint('quiet')\n```\n"
        let html = main(
            try page(
                source,
                cells: [
                    1: ExecutedCell(cellIndex: 1, status: .ran, printed: "2\n"),
                    2: ExecutedCell(
                        cellIndex: 2, status: .ran, printed: "quiet\n", figures: [Executed.figure(.plot, id: "p")]),
                ]))
        #expect(!html.contains("secret_source"))
        #expect(!html.contains("#| echo"), "option lines are never shown")
        #expect(html.contains("<pre tabindex=\"0\">2</pre>"))
        #expect(html.contains("<span class=\"tok-str\">&#39;quiet&#39;</span>"))
        #expect(!html.contains("<pre tabindex=\"0\">quiet"))
        #expect(!html.contains("<svg"), "output: false hides the cell's figures too")
    }

    @Test func errorsShowTypeMessageAndLine() throws {
        let source =
            "# A\n\n```python\nprint('a')\nraise ValueError('bad')\n```\n\n```python\n#| output: false\n#| raises: KeyError\nd['x']\n```\n"
        let html = main(
            try page(
                source,
                cells: [
                    1: ExecutedCell(
                        cellIndex: 1, status: .ran, printed: "a\n",
                        error: CellException(
                            type: "ValueError", message: "bad",
                            location: SourceLocation(file: "a.md", line: 5, column: 1), wasExpected: false)),
                    2: ExecutedCell(
                        cellIndex: 2, status: .ran,
                        error: CellException(
                            type: "KeyError", message: "'x'",
                            location: SourceLocation(file: "a.md", line: 11, column: 1), wasExpected: true)),
                ]))
        #expect(html.contains("<pre tabindex=\"0\">a</pre>"), "what was printed before the error")
        #expect(html.contains("<strong class=\"error-type\">ValueError</strong>: bad</p>"))
        #expect(html.contains("<p class=\"error-location\">a.md, line 5</p>"))
        #expect(!html.contains("KeyError</strong>"), "an expected error under output: false stays hidden")
    }

    @Test func aMissedExpectedErrorIsShown() throws {
        var cell = ExecutedCell(cellIndex: 1, status: .ran)
        cell.missedExpectedError = "The cell should have raised KeyError but raised nothing."
        let html = try page("# A\n\n```python\n#| raises: KeyError\nx = 1\n```\n", cells: [1: cell])
        #expect(html.contains("should have raised KeyError"))
    }

    @Test func cellFiguresComeAfterTheOutput() throws {
        let html = try page(
            "# A\n\n```python\ntrain()\n```\n",
            cells: [
                1: ExecutedCell(
                    cellIndex: 1, status: .ran, printed: "done\n",
                    figures: [Executed.figure(.plot, id: "p1"), Executed.figure(.plot, id: "p2")])
            ])
        let output = try #require(html.range(of: "<pre tabindex=\"0\">done</pre>"))
        let figure = try #require(html.range(of: "<figure class=\"figure cell-figure\">"))
        #expect(output.upperBound < figure.lowerBound)
        #expect(html.contains("id=\"p1\"") && html.contains("id=\"p2\""))
    }

    @Test func cellsNotRunSaySo() throws {
        let html = try page(
            "# A\n\n```python\nx = 1\n```\n\n```python\n#| eval: false\ny = 2\n```\n",
            cells: [
                1: ExecutedCell(cellIndex: 1, status: .notRun), 2: ExecutedCell(cellIndex: 2, status: .notEvaluated),
            ])
        #expect(html.components(separatedBy: "class=\"cell-note\"").count == 2, "only the cell that should have run")
    }

    @Test func cellsOfOtherTabsAreLeftOut() throws {
        let source =
            "# A\n\n```{.python .input}\n#@tab mxnet\nmxnet_only = 1\n```\n\n```{.python .input}\n#@tab pytorch\ntorch_only = 1\n```\n"
        let html = try page(source, cells: [:])
        #expect(!html.contains("mxnet_only"))
        #expect(html.contains("torch_only"))
        #expect(!html.contains("#@tab"))
    }

    @Test func sameSVGIdsOnOnePageAreRenamed() throws {
        let html = try page(
            "# Corr\n\n```python\na()\n```\n\n```python\nb()\n```\n",
            cells: [
                1: ExecutedCell(cellIndex: 1, status: .ran, figures: [Executed.figure(.plot, id: "corr")]),
                2: ExecutedCell(cellIndex: 2, status: .ran, figures: [Executed.figure(.plot, id: "corr")]),
            ])
        #expect(HTMLChecker.problems(in: html) == [])
        // The heading took "corr"; each figure moves to the next free prefix.
        #expect(html.contains("<h1 id=\"corr\">"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"corr-1\""))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"corr-2\""))
        #expect(html.contains("#corr-2 rect") && html.contains("aria-labelledby=\"corr-2-title\""))
    }
}
