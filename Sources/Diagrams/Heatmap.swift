/// A 2-D grid of values as coloured cells with a colour scale.
///
/// Values of one sign use a perceptual sequential palette (viridis) from the minimum
/// to the maximum; values of both signs use a diverging palette centred on 0, so
/// the edge detector's `1` and `-1` get opposite hues of equal strength. Small grids
/// (such as the 6×8 edge-detection input and its 6×7 output) show each value.
///
/// ```swift
/// let figure = try Heatmap([[0, 1, 0, -1], [0, 1, 0, -1]])
/// let svg = figure.svg(idPrefix: "fig-y")
/// ```
public struct Heatmap: Sendable {
    /// Whether cells carry their value as text.
    public enum ValueLabels: Sendable, Equatable {
        /// When the grid is small and cells are big enough to read.
        case automatic
        case always
        case never
    }

    public let values: [[Double]]
    public let valueLabels: ValueLabels
    let size: GridSize
    /// The finite values' range (nil when there is none).
    let valueRange: ClosedRange<Double>?

    /// Throws `DiagramError` for an empty or ragged grid.
    public init(_ values: [[Double]], valueLabels: ValueLabels = .automatic) throws {
        size = try GridValidation.size(of: values, name: "heatmap")
        self.values = values
        self.valueLabels = valueLabels
        let finite = values.joined().filter(\.isFinite)
        if let low = finite.min(), let high = finite.max() {
            valueRange = low...high
        } else {
            valueRange = nil
        }
    }

    // MARK: - Colour scale

    /// Diverging when the values have both signs.
    var isDiverging: Bool {
        guard let range = valueRange else { return false }
        return range.lowerBound < 0 && range.upperBound > 0
    }

    /// The colour of one value: diverging around 0 scaled by the largest magnitude,
    /// or sequential from min to max (the middle colour when all values are equal).
    func color(of value: Double) -> RGB? {
        guard value.isFinite, let range = valueRange else { return nil }
        if isDiverging {
            let magnitude = max(abs(range.lowerBound), abs(range.upperBound))
            return Palette.color(at: 0.5 + 0.5 * value / magnitude, in: Palette.diverging)
        }
        let span = range.upperBound - range.lowerBound
        return Palette.color(at: span > 0 ? (value - range.lowerBound) / span : 0.5, in: Palette.sequential)
    }

    /// The sentence of the figure's `<desc>`.
    public var summary: String {
        var text = "Heatmap of a \(size) grid"
        guard let range = valueRange else { return text + " with no finite values." }
        text +=
            ", values from \(NumberFormatting.compact(range.lowerBound)) to \(NumberFormatting.compact(range.upperBound))"
        text +=
            isDiverging
            ? " (diverging colours centred on 0: blue below, red above)." : " (dark purple low to yellow high)."
        let missing = values.joined().filter { !$0.isFinite }.count
        if missing > 0 {
            text += " \(missing) value" + (missing == 1 ? " is" : "s are") + " not finite (shown hatched)."
        }
        return text
    }
}

extension Heatmap {
    // MARK: - Drawing

    /// The figure as SVG; every id starts with `idPrefix` (sanitized).
    public func svg(idPrefix: String) -> String {
        let cell = min(40, max(1, min(480 / Double(size.width), 360 / Double(size.height))))
        let showIndices = cell >= 14
        let margin = 12.0
        let indexSpace = showIndices ? 22.0 : 0
        let gridLeft = margin + indexSpace
        let gridTop = margin + indexSpace
        let gridWidth = Double(size.width) * cell
        let gridHeight = Double(size.height) * cell
        let scaleLeft = gridLeft + gridWidth + 18
        let scaleWidth = 14.0
        let scaleHeight = max(gridHeight, 120)
        let labels = scaleLabels(height: scaleHeight)
        let labelWidth = Double(labels.map(\.text.count).max() ?? 1) * 7.5
        let width = scaleLeft + scaleWidth + 8 + labelWidth + margin
        let height = gridTop + max(gridHeight, 120) + margin
        let showValues: Bool
        switch valueLabels {
        case .always: showValues = true
        case .never: showValues = false
        case .automatic: showValues = cell >= 22 && size.height * size.width <= 400
        }
        let valueSize = min(13, max(7, cell * 0.36)).rounded()
        var document = FigureDocument(
            idPrefix: idPrefix, kind: "heatmap", width: width, height: height, title: "Heatmap of a \(size) grid",
            description: summary, extraRules: Self.rules(valueSize: valueSize))
        let gradientID = document.id + "-scale"
        let hatchID = document.id + "-missing"
        writeDefinitions(gradientID: gradientID, hatchID: hatchID, into: &document)

        for (r, row) in values.enumerated() {
            for (c, value) in row.enumerated() {
                let x = gridLeft + Double(c) * cell
                let y = gridTop + Double(r) * cell
                let fill = color(of: value).map(\.hex) ?? "url(#\(hatchID))"
                document.rect(x: x, y: y, width: cell, height: cell, className: "lb-heat", extra: [("fill", fill)])
                if showValues {
                    // On a colour, black or white by contrast; on the hatching, the page's text colour.
                    let contrast = color(of: value).map { $0.prefersDarkText ? " lb-on-light" : " lb-on-dark" } ?? ""
                    document.text(
                        NumberFormatting.display(value), x: x + cell / 2, y: y + cell / 2,
                        className: "lb-value" + contrast)
                }
            }
        }
        document.rect(x: gridLeft, y: gridTop, width: gridWidth, height: gridHeight, className: "lb-rule")
        if showIndices { drawIndices(left: gridLeft, top: gridTop, cell: cell, into: &document) }

        // The colour scale with its labels.
        let scaleTop = gridTop
        document.rect(
            x: scaleLeft, y: scaleTop, width: scaleWidth, height: scaleHeight, className: "lb-scale",
            extra: [("fill", "url(#\(gradientID))")])
        for label in labels {
            let y = scaleTop + (1 - label.position) * scaleHeight
            document.line(
                x1: scaleLeft + scaleWidth, y1: y, x2: scaleLeft + scaleWidth + 4, y2: y, className: "lb-rule")
            document.text(label.text, x: scaleLeft + scaleWidth + 7, y: y, anchor: "start", className: "lb-tick")
        }
        return document.finish()
    }

