import Diagnostics
import Foundation
import NotebookFormat
import NotebookRunner
import Testing

@testable import SiteBuilder

/// Hand-made executed notebooks and a scratch course directory for the site tests.
///
/// The runner is not needed: a test parses Markdown with `NotebookParser` and
/// states what each cell "printed", as the runner would have recorded it.
struct SiteFixture {
    /// A fresh directory holding the notebooks (and images) of one test.
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("litbook-site-tests")
            .appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Writes a file of the course (an image, a notebook) at a relative path.
    func write(_ relativePath: String, _ bytes: [UInt8]) throws {
        let url = directory.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// Options that read notebooks relative to the fixture directory.
    var options: SiteOptions { SiteOptions(baseDirectory: directory) }

    /// Builds a site from the given notebooks with the default theme.
    func render(_ notebooks: [ExecutedNotebook], theme: Theme = .default, title: String? = nil) throws -> RenderedSite {
        var options = options
        options.title = title
        return try SiteBuilder(theme: theme, options: options).render(notebooks)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

enum Executed {
    /// Parses `source` as the notebook at `path` and marks every code cell as run
    /// with the given results (cell index → result); cells not listed ran and printed nothing.
    static func notebook(
        _ source: String, path: String = "lesson.md", cells: [Int: ExecutedCell] = [:],
        figures: [String: FigureResult] = [:]
    ) -> ExecutedNotebook {
        let notebook = NotebookParser().parse(source: source, path: path)
        let results = notebook.codeCells.map { cell in
            cells[cell.index]
                ?? ExecutedCell(cellIndex: cell.index, status: notebook.belongsToRun(cell) ? .ran : .otherTab)
        }
        let drawn = notebook.directives.map { directive in
            figures[directive.argument ?? directive.name] ?? FigureResult(directive: directive, figure: nil, error: nil)
        }
        return ExecutedNotebook(
            notebook: notebook, cells: results, figures: drawn, diagnostics: notebook.diagnostics, seconds: 0)
    }

    /// A figure result for the directive of `notebook` whose argument (or name) is `key`.
    static func figure(_ kind: Figure.Kind, id: String, summary: String = "A test figure.") -> Figure {
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" id="\(id)" viewBox="0 0 40 20" role="img" aria-labelledby="\(id)-title">
            <title id="\(id)-title">\(summary)</title>
            <style>#\(id) rect { fill: currentColor; }</style>
            <rect x="1" y="1" width="38" height="18"/>
            </svg>
            """
        return Figure(kind: kind, svg: svg, summary: summary)
    }
}

extension ExecutedNotebook {
    /// The same notebook with the directive whose argument (or name) is `key` drawn.
    func drawing(_ key: String, figure: Figure?, error: Diagnostic? = nil) -> ExecutedNotebook {
        var copy = self
        copy.figures = notebook.directives.map { directive in
            if (directive.argument ?? directive.name) == key {
                return FigureResult(directive: directive, figure: figure, error: error)
            }
            return figures.first { $0.directive.range == directive.range }
                ?? FigureResult(directive: directive, figure: nil, error: nil)
        }
        return copy
    }
}

extension RenderedSite {
    /// The `<main>…</main>` element of a page: the part golden files compare.
    func main(of path: String) -> String? {
        guard let page = text(path), let start = page.range(of: "<main"), let end = page.range(of: "</main>") else {
            return nil
        }
        return String(page[start.lowerBound..<end.upperBound])
    }

    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
