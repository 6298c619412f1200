import Diagnostics
import NotebookFormat
import NotebookRunner

/// Everything the HTML walker reads besides the page's own blocks: the course,
/// the first pass's ids and numbers, the course-wide labels, links and images.
struct PageRenderContext {
    let lesson: Lesson
    let course: Course
    let analysis: PageAnalysis
    let labels: LabelTable
    let links: LinkResolver
    let images: ImageCatalog
    let strings: UIStrings
}

/// An entry of the in-page outline ("On this page").
struct OutlineEntry {
    var level: Int
    var id: String
    /// The heading's content as HTML, without links.
    var html: String
}

/// The HTML of one page's `<main>` content: one walker over the executed
/// notebook — prose nodes, code cells with what they printed, directive figures —
/// that writes through the one escaping helper (`HTML.escape`).
///
/// It never shows anything the run did not produce: outputs, errors and figures
/// come from the `ExecutedNotebook`, not from the recorded ```` ```output ```` fences.
struct HTMLRenderer {
    let context: PageRenderContext
    let placement: MathPlacement
    var html = ""
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var outline: [OutlineEntry] = []
    /// Inside a heading copy for the outline or a reference's text: no links, no diagnostics.
    var isQuoting = false

    /// Outline depth: `##` and `###` headings.
    static let outlineLevels = 2...3

    init(context: PageRenderContext) {
        self.context = context
        self.placement = MathPlacement(source: context.lesson.notebook.source)
    }

    var lesson: Lesson { context.lesson }
    var strings: UIStrings { context.strings }

    /// Renders the page body and returns it.
    mutating func renderPage() -> String {
        html = ""
        if let id = context.analysis.addedTitleID {
            html += "<h1\(HTML.attributes([("id", id)]))>\(HTML.escape(lesson.title))</h1>\n"
        }
        for block in lesson.blocksInRun {
            switch block.content {
            case .prose(let node): visitBlock(node)
            case .codeCell(let cell): visitCell(cell)
            case .directive(let directive): visitDirective(directive)
            }
        }
        return html
    }

    // MARK: - Shared helpers

    mutating func report(_ diagnostic: Diagnostic) {
        guard !isQuoting else { return }
        diagnostics.append(diagnostic)
    }

    mutating func report(_ list: [Diagnostic]) {
        for diagnostic in list { report(diagnostic) }
    }

    mutating func addOutlineEntry(level: Int, id: String, heading: MarkdownNode) {
        guard Self.outlineLevels.contains(level) else { return }
        outline.append(OutlineEntry(level: level, id: id, html: quoted(heading)))
    }

    /// What `body` writes, returned instead of added to the page.
    mutating func captured(_ body: (inout HTMLRenderer) -> Void) -> String {
        var output = ""
        swap(&output, &html)
        body(&self)
        swap(&output, &html)
        return output
    }

    /// A node's inline content rendered without links or diagnostics (for the
    /// outline and for the text of a section reference).
    mutating func quoted(_ node: MarkdownNode) -> String {
        let wasQuoting = isQuoting
        isQuoting = true
        let result = captured { $0.visitInlines(node.children) }.trimmingWhitespace
        isQuoting = wasQuoting
        return result
    }

    /// `conv-layer.md, line 57` in the page's language.
    func locationText(_ location: SourceLocation) -> String {
        strings.format("error_location", ["file": lesson.sourcePath, "line": String(location.line)])
    }

    /// The href from this page to a site file.
    func href(toSitePath target: String) -> String {
        SitePath.href(from: lesson.sitePath, to: target)
    }
}

extension String {
    /// Without white space (spaces, line breaks) at either end.
    var trimmingWhitespace: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