    /// Labels of the scale bar at positions 0 (bottom) to 1 (top): min and max, and 0
    /// where a diverging scale crosses it (unless it would crowd an end label).
    private func scaleLabels(height: Double) -> [(text: String, position: Double)] {
        guard let range = valueRange else { return [] }
        if range.lowerBound == range.upperBound { return [(NumberFormatting.display(range.lowerBound), 0.5)] }
        var labels = [
            (NumberFormatting.display(range.lowerBound), 0.0), (NumberFormatting.display(range.upperBound), 1.0),
        ]
        if isDiverging {
            let zero = -range.lowerBound / (range.upperBound - range.lowerBound)
            if zero * height >= 20, (1 - zero) * height >= 20 { labels.append(("0", zero)) }
        }
        return labels
    }

    /// The scale bar's gradient: the colours of the data range, bottom to top.
    private func writeDefinitions(gradientID: String, hatchID: String, into document: inout FigureDocument) {
        document.writer.open("defs")
        document.writer.open(
            "linearGradient", [("id", gradientID), ("x1", "0"), ("y1", "1"), ("x2", "0"), ("y2", "0")])
        if let range = valueRange {
            let samples = 9
            for index in 0..<samples {
                let fraction = Double(index) / Double(samples - 1)
                let value = range.lowerBound + (range.upperBound - range.lowerBound) * fraction
                let hex = color(of: value)?.hex ?? "#808080"
                document.writer.element("stop", [("offset", NumberFormatting.compact(fraction)), ("stop-color", hex)])
            }
        }
        document.writer.close()
        document.writer.open(
            "pattern", [("id", hatchID), ("width", "6"), ("height", "6"), ("patternUnits", "userSpaceOnUse")])
        document.writer.element("path", [("d", "M0 6L6 0"), ("class", "lb-hatch")])
        document.writer.close()
        document.writer.close()
    }

    /// Row numbers at the left, column numbers on top (every one, or every 5th when
    /// there are many).
    private func drawIndices(left: Double, top: Double, cell: Double, into document: inout FigureDocument) {
        let every = max(size.width, size.height) > 20 ? 5 : 1
        for column in stride(from: 0, to: size.width, by: every) {
            document.text(
                String(column), x: left + (Double(column) + 0.5) * cell, y: top - 10, className: "lb-tick lb-muted")
        }
        for row in stride(from: 0, to: size.height, by: every) {
            document.text(
                String(row), x: left - 6, y: top + (Double(row) + 0.5) * cell, anchor: "end",
                className: "lb-tick lb-muted")
        }
    }

    private static func rules(valueSize: Double) -> [String] {
        [
            "#ID .lb-tick { font-size: 11px; }",
            "#ID .lb-value { font-size: \(NumberFormatting.compact(valueSize))px; }",
            "#ID .lb-heat { stroke: none; }",
            "#ID .lb-scale { stroke: var(--lb-fg); stroke-opacity: 0.4; }",
            "#ID .lb-hatch { stroke: var(--lb-fg); stroke-opacity: 0.5; }",
            "#ID text.lb-on-light { fill: #1a1a1a; }",
            "#ID text.lb-on-dark { fill: #ffffff; }",
        ]
    }
}
