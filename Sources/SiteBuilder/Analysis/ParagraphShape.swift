import Diagnostics
import NotebookFormat

/// What a paragraph is on the page, decided in one place so the analysis (ids,
/// numbers) and the HTML walker always agree.
///
/// d2l writes a figure as an image alone in its paragraph, with `:label:` and
/// `:width:` lines under it:
///
///     ![二维互相关运算。](../img/correlation.svg)
///     :width:`400px`
///     :label:`fig_correlation`
///
/// A paragraph of nothing but such roles (`:label:` under a heading,
/// `:begin_tab:`) shows nothing.
enum ParagraphShape {
    /// An image alone (with its roles): a `<figure>` whose caption is the image's text.
    case imageFigure(ImageFigure)
    /// Only roles that render nothing.
    case hidden
    /// Everything else: a `<p>`.
    case ordinary

    struct ImageFigure {
        var image: MarkdownNode
        var label: (name: String, range: SourceRange)?
        var width: (value: String, range: SourceRange)?
        /// Whether the image has caption text (its alt text).
        var hasCaption: Bool { image.children.contains { !$0.plainText.allSatisfy(\.isWhitespace) } }
    }

    /// Roles that are marks for the builder, not text for the reader.
    static let silentRoles: Set<String> = ["label", "width", "begin_tab", "end_tab", "eqlabel"]

    init(_ paragraph: MarkdownNode) {
        var image: MarkdownNode?
        var label: (String, SourceRange)?
        var width: (String, SourceRange)?
        var imageCount = 0
        var hasEquationLabel = false
        for child in paragraph.children {
            switch child.kind {
            case .softBreak, .lineBreak:
                continue
            case .text(let text) where text.allSatisfy(\.isWhitespace):
                continue
            case .image:
                image = child
                imageCount += 1
            case .role(let name, let argument) where Self.silentRoles.contains(name):
                if name == "label", let argument { label = (argument, child.range) }
                if name == "width", let argument { width = (argument, child.range) }
                if name == "eqlabel" { hasEquationLabel = true }
            default:
                self = .ordinary
                return
            }
        }
        if imageCount == 0 {
            self = .hidden
        } else if imageCount == 1, let image, !hasEquationLabel {
            self = .imageFigure(ImageFigure(image: image, label: label, width: width))
        } else {
            self = .ordinary
        }
    }
}
