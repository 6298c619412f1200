import Diagnostics

/// Turns the document's top-level Markdown blocks into notebook blocks: fences
/// become code cells, recorded outputs (attached to the cell before them) and
/// directives; everything else stays prose. Then marks d2lbook tab regions.
struct BlockAssembler {
    let source: SourceText
    var blocks: [Block] = []
    var diagnostics: [Diagnostic] = []
    private var cellCount = 0
    private let fences: FenceReader

    init(source: SourceText) {
        self.source = source
        fences = FenceReader(source: source)
    }

    /// Adds one top-level block: cmark's node (for fence positions) and its draft.
    mutating func add(_ raw: CmarkNode, _ draft: DraftNode) {
        guard raw.kind == .codeBlock,
            let fence = fences.fence(startLine: raw.start.line, endLine: raw.end.line, endColumn: raw.end.column, infoString: raw.fenceInfo)
        else {
            blocks.append(Block(.prose(draft.finished(in: source))))
            return
        }
        if !fence.isClosed {
            diagnostics.append(.warning(
                "This code fence is never closed, so it runs to the end of the file; close it with a line of \(fence.length) '\(fence.character)'.",
                at: fence.range.start, length: fence.length))
        }
        switch FenceInfo(raw.fenceInfo) {
        case .python:
            addCell(fence, kind: .python, attributes: [])
        case .d2lbook(let attributes):
            addCell(fence, kind: .d2lbook, attributes: attributes)
        case .output:
            if !attachOutput(fence) {
                diagnostics.append(.warning(
                    "This output block follows no code cell, so it is shown as plain code; put it right after the cell that prints it.",
                    at: fence.range.start, length: fence.length + 6))
                blocks.append(Block(.prose(draft.finished(in: source))))
            }
        case .directive(let name, let argument):
            let (directive, problems) = DirectiveParser(path: source.path).parse(
                name: name, argument: argument, lines: fences.bodyLines(of: fence), fence: fence)
            diagnostics += problems
            blocks.append(Block(.directive(directive)))
        case .shown:
            blocks.append(Block(.prose(draft.finished(in: source))))
        }
    }

    // MARK: - Cells and outputs

    private mutating func addCell(_ fence: Fence, kind: CodeCell.Kind, attributes: [CodeCell.Attribute]) {
        cellCount += 1
        let lines = fences.bodyLines(of: fence)
        let header = CellHeaderParser(path: source.path).parse(lines, indent: fence.indent)
        diagnostics += header.diagnostics
        let cell = CodeCell(
            index: cellCount, kind: kind, infoString: fence.infoString, attributes: attributes,
            source: lines.map(\.text).joined(separator: "\n"), firstSourceLine: fence.firstBodyLine,
            options: header.options, headerLineCount: header.lineCount, tabs: header.tabs, saves: header.saves,
            fence: fence
        )
        blocks.append(Block(.codeCell(cell)))
    }

    /// Attaches an output fence to the code cell right before it (only blank
    /// lines between); false when there is no such cell or it has an output.
    private mutating func attachOutput(_ fence: Fence) -> Bool {
        guard let last = blocks.indices.last, var cell = blocks[last].codeCell, cell.output == nil,
            cell.fence.isClosed, cell.fence.byteRange.upperBound <= fence.byteRange.lowerBound
        else { return false }
        let between = source.bytes[cell.fence.byteRange.upperBound..<fence.byteRange.lowerBound]
        guard between.allSatisfy({ $0.isSpaceOrTab || $0 == .lineFeed || $0 == .carriageReturn }) else { return false }
        cell.output = RecordedOutput(text: fences.bodyText(of: fence), fence: fence)
        blocks[last] = Block(.codeCell(cell))
        return true
    }

    // MARK: - Tab regions

    /// Marks the blocks between `` :begin_tab:`names` `` and `:end_tab:` (both
    /// included) with their tabs.
    mutating func markTabRegions() {
        var region: (tabs: [String], start: SourceRange)?
        for index in blocks.indices {
            var closesHere = false
            for role in blocks[index].prose?.children.compactMap(roleOf) ?? [] {
                switch role.name {
                case "begin_tab":
                    if let open = region {
                        diagnostics.append(.warning(
                            "':begin_tab:' inside the region opened at line \(open.start.start.line); close that one with ':end_tab:' first.",
                            at: role.range.start, length: 11))
                    }
                    if let tabs = role.argument.flatMap(TabNames.parseList) {
                        region = (tabs, role.range)
                    } else {
                        diagnostics.append(.error(
                            "':begin_tab:' must name its tabs, such as :begin_tab:`pytorch`.", at: role.range.start, length: 11))
                    }
                case "end_tab":
                    if region == nil {
                        diagnostics.append(.warning("':end_tab:' closes no ':begin_tab:'.", at: role.range.start, length: 9))
                    }
                    closesHere = true
                default:
                    break
                }
            }
            blocks[index].tabRegion = region?.tabs
            if closesHere { region = nil }
        }
        if let open = region {
            diagnostics.append(.warning("This ':begin_tab:' region is never closed with ':end_tab:'.", at: open.start.start, length: 11))
        }
    }

    private func roleOf(_ node: MarkdownNode) -> (name: String, argument: String?, range: SourceRange)? {
        if case .role(let name, let argument) = node.kind { return (name, argument, node.range) }
        return nil
    }
}
