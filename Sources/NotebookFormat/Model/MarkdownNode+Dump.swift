/// A readable, stable dump of a Markdown tree: one node per line, indented by
/// depth, with its kind, payload and `@line:col-line:col` range. Tests compare
/// dumps, and a dump is the quickest way to see what the parser made of a file.
///
///     paragraph @3:1-3:22
///       text "输出" @3:1-3:3
///       inlineMath "n_h" @3:3-3:8
extension MarkdownNode {
    public func dump() -> String {
        var lines: [String] = []
        var pending: [(node: MarkdownNode, depth: Int)] = [(self, 0)]
        while let (node, depth) = pending.popLast() {
            let range = "@\(node.range.start.line):\(node.range.start.column)-\(node.range.end.line):\(node.range.end.column)"
            lines.append(String(repeating: "  ", count: depth) + node.kind.dumpLabel + " " + range)
            pending.append(contentsOf: node.children.reversed().map { ($0, depth + 1) })
        }
        return lines.joined(separator: "\n")
    }
}

extension MarkdownNode.Kind {
    /// The kind's name and payload as they appear in a dump.
    var dumpLabel: String {
        switch self {
        case .document: return "document"
        case .heading(let level): return "heading(\(level))"
        case .paragraph: return "paragraph"
        case .list(let ordered, let start, let tight):
            return "list(\(ordered ? "ordered, start: \(start)" : "bullet"), \(tight ? "tight" : "loose"))"
        case .item: return "item"
        case .blockQuote: return "blockQuote"
        case .thematicBreak: return "thematicBreak"
        case .htmlBlock(let html): return "htmlBlock \(quoted(html))"
        case .codeBlock(let info, let code): return "codeBlock(\(quoted(info))) \(quoted(code))"
        case .text(let text): return "text \(quoted(text))"
        case .softBreak: return "softBreak"
        case .lineBreak: return "lineBreak"
        case .inlineCode(let code): return "inlineCode \(quoted(code))"
        case .inlineHTML(let html): return "inlineHTML \(quoted(html))"
        case .emphasis: return "emphasis"
        case .strong: return "strong"
        case .link(let destination, let title): return "link(\(quoted(destination)), title: \(quoted(title)))"
        case .image(let source, let title): return "image(\(quoted(source)), title: \(quoted(title)))"
        case .inlineMath(let tex): return "inlineMath \(quoted(tex))"
        case .displayMath(let tex): return "displayMath \(quoted(tex))"
        case .role(let name, let argument): return "role(\(name)) " + (argument.map(quoted) ?? "-")
        }
    }

    /// A string in double quotes with `\`, `"`, newlines and tabs escaped, so a
    /// dump stays one line per node.
    private func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
