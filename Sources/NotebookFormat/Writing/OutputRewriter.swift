import Diagnostics

/// What a cell printed on a fresh run, for `check --update`.
public struct OutputEdit: Hashable, Sendable {
    /// 1-based index of the code cell.
    public var cellIndex: Int
    /// The new output text (`\n` line endings, no final line ending); nil when
    /// the cell prints nothing, which removes its output fence.
    public var output: String?

    public init(cellIndex: Int, output: String?) {
        self.cellIndex = cellIndex
        self.output = output
    }
}

/// One change to the source: replace these bytes with that text.
public struct ByteReplacement: Hashable, Sendable {
    public var range: Range<Int>
    public var replacement: String

    public init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// Why edits could not be applied. Messages are whole sentences.
public enum OutputRewriteError: Error, Hashable, Sendable, CustomStringConvertible {
    case noSuchCell(index: Int, cellCount: Int)
    case duplicateEdit(index: Int)
    case unclosedCell(index: Int, location: SourceLocation)
    case sourceNotExact(path: String)

    public var description: String {
        switch self {
        case .noSuchCell(let index, let count):
            return "There is no code cell \(index); the notebook has \(count)."
        case .duplicateEdit(let index):
            return "Code cell \(index) is given two new outputs."
        case .unclosedCell(let index, let location):
            return "\(location): code cell \(index) is never closed, so no output can be written after it."
        case .sourceNotExact(let path):
            return "\(path) was not read exactly (it is not UTF-8), so it cannot be rewritten."
        }
    }
}

/// Rewrites recorded outputs in a notebook's source, changing nothing else.
///
/// A pure function: the parsed notebook (its source and fence positions) and
/// the fresh outputs in, the new source out. For each edit it replaces the
/// body of the cell's output fence, inserts a new ```` ```output ```` fence after
/// a cell that has none (one blank line before it), or removes the fence and
/// the blank lines before it. Every other byte stays as it was.
///
///     let text = try OutputRewriter.rewrite(notebook, applying: [OutputEdit(cellIndex: 2, output: "tensor([1.])")])
///     try AtomicFileWriter.write(text, toFileAt: notebook.path)
public enum OutputRewriter {
    public static func rewrite(_ notebook: Notebook, applying edits: [OutputEdit]) throws -> String {
        apply(try replacements(for: notebook, applying: edits), to: notebook.source)
    }

    /// The byte replacements that the edits amount to, in source order and not
    /// overlapping (empty when every output is already as recorded).
    public static func replacements(for notebook: Notebook, applying edits: [OutputEdit]) throws -> [ByteReplacement] {
        guard notebook.isSourceExact else { throw OutputRewriteError.sourceNotExact(path: notebook.path) }
        let cells = notebook.codeCells
        var seen: Set<Int> = []
        let source = SourceText(path: notebook.path, bytes: Array(notebook.source.utf8))
        var result: [ByteReplacement] = []
        for edit in edits {
            guard cells.indices.contains(edit.cellIndex - 1) else {
                throw OutputRewriteError.noSuchCell(index: edit.cellIndex, cellCount: cells.count)
            }
            guard seen.insert(edit.cellIndex).inserted else { throw OutputRewriteError.duplicateEdit(index: edit.cellIndex) }
            if let replacement = try replacement(for: cells[edit.cellIndex - 1], output: edit.output, source: source) {
                result.append(replacement)
            }
        }
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Applies non-overlapping replacements (sorted by position) to a source.
    public static func apply(_ replacements: [ByteReplacement], to source: String) -> String {
        let bytes = Array(source.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var position = 0
        for replacement in replacements.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            let start = min(max(replacement.range.lowerBound, position), bytes.count)
            let end = min(max(replacement.range.upperBound, start), bytes.count)
            result += bytes[position..<start]
            result += Array(replacement.replacement.utf8)
            position = end
        }
        result += bytes[position...]
        return String(decoding: result, as: UTF8.self)
    }

    // MARK: - One cell

    private static func replacement(for cell: CodeCell, output: String?, source: SourceText) throws -> ByteReplacement? {
        switch (cell.output, output) {
        case (nil, nil):
            return nil
        case (let recorded?, let text?):
            guard recorded.text != text || !recorded.fence.isClosed else { return nil }
            return FenceWriter(source: source).replacingBody(of: recorded.fence, with: text)
        case (nil, let text?):
            guard cell.fence.isClosed else {
                throw OutputRewriteError.unclosedCell(index: cell.index, location: cell.range.start)
            }
            return FenceWriter(source: source).insertingOutput(text, after: cell.fence)
        case (let recorded?, nil):
            return FenceWriter(source: source).removing(recorded.fence, after: cell.fence)
        }
    }
}
