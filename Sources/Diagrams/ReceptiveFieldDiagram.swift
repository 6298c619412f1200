/// A stack of layers drawn as grids, input at the bottom, with the receptive field
/// of one element of the last layer highlighted in every layer and lines joining
/// the fields. Zero padding added by a layer is drawn (dashed, grey) around the grid
/// it pads; numbers in the field count the paths to the element when cells are large
/// enough. Large inputs (LeNet's 28×28) shrink their cells and drop the numbers.
///
/// ```swift
/// let figure = try ReceptiveFieldDiagram(
///     input: GridSize(height: 3, width: 3), layers: [.convolution(kernel: 2), .convolution(kernel: 2)],
///     at: GridPosition(row: 0, column: 0))
/// let svg = figure.svg(idPrefix: "fig-rf")
/// ```
public struct ReceptiveFieldDiagram: Sendable {
    public let stack: LayerStack
    public let position: GridPosition
    /// What the bottom grid is called.
    public let inputLabel: String
    /// The field in every layer, from the input (index 0) up.
    public let regions: [FieldRegion]

    public init(stack: LayerStack, at position: GridPosition, inputLabel: String = "input") throws {
        self.stack = stack
        self.position = position
        self.inputLabel = inputLabel
        regions = try receptiveField(of: position, in: stack)
    }

    /// Builds the stack too; throws for invalid layers or a position outside the
    /// last layer.
    public init(input: GridSize, layers: [ReceptiveFieldLayer], at position: GridPosition, inputLabel: String = "input")
        throws
    {
        try self.init(stack: LayerStack(input: input, layers: layers), at: position, inputLabel: inputLabel)
    }

    /// The sentence of the figure's `<desc>`.
    public var summary: String {
        let names = [inputLabel] + stack.layers.map(\.label)
        let chain = stack.layers.isEmpty ? "no layer" : stack.layers.map(\.label).joined(separator: " → ")
        var text =
            "Receptive field of element (\(position.row), \(position.column)) of the \(stack.outputSize) output of "
            + "\(chain) on a \(stack.input) \(inputLabel)."
        var parts: [String] = []
        for level in stride(from: regions.count - 2, through: 0, by: -1) {
            parts.append(Self.describe(regions[level], in: names[level], size: stack.sizes[level]))
        }
        if !parts.isEmpty { text += " It covers " + parts.joined(separator: "; ") + "." }
        if regions.dropLast().contains(where: { $0.paddedRows != $0.rows || $0.paddedColumns != $0.columns }) {
            text += " Windows also reach the zero padding, drawn dashed."
        }
        return text
    }

    private static func describe(_ region: FieldRegion, in name: String, size: GridSize) -> String {
        guard let rows = region.rows, let columns = region.columns else {
            return "nothing of \(name) (only its padding)"
        }
        let span = (rows.count) * (columns.count)
        var text =
            "rows \(rows.lowerBound)–\(rows.upperBound) and columns \(columns.lowerBound)–\(columns.upperBound) "
            + "of \(name) (\(size)), \(region.elementCount) element" + (region.elementCount == 1 ? "" : "s")
        if region.elementCount != span { text += " of the \(span) in that range" }
        return text
    }
}

extension ReceptiveFieldDiagram {
    // MARK: - Layout

    private struct Level {
        var size: GridSize
        var ring: GridSize  // padding added by the next layer
        var name: String
        var top: Double
        var originX: Double  // the real grid's top-left
        var originY: Double
    }

    // MARK: - Drawing

