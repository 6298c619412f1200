/// A Markdown node while the parser still works on it: positions as byte
/// ranges into the source (easy to split and join), turned into `SourceRange`s
/// once at the end.
struct DraftNode {
    var kind: MarkdownNode.Kind
    var bytes: Range<Int>
    var children: [DraftNode] = []

    init(_ kind: MarkdownNode.Kind, bytes: Range<Int>, children: [DraftNode] = []) {
        self.kind = kind
        self.bytes = bytes
        self.children = children
    }

    func finished(in source: SourceText) -> MarkdownNode {
        MarkdownNode(kind, range: source.range(bytes), children: children.map { $0.finished(in: source) })
    }
}
