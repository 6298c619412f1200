/// Undoes the math masking after cmark has parsed the masked text.
///
/// Every math span's bytes (delimiters included, line endings and container
/// prefixes excluded) were replaced by a filler byte that appears nowhere else
/// in the file. cmark then treats the span as plain letters, so filler runs come
/// back inside text literals, in document order. The restorer hands out the
/// spans' pieces in that same order: a filler run in a text node becomes a math
/// item; one anywhere else (a link destination, which the scanner cannot see)
/// gets its original bytes back.
struct MathRestorer {
    let source: SourceText
    let spans: [MathSpan]
    let filler: UInt8
    /// (span index, source bytes) of every piece, in document order.
    private let pieces: [(span: Int, bytes: Range<Int>)]
    private var nextPiece = 0
    /// Bytes of the next piece already consumed by earlier runs.
    private var consumedInPiece = 0

    init(source: SourceText, spans: [MathSpan], filler: UInt8) {
        self.source = source
        self.spans = spans
        self.filler = filler
        pieces = spans.enumerated().flatMap { index, span in span.pieces.map { (index, $0) } }
    }

    /// Whether every masked byte came back (a check on the two cmark passes).
    var isComplete: Bool { nextPiece == pieces.count }

    /// Splits a text node's literal at filler runs: text pieces keep their part of
    /// the node's source bytes, math pieces name their span.
    mutating func split(text literal: String, bytes: Range<Int>) -> [InlineItem] {
        let literalBytes = Array(literal.utf8)
        guard literalBytes.contains(filler) else {
            return [.node(DraftNode(.text(literal), bytes: bytes))]
        }
        var items: [InlineItem] = []
        var segmentStart = 0
        var segmentSourceStart = bytes.lowerBound
        var index = 0
        while index < literalBytes.count {
            guard literalBytes[index] == filler else {
                index += 1
                continue
            }
            var runEnd = index
            while runEnd < literalBytes.count, literalBytes[runEnd] == filler { runEnd += 1 }
            let taken = take(runEnd - index)
            if let first = taken.first {
                if index > segmentStart {
                    let text = String(decoding: literalBytes[segmentStart..<index], as: UTF8.self)
                    let end = max(segmentSourceStart, first.bytes.lowerBound)
                    items.append(.node(DraftNode(.text(text), bytes: segmentSourceStart..<end)))
                }
                items.append(contentsOf: taken.map { .math(span: $0.span, bytes: $0.bytes) })
                segmentSourceStart = taken.last.map(\.bytes.upperBound) ?? segmentSourceStart
            }
            segmentStart = runEnd
            index = runEnd
        }
        if segmentStart < literalBytes.count {
            let text = String(decoding: literalBytes[segmentStart...], as: UTF8.self)
            let start = min(segmentSourceStart, bytes.upperBound)
            items.append(.node(DraftNode(.text(text), bytes: start..<max(start, bytes.upperBound))))
        }
        return items
    }

    /// Gives a literal that is not prose text (a URL, a title, code) its
    /// original bytes back in place of filler runs.
    mutating func restore(_ literal: String) -> String {
        let literalBytes = Array(literal.utf8)
        guard literalBytes.contains(filler) else { return literal }
        var result: [UInt8] = []
        var index = 0
        while index < literalBytes.count {
            guard literalBytes[index] == filler else {
                result.append(literalBytes[index])
                index += 1
                continue
            }
            var runEnd = index
            while runEnd < literalBytes.count, literalBytes[runEnd] == filler { runEnd += 1 }
            let start = nextPiece < pieces.count ? pieces[nextPiece].bytes.lowerBound + consumedInPiece : 0
            let taken = take(runEnd - index)
            if !taken.isEmpty {
                let end = min(start + (runEnd - index), source.bytes.count)
                result.append(contentsOf: source.bytes[min(start, end)..<end])
            }
            index = runEnd
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Consumes `count` filler bytes; returns the pieces started by them.
    private mutating func take(_ count: Int) -> [(span: Int, bytes: Range<Int>)] {
        var remaining = count
        var started: [(span: Int, bytes: Range<Int>)] = []
        while remaining > 0, nextPiece < pieces.count {
            let piece = pieces[nextPiece]
            if consumedInPiece == 0 { started.append(piece) }
            let step = min(remaining, piece.bytes.count - consumedInPiece)
            consumedInPiece += step
            remaining -= step
            if consumedInPiece >= piece.bytes.count {
                nextPiece += 1
                consumedInPiece = 0
            }
        }
        return started
    }

    // MARK: - Merging pieces into math nodes

    /// Replaces math items by math nodes; the pieces of one span (on several
    /// lines, so separated by soft or hard breaks) become a single node.
    func merge(_ items: [InlineItem]) -> [DraftNode] {
        var nodes: [DraftNode] = []
        var index = 0
        while index < items.count {
            switch items[index] {
            case .node(let node):
                nodes.append(node)
                index += 1
            case .math(let spanIndex, _):
                var last = index
                var probe = index + 1
                while probe < items.count {
                    if case .math(let other, _) = items[probe], other == spanIndex {
                        last = probe
                    } else if case .node(let node) = items[probe], node.kind == .softBreak || node.kind == .lineBreak {
                        // A break belongs to the span only if more of the span follows.
                    } else {
                        break
                    }
                    probe += 1
                }
                if spans.indices.contains(spanIndex) {
                    let span = spans[spanIndex]
                    let kind: MarkdownNode.Kind = span.style == .inline ? .inlineMath(span.tex) : .displayMath(span.tex)
                    nodes.append(DraftNode(kind, bytes: span.byteRange))
                }
                index = last + 1
            }
        }
        return nodes
    }
}

/// A converted inline before math pieces are merged.
enum InlineItem {
    case node(DraftNode)
    /// One line's piece of a math span.
    case math(span: Int, bytes: Range<Int>)

    var bytes: Range<Int> {
        switch self {
        case .node(let node): return node.bytes
        case .math(_, let bytes): return bytes
        }
    }
}