    /// The figure as SVG; every id starts with `idPrefix` (sanitized).
    public func svg(idPrefix: String) -> String {
        let count = stack.sizes.count
        let rings: [GridSize] = (0..<count).map {
            $0 < stack.layers.count ? stack.layers[$0].padding : GridSize(height: 0, width: 0)
        }
        let paddedWidths = (0..<count).map { Double(stack.sizes[$0].width + 2 * rings[$0].width) }
        let paddedHeights = (0..<count).map { Double(stack.sizes[$0].height + 2 * rings[$0].height) }
        let widest = paddedWidths.max() ?? 1
        let totalHeight = paddedHeights.reduce(0, +)
        let cell = min(36, 480 / widest, 900 / totalHeight)
        let margin = 12.0
        let labelWidth = 120.0
        let gap = 40.0
        let width = margin * 2 + labelWidth + widest * cell
        let height = margin * 2 + totalHeight * cell + gap * Double(count - 1)
        let centerX = margin + labelWidth + widest * cell / 2
        let names = [inputLabel] + stack.layers.map(\.label)

        var levels: [Level] = Array(
            repeating: Level(
                size: GridSize(height: 0, width: 0), ring: GridSize(height: 0, width: 0), name: "", top: 0, originX: 0,
                originY: 0), count: count)
        var y = margin
        for index in stride(from: count - 1, through: 0, by: -1) {
            let size = stack.sizes[index]
            let ring = rings[index]
            levels[index] = Level(
                size: size, ring: ring, name: names[index], top: y,
                originX: centerX - Double(size.width) * cell / 2, originY: y + Double(ring.height) * cell)
            y += paddedHeights[index] * cell + gap
        }

        let showNumbers = cell >= 18
        var description = summary
        if showNumbers, count > 1 { description += " Numbers count the paths from each element to the output element." }
        var document = FigureDocument(
            idPrefix: idPrefix, kind: "receptive-field", width: width, height: height, title: "Receptive field",
            description: description, extraRules: Self.rules(valueSize: min(13, max(8, cell * 0.38)).rounded()))

        for index in 0..<count {
            drawLevel(
                levels[index], region: regions[index], isElement: index == count - 1, cell: cell,
                showNumbers: showNumbers && index < count - 1, into: &document)
            document.text(
                names[index], x: margin, y: levels[index].originY + Double(levels[index].size.height) * cell / 2 - 8,
                anchor: "start")
            document.text(
                levels[index].size.description, x: margin,
                y: levels[index].originY + Double(levels[index].size.height) * cell / 2 + 9,
                anchor: "start", className: "lb-small lb-muted")
        }
        for index in 0..<(count - 1) {
            drawLinks(
                from: levels[index], regions[index], to: levels[index + 1], regions[index + 1], cell: cell,
                into: &document)
        }
        return document.finish()
    }

    private func drawLevel(
        _ level: Level, region: FieldRegion, isElement: Bool, cell: Double, showNumbers: Bool,
        into document: inout FigureDocument
    ) {
        let gridWidth = Double(level.size.width) * cell
        let gridHeight = Double(level.size.height) * cell
        // Padding ring, dashed and grey, with its cell lines.
        if level.ring.height > 0 || level.ring.width > 0 {
            let x = level.originX - Double(level.ring.width) * cell
            let y = level.originY - Double(level.ring.height) * cell
            let columns = level.size.width + 2 * level.ring.width
            let rows = level.size.height + 2 * level.ring.height
            document.rect(
                x: x, y: y, width: Double(columns) * cell, height: Double(rows) * cell, className: "lb-padding")
            if cell >= 4 {
                document.writer.element(
                    "path",
                    [
                        ("d", Self.gridPath(x: x, y: y, rows: rows, columns: columns, cell: cell)),
                        ("class", "lb-padding-lines"),
                    ])
            }
        }
        // Field: the hull (with padding) lightly, the cells reached strongly.
        if let paddedRows = region.paddedRows, let paddedColumns = region.paddedColumns, !isElement {
            document.rect(
                x: level.originX + Double(paddedColumns.lowerBound) * cell,
                y: level.originY + Double(paddedRows.lowerBound) * cell,
                width: Double(paddedColumns.count) * cell, height: Double(paddedRows.count) * cell,
                className: "lb-field-hull")
        }
        let rowRuns = Self.runs(region.touchedRows)
        let columnRuns = Self.runs(region.touchedColumns)
        let fillClass = isElement ? "lb-output-fill" : "lb-field-fill"
        if rowRuns.count * columnRuns.count <= 400 {
            for rows in rowRuns {
                for columns in columnRuns {
                    document.rect(
                        x: level.originX + Double(columns.lowerBound) * cell,
                        y: level.originY + Double(rows.lowerBound) * cell,
                        width: Double(columns.count) * cell, height: Double(rows.count) * cell, className: fillClass)
                }
            }
        } else if let rows = region.rows, let columns = region.columns {
            document.rect(
                x: level.originX + Double(columns.lowerBound) * cell, y: level.originY + Double(rows.lowerBound) * cell,
                width: Double(columns.count) * cell, height: Double(rows.count) * cell, className: fillClass)
        }
        // The real grid.
        if cell >= 4 {
            document.writer.element(
                "path",
                [
                    (
                        "d",
                        Self.gridPath(
                            x: level.originX, y: level.originY, rows: level.size.height, columns: level.size.width,
                            cell: cell)
                    ), ("class", "lb-cell"),
                ])
        } else {
            document.rect(
                x: level.originX, y: level.originY, width: gridWidth, height: gridHeight, className: "lb-rule")
        }
        // Outline of the field (with padding) on top.
        if let paddedRows = region.paddedRows, let paddedColumns = region.paddedColumns {
            document.rect(
                x: level.originX + Double(paddedColumns.lowerBound) * cell,
                y: level.originY + Double(paddedRows.lowerBound) * cell,
                width: Double(paddedColumns.count) * cell, height: Double(paddedRows.count) * cell,
                className: isElement ? "lb-output-edge" : "lb-field-edge")
        }
        // Path counts.
        if showNumbers, region.elementCount <= 400 {
            for (row, rowPaths) in zip(region.touchedRows, region.rowPaths) {
                for (column, columnPaths) in zip(region.touchedColumns, region.columnPaths) {
                    document.text(
                        NumberFormatting.display(rowPaths * columnPaths),
                        x: level.originX + (Double(column) + 0.5) * cell,
                        y: level.originY + (Double(row) + 0.5) * cell, className: "lb-value")
                }
            }
        }
    }

