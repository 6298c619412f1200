import NotebookFormat
import NotebookRunner

/// One page of the site made from one executed notebook, with where it comes
/// from and where it goes.
struct Lesson {
    var executed: ExecutedNotebook
    /// The notebook's path made absolute and normalised: images are read relative to it.
    var absolutePath: String
    /// The notebook's path relative to the course root (`conv-layer.md`): what the
    /// page shows in error blocks, never a machine-specific path.
    var sourcePath: String
    /// Where the page goes in the site (`conv-layer.html`).
    var sitePath: String
    var title: String
    /// The page's `<html lang>` and the language of its UI strings.
    var language: String
    /// 1-based position in the table of contents; nil for the home page.
    var number: Int?

    var notebook: Notebook { executed.notebook }

    /// The directory of the notebook (absolute), for resolving relative paths.
    var absoluteDirectory: String { SitePath.directory(of: absolutePath) }

    /// The blocks the page shows: those of the notebook's run (its framework tab).
    var blocksInRun: [Block] { notebook.blocksInRun }
}
