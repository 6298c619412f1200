import Diagnostics

/// One top-level piece of a notebook, in document order: prose, a code cell
/// (with its recorded output) or a directive. The list is flat so that the
/// runner can interleave cells and prose as the reader sees them.
public struct Block: Hashable, Sendable {
    public enum Content: Hashable, Sendable {
        /// A top-level Markdown block (heading, paragraph, list, shown code…).
        case prose(MarkdownNode)
        case codeCell(CodeCell)
        case directive(Directive)
    }

    public var content: Content
    /// The tabs of the d2lbook prose region (`` :begin_tab:`pytorch` `` …
    /// `:end_tab:`) this block is in; nil outside any region.
    public var tabRegion: [String]?

    public init(_ content: Content, tabRegion: [String]? = nil) {
        self.content = content
        self.tabRegion = tabRegion
    }

    public var range: SourceRange {
        switch content {
        case .prose(let node): return node.range
        case .codeCell(let cell): return cell.range
        case .directive(let directive): return directive.range
        }
    }

    public var prose: MarkdownNode? {
        if case .prose(let node) = content { return node }
        return nil
    }

    public var codeCell: CodeCell? {
        if case .codeCell(let cell) = content { return cell }
        return nil
    }

    public var directive: Directive? {
        if case .directive(let directive) = content { return directive }
        return nil
    }
}