    /// Two lines from the top corners of the lower field to the bottom corners of the
    /// field above it.
    private func drawLinks(
        from lower: Level, _ lowerRegion: FieldRegion, to upper: Level, _ upperRegion: FieldRegion, cell: Double,
        into document: inout FigureDocument
    ) {
        guard let lowerRows = lowerRegion.paddedRows, let lowerColumns = lowerRegion.paddedColumns,
            let upperRows = upperRegion.rows, let upperColumns = upperRegion.columns
        else { return }
        let lowerY = lower.originY + Double(lowerRows.lowerBound) * cell
        let upperY = upper.originY + Double(upperRows.upperBound + 1) * cell
        let lowerLeft = lower.originX + Double(lowerColumns.lowerBound) * cell
        let lowerRight = lower.originX + Double(lowerColumns.upperBound + 1) * cell
        let upperLeft = upper.originX + Double(upperColumns.lowerBound) * cell
        let upperRight = upper.originX + Double(upperColumns.upperBound + 1) * cell
        document.line(x1: lowerLeft, y1: lowerY, x2: upperLeft, y2: upperY, className: "lb-link")
        document.line(x1: lowerRight, y1: lowerY, x2: upperRight, y2: upperY, className: "lb-link")
    }

    // MARK: - Helpers

    /// Consecutive runs of sorted indices: [0, 1, 2, 5] → [0...2, 5...5].
    static func runs(_ indices: [Int]) -> [ClosedRange<Int>] {
        var runs: [ClosedRange<Int>] = []
        for index in indices {
            if let last = runs.last, last.upperBound + 1 == index {
                runs[runs.count - 1] = last.lowerBound...index
            } else {
                runs.append(index...index)
            }
        }
        return runs
    }

    /// The lines of a rows × columns grid as one path.
    static func gridPath(x: Double, y: Double, rows: Int, columns: Int, cell: Double) -> String {
        let right = NumberFormatting.coordinate(x + Double(columns) * cell)
        let bottom = NumberFormatting.coordinate(y + Double(rows) * cell)
        var parts: [String] = []
        for row in 0...rows {
            parts.append(
                "M" + NumberFormatting.coordinate(x) + " " + NumberFormatting.coordinate(y + Double(row) * cell) + "H"
                    + right)
        }
        for column in 0...columns {
            parts.append(
                "M" + NumberFormatting.coordinate(x + Double(column) * cell) + " " + NumberFormatting.coordinate(y)
                    + "V" + bottom)
        }
        return parts.joined()
    }

    private static func rules(valueSize: Double) -> [String] {
        [
            "#ID .lb-value { font-size: \(NumberFormatting.compact(valueSize))px; }",
            "#ID .lb-padding { fill: var(--lb-padding-fill); stroke: var(--lb-fg); stroke-opacity: 0.45; stroke-dasharray: 3 3; }",
            "#ID .lb-padding-lines { fill: none; stroke: var(--lb-fg); stroke-opacity: 0.25; stroke-dasharray: 2 3; }",
            "#ID .lb-field-hull { fill: var(--lb-accent-fill); fill-opacity: 0.5; }",
            "#ID .lb-field-fill { fill: var(--lb-accent-fill); }",
            "#ID .lb-field-edge { fill: none; stroke: var(--lb-accent); stroke-width: 2; }",
            "#ID .lb-output-fill { fill: var(--lb-output-fill); }",
            "#ID .lb-output-edge { fill: none; stroke: var(--lb-output); stroke-width: 2; }",
            "#ID .lb-link { stroke: var(--lb-accent); stroke-width: 1.2; stroke-dasharray: 4 3; }",
        ]
    }
}
