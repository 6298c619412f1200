import CCmark

/// A node of cmark's tree copied into a plain Swift value: what cmark said,
/// before litbook's own passes (position fixes, math, roles) turn it into a
/// `MarkdownNode`. Positions are cmark's: 1-based line, 1-based *byte* column,
/// end column inclusive (0 = before the line's first byte).
struct CmarkNode {
    enum Kind {
        case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image
        /// Custom blocks and inlines: cmark never makes them while parsing.
        case custom
    }

    struct Position {
        var line: Int
        var column: Int
        /// cmark leaves the position of soft and hard breaks at 0:0.
        var isKnown: Bool { line > 0 }
    }

    var kind: Kind
    var start: Position
    var end: Position
    /// Text, code, HTML and code-block content.
    var literal = ""
    var fenceInfo = ""
    var url = ""
    var title = ""
    var headingLevel = 0
    var isOrderedList = false
    var listStart = 0
    var isTightList = false
    var children: [CmarkNode] = []
}

/// The one place that touches the C library: parses Markdown bytes with cmark,
/// walks the tree once with `cmark_iter`, and copies every node into a
/// `CmarkNode`. All C objects are freed before it returns.
enum CmarkParser {
    /// Nodes nested deeper than this are dropped (and reported), so that no later
    /// recursive pass over the tree can exhaust the stack on hostile input.
    static let maximumDepth = 200

    struct Result {
        var document: CmarkNode
        /// Whether some nodes were nested too deep and left out.
        var truncated: Bool
    }

    static func parse(_ bytes: [UInt8]) -> Result {
        let document: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT)
                }
            } ?? cmark_parse_document("", 0, CMARK_OPT_DEFAULT)
        }
        guard let document else {
            return Result(document: CmarkNode(kind: .document, start: .init(line: 1, column: 1), end: .init(line: 1, column: 0)), truncated: false)
        }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else {
            return Result(document: copy(document), truncated: false)
        }
        defer { cmark_iter_free(iterator) }

        // Open containers; a node is appended to its parent when it is exited.
        var stack: [CmarkNode] = []
        var skippedDepth = 0
        var truncated = false
        var root: CmarkNode?
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let isContainer = canHaveChildren(cmark_node_get_type(node))
            if event == CMARK_EVENT_ENTER {
                if skippedDepth > 0 || stack.count >= maximumDepth {
                    truncated = true
                    if isContainer { skippedDepth += 1 }
                    continue
                }
                let value = copy(node)
                if isContainer {
                    stack.append(value)
                } else if !stack.isEmpty {
                    stack[stack.count - 1].children.append(value)
                }
            } else if event == CMARK_EVENT_EXIT {
                if skippedDepth > 0 {
                    skippedDepth -= 1
                    continue
                }
                guard let finished = stack.popLast() else { continue }
                if stack.isEmpty {
                    root = finished
                } else {
                    stack[stack.count - 1].children.append(finished)
                }
            }
        }
        let fallback = CmarkNode(kind: .document, start: .init(line: 1, column: 1), end: .init(line: 1, column: 0))
        return Result(document: root ?? fallback, truncated: truncated)
    }

    // MARK: - Copying one node

    private static func copy(_ node: OpaquePointer) -> CmarkNode {
        let type = cmark_node_get_type(node)
        var value = CmarkNode(
            kind: kind(of: type),
            start: .init(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node))),
            end: .init(line: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_end_column(node)))
        )
        switch value.kind {
        case .text, .code, .htmlInline, .htmlBlock:
            value.literal = string(cmark_node_get_literal(node))
        case .codeBlock:
            value.literal = string(cmark_node_get_literal(node))
            value.fenceInfo = string(cmark_node_get_fence_info(node))
        case .link, .image:
            value.url = string(cmark_node_get_url(node))
            value.title = string(cmark_node_get_title(node))
        case .heading:
            value.headingLevel = Int(cmark_node_get_heading_level(node))
        case .list:
            value.isOrderedList = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            value.listStart = Int(cmark_node_get_list_start(node))
            value.isTightList = cmark_node_get_list_tight(node) != 0
        default:
            break
        }
        return value
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func kind(of type: cmark_node_type) -> CmarkNode.Kind {
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        default: return .custom
        }
    }

    /// cmark's iterator reports an exit event exactly for the node types that can
    /// have children, whether or not this one has any.
    private static func canHaveChildren(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE,
            CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK:
            return false
        default:
            return true
        }
    }
}
