import Diagnostics
import Foundation
import NotebookFormat
import NotebookRunner
import Testing

@testable import SiteBuilder

/// The real d2l lessons of `../shared/d2l` (when present) render into
/// well-formed pages; the only errors are references to lessons and images the
/// corpus does not include.
@Suite(.enabled(if: SharedCorpus.directory != nil, "../shared is not present"))
struct D2LSiteCorpusTests {
    static var corpus: URL? { SharedCorpus.directory?.appendingPathComponent("d2l") }

    /// The notebooks with every run cell "printing" its recorded output.
    static func notebooks(book: Bool) throws -> [ExecutedNotebook] {
        guard let corpus else { return [] }
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
            .filter { $0.hasSuffix(".md") && $0 != "README.md" && $0.hasSuffix(".book.md") == book }
        return try names.map { name in
            let notebook = try NotebookParser().parse(contentsOf: corpus.appendingPathComponent(name), path: name)
            let cells = notebook.codeCells.map { cell in
                notebook.belongsToRun(cell)
                    ? ExecutedCell(
                        cellIndex: cell.index, status: .ran, printed: cell.output.map { $0.text + "\n" } ?? "")
                    : ExecutedCell(cellIndex: cell.index, status: .otherTab)
            }
            let figures = notebook.directives.map { FigureResult(directive: $0, figure: nil, error: nil) }
            return ExecutedNotebook(notebook: notebook, cells: cells, figures: figures, diagnostics: [], seconds: 0)
        }
    }

    @Test(arguments: [false, true])
    func lessonsRender(book: Bool) throws {
        let notebooks = try Self.notebooks(book: book)
        #expect(notebooks.count >= 5)
        let site = try SiteBuilder(options: SiteOptions(baseDirectory: Self.corpus)).render(notebooks)
        for path in site.paths where path.hasSuffix(".html") {
            let html = try #require(site.text(path))
            #expect(HTMLChecker.problems(in: html) == [], "\(path)")
        }
        #expect(site.warnings == [], "no math or other warnings")
        for error in site.errors {
            let expected =
                error.message.contains("which no page defines") || error.message.contains("image file ../img/")
            #expect(expected, "\(error)")
        }
        if book {
            // References inside the chapter resolve across lessons.
            let page = try #require(site.text("padding-and-strides.book.html"))
            #expect(page.contains(#"href="conv-layer.book.html#fig_correlation">图"#))
            #expect(
                site.errors.contains { $0.message.contains("'sec_softmax_scratch'") }, "a lesson outside the corpus")
        } else {
            #expect(site.errors == [])
        }
    }
}
