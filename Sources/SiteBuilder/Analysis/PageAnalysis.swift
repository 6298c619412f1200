import Diagnostics
import NotebookFormat

/// Something a `:numref:` or `:eqref:` can point at: a section, a figure, an
/// equation or a code listing, on some page of the site.
struct LabelTarget {
    enum Kind: String {
        case section, figure, equation, listing
    }

    var name: String
    var kind: Kind
    /// Site path of the page that holds it.
    var page: String
    /// The element's id; nil for the top of the page.
    var anchor: String?
    /// The figure, equation or listing number (`3`, or `2.3` in a course of several lessons).
    var number: String?
    /// For sections: the heading, for the reference's text.
    var heading: MarkdownNode?
    /// Where the label is written.
    var location: SourceLocation
}

/// The anchor of a numbered or labelled element.
struct ElementAnchor: Equatable {
    var id: String?
    var number: String?
}

/// A stretch of a page between two headings, as the search index sees it.
struct SearchSection {
    /// The heading's id; nil for the text before the first heading.
    var anchor: String?
    var heading: String
    /// Prose, as plain text, in order.
    var prose: [String] = []
    /// Code cell sources, in order.
    var code: [String] = []
}

/// An image a page shows, to be found on disk and copied into the site.
struct ImageReference {
    var destination: String
    var location: SourceLocation
}

/// What the first pass over a page found: every id, number and label, so that
/// references between pages resolve before any HTML is written.
///
/// Elements are keyed by where they start in the notebook (their `SourceRange`
/// start), which the HTML walker knows when it reaches them.
struct PageAnalysis {
    var headingIDs: [SourceLocation: String] = [:]
    /// Image paragraphs, directives and code cells that are figures or listings.
    var figures: [SourceLocation: ElementAnchor] = [:]
    var equations: [SourceLocation: ElementAnchor] = [:]
    /// Embedded SVGs with their ids made unique on the page, by figure and position.
    var svgs: [SourceLocation: [String]] = [:]
    var labels: [LabelTarget] = []
    var images: [ImageReference] = []
    var searchSections: [SearchSection] = []
    /// The id of the `<h1>` the walker adds when the notebook has none.
    var addedTitleID: String?
    /// Every id of the page.
    var ids: Set<String> = []
    var diagnostics: [Diagnostic] = []

    /// Label name → element id, for links written as `page.md#label`.
    var labelAnchors: [String: String] {
        var result: [String: String] = [:]
        for label in labels { if let anchor = label.anchor { result[label.name] = anchor } }
        return result
    }
}
