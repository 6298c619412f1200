import Diagnostics
import NotebookFormat
import NotebookRunner

/// Code cells: the highlighted source (unless `#| echo: false`), then what the run
/// printed (unless `#| output: false`), the error it raised, and the figures it drew.
extension HTMLRenderer {
    mutating func visitCell(_ cell: CodeCell) {
        let executed = lesson.executed.result(forCell: cell.index)
        if executed?.status == .otherTab { return }
        let anchor = context.analysis.figures[cell.range.start]
        let isListing = anchor != nil && (executed?.figures.isEmpty ?? true || !cell.options.output)
        var body = ""
        swap(&body, &html)
        if cell.options.echo {
            html += "<pre class=\"cell-source\"><code class=\"language-python\">"
            html += PythonHighlighter.html(for: cell.displaySource)
            html += "</code></pre>\n"
        }
        if let executed { writeResults(of: executed, cell: cell, figureAnchor: isListing ? nil : anchor) }
        if executed == nil || executed?.status == .notRun {
            html += "<p class=\"cell-note\">\(HTML.escape(strings["not_run"]))</p>\n"
        }
        swap(&body, &html)
        guard !body.isEmpty else { return }
        html += HTML.openTag("div", [("id", isListing ? anchor?.id : nil), ("class", "cell")]) + "\n"
        if isListing, let anchor {
            writeListingCaption(number: anchor.number, caption: cell.options.caption, at: cell.range.start)
        }
        html += body
        html += "</div>\n"
    }

    private mutating func writeResults(of executed: ExecutedCell, cell: CodeCell, figureAnchor: ElementAnchor?) {
        let showOutput = cell.options.output
        if showOutput {
            var text = executed.printed
            if let displayed = executed.displayed { text += displayed + "\n" }
            if text.hasSuffix("\n") { text.removeLast() }
            if !text.isEmpty {
                html +=
                    "<div class=\"cell-output\"><div class=\"cell-output-label\">\(HTML.escape(strings["output"]))</div>"
                html += "<pre tabindex=\"0\">\(HTML.escape(text))</pre></div>\n"
            }
        }
        if let error = executed.error, showOutput || !error.wasExpected {
            writeError(error, cell: cell)
        }
        if let missed = executed.missedExpectedError {
            writeErrorBlock(title: strings["error"], message: missed, location: cell.range.start, traceback: [])
        }
        if showOutput, !executed.figures.isEmpty {
            let svgs = context.analysis.svgs[cell.range.start] ?? executed.figures.map(\.svg)
            html += HTML.openTag("figure", [("id", figureAnchor?.id), ("class", "figure cell-figure")]) + "\n"
            for svg in svgs { html += svg + (svg.hasSuffix("\n") ? "" : "\n") }
            writeCaption(
                number: figureAnchor?.number, captionHTML: captionHTML(cell.options.caption, at: cell.range.start))
            html += "</figure>\n"
        }
    }

    private mutating func writeError(_ error: CellException, cell: CodeCell) {
        let title = error.wasExpected ? strings["expected_error"] : strings["error"]
        let message =
            "<strong class=\"error-type\">\(HTML.escape(error.type))</strong>"
            + (error.message.isEmpty ? "" : ": " + HTML.escape(error.message))
        writeErrorBlock(
            titleHTML: HTML.escape(title), messageHTML: message, location: error.location, traceback: error.traceback,
            expected: error.wasExpected)
    }

    /// An error block: what went wrong, and where in the notebook.
    mutating func writeErrorBlock(
        title: String, message: String, location: SourceLocation?, traceback: [String], id: String? = nil
    ) {
        writeErrorBlock(
            titleHTML: HTML.escape(title), messageHTML: HTML.escape(message), location: location, traceback: traceback,
            id: id)
    }

    private mutating func writeErrorBlock(
        titleHTML: String, messageHTML: String, location: SourceLocation?, traceback: [String], expected: Bool = false,
        id: String? = nil
    ) {
        html += HTML.openTag("div", [("id", id), ("class", expected ? "error-block expected" : "error-block")]) + "\n"
        html += "<p class=\"error-title\"><span class=\"error-label\">\(titleHTML)</span> \(messageHTML)</p>\n"
        if let location {
            html += "<p class=\"error-location\">\(HTML.escape(locationText(location)))</p>\n"
        }
        if !traceback.isEmpty {
            html += "<pre class=\"traceback\" tabindex=\"0\">\(HTML.escape(traceback.joined(separator: "\n")))</pre>\n"
        }
        html += "</div>\n"
    }

    private mutating func writeListingCaption(number: String?, caption: String?, at location: SourceLocation) {
        guard number != nil || caption != nil else { return }
        html += "<p class=\"cell-caption\">"
        if let number {
            html += "<span class=\"figure-number\">\(HTML.escape(strings.format("listing", ["number": number])))</span>"
            if caption != nil { html += " " }
        }
        html += captionHTML(caption, at: location) + "</p>\n"
    }
}
