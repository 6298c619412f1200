import Diagnostics

/// One node of a notebook's prose: a CommonMark node as cmark parsed it, or one of
/// litbook's additions (TeX math, d2lbook roles), with where it came from.
///
/// Nodes are plain values so that every later stage (the site builder's HTML
/// walker, label resolution, search indexing) can read them without the C
/// library. Blocks are nested as in CommonMark (a list holds items, an item holds
/// paragraphs), inlines sit inside paragraphs and headings.
///
///     paragraph @3:1-3:20
///       text "输出大小为" @3:1-3:6
///       inlineMath "n_h \times n_w" @3:6-3:22
public struct MarkdownNode: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        // MARK: Blocks
        case document
        case heading(level: Int)
        case paragraph
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        case blockQuote
        case thematicBreak
        case htmlBlock(String)
        /// A fenced or indented code block that is shown, not run.
        case codeBlock(info: String, code: String)

        // MARK: Inlines
        case text(String)
        case softBreak
        case lineBreak
        case inlineCode(String)
        case inlineHTML(String)
        case emphasis
        case strong
        case link(destination: String, title: String)
        case image(source: String, title: String)

        // MARK: litbook's additions
        /// `$…$`: the TeX between the dollars, untouched by Markdown.
        case inlineMath(String)
        /// `$$…$$`: the TeX between the double dollars; may span lines.
        case displayMath(String)
        /// A d2lbook role such as ``:numref:`fig_x` `` (argument `fig_x`) or
        /// `:end_tab:` (no argument).
        case role(name: String, argument: String?)
    }

    public var kind: Kind
    public var range: SourceRange
    public var children: [MarkdownNode]

    public init(_ kind: Kind, range: SourceRange, children: [MarkdownNode] = []) {
        self.kind = kind
        self.range = range
        self.children = children
    }
}

// MARK: - Reading a tree

extension MarkdownNode {
    /// The node and all nodes below it, in document order.
    public var descendantsAndSelf: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var pending = [self]
        while let node = pending.popLast() {
            result.append(node)
            pending.append(contentsOf: node.children.reversed())
        }
        return result
    }

    /// The text a reader sees, without markup: text, code and math (as TeX)
    /// concatenated, breaks as spaces. Used for heading titles and search.
    public var plainText: String {
        descendantsAndSelf.map { node -> String in
            switch node.kind {
            case .text(let text), .inlineCode(let text), .inlineMath(let text), .displayMath(let text):
                return text
            case .softBreak, .lineBreak:
                return " "
            default:
                return ""
            }
        }.joined()
    }

    /// The heading level, or nil when this is not a heading.
    public var headingLevel: Int? {
        if case .heading(let level) = kind { return level }
        return nil
    }

    /// The roles in this node and below, in document order (labels, references).
    public var roles: [(name: String, argument: String?, range: SourceRange)] {
        descendantsAndSelf.compactMap { node in
            if case .role(let name, let argument) = node.kind { return (name, argument, node.range) }
            return nil
        }
    }
}
