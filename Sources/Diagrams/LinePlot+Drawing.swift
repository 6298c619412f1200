extension LinePlot {
    // MARK: - Geometry

    /// The plot area in the figure's coordinates.
    private struct Frame {
        var left: Double
        var top: Double
        var width: Double
        var height: Double
        var xRange: ClosedRange<Double>
        var yRange: ClosedRange<Double>
        var logarithmicY: Bool

        var right: Double { left + width }
        var bottom: Double { top + height }

        func x(_ value: Double) -> Double {
            left + (value - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * width
        }

        /// The y coordinate of a data value (its log10 on a log axis).
        func y(_ value: Double) -> Double {
            let axisValue = logarithmicY ? (Logarithm.base10(value) ?? yRange.lowerBound) : value
            return bottom - (axisValue - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound) * height
        }
    }

    /// Series with at most this many points get markers.
    static let markerLimit = 25

    // MARK: - Drawing

    /// The figure as SVG; every id starts with `idPrefix` (sanitized).
    public func svg(idPrefix: String) -> String {
        let width = 560.0
        let height = 340.0
        let xTicks = AxisTicks.linear(
            in: xRange, step: AxisTicks.niceStep(span: xRange.upperBound - xRange.lowerBound, target: 6))
        let y = yAxis
        let yTickLabels = y.ticks.map(NumberFormatting.display)
        let labelWidth = Double(yTickLabels.map(\.count).max() ?? 1) * 7.5
        let left = 18 + (yLabel == nil ? 0 : 20) + labelWidth
        let bottomSpace = 30.0 + (xLabel == nil ? 0 : 20)
        let frame = Frame(
            left: left, top: 14, width: width - left - 16, height: height - 14 - bottomSpace, xRange: xRange,
            yRange: y.range, logarithmicY: logarithmicY)
        var document = FigureDocument(
            idPrefix: idPrefix, kind: "line-plot", width: width, height: height,
            title: title, description: summary, extraRules: Self.rules(count: series.count),
            extraDarkRules: Self.darkRules(count: series.count))
        let clipID = document.id + "-plot-area"

        document.writer.open("defs")
        document.writer.open("clipPath", [("id", clipID)])
        document.rect(x: frame.left, y: frame.top, width: frame.width, height: frame.height, className: "lb-clip")
        document.writer.close()
        document.writer.close()

        // Grid and ticks.
        for tick in xTicks {
            let x = frame.x(tick)
            document.line(x1: x, y1: frame.top, x2: x, y2: frame.bottom, className: "lb-grid")
            document.text(NumberFormatting.display(tick), x: x, y: frame.bottom + 14, className: "lb-tick")
        }
        for (tick, label) in zip(y.ticks, yTickLabels) {
            let yPosition = frame.y(tick)
            document.line(x1: frame.left, y1: yPosition, x2: frame.right, y2: yPosition, className: "lb-grid")
            document.text(label, x: frame.left - 6, y: yPosition, anchor: "end", className: "lb-tick")
        }
        document.writer.element(
            "path",
            [("d", "M\(c(frame.left)) \(c(frame.top))V\(c(frame.bottom))H\(c(frame.right))"), ("class", "lb-rule")])
        if let xLabel {
            document.text(xLabel, x: frame.left + frame.width / 2, y: height - 12)
        }
        if let yLabel {
            let centerY = frame.top + frame.height / 2
            document.text(yLabel, x: 14, y: centerY, extra: [("transform", "rotate(-90 14 \(c(centerY)))")])
        }

        // Lines, clipped to the plot area, then markers.
        document.writer.open("g", [("clip-path", "url(#\(clipID))")])
        for (index, line) in series.enumerated() {
            let path = Self.path(line.points, frame: frame)
            if !path.isEmpty {
                document.writer.element("path", [("d", path), ("class", "lb-series lb-s\(index % 8)")])
            }
            let points = line.points.compactMap { $0 }
            if points.count <= Self.markerLimit {
                for point in points {
                    drawMarker(index, x: frame.x(point.x), y: frame.y(point.y), into: &document)
                }
            }
        }
        document.writer.close()
        if series.count > 1 { drawLegend(frame: frame, into: &document) }
        return document.finish()
    }

    private var title: String {
        if let yLabel, let xLabel { return "\(yLabel) against \(xLabel)" }
        return series.map(\.name).joined(separator: ", ")
    }

    /// `M x y L x y …`, starting a new subpath after each gap.
    private static func path(_ points: [(x: Double, y: Double)?], frame: Frame) -> String {
        var parts: [String] = []
        var drawing = false
        for point in points {
            guard let point else {
                drawing = false
                continue
            }
            parts.append((drawing ? "L" : "M") + c(frame.x(point.x)) + " " + c(frame.y(point.y)))
            drawing = true
        }
        return parts.joined()
    }

    /// A circle, square, triangle, diamond… per series.
    private func drawMarker(_ index: Int, x: Double, y: Double, into document: inout FigureDocument) {
        let className = "lb-marker lb-s\(index % 8)"
        let r = 3.2
        switch index % 4 {
        case 0:
            document.writer.element("circle", [("cx", c(x)), ("cy", c(y)), ("r", c(r)), ("class", className)])
        case 1:
            document.rect(x: x - r, y: y - r, width: 2 * r, height: 2 * r, className: className)
        case 2:
            let points =
                "\(c(x)),\(c(y - r * 1.2)) \(c(x + r * 1.1)),\(c(y + r * 0.9)) \(c(x - r * 1.1)),\(c(y + r * 0.9))"
            document.writer.element("polygon", [("points", points), ("class", className)])
        default:
            let points =
                "\(c(x)),\(c(y - r * 1.3)) \(c(x + r * 1.3)),\(c(y)) \(c(x)),\(c(y + r * 1.3)) \(c(x - r * 1.3)),\(c(y))"
            document.writer.element("polygon", [("points", points), ("class", className)])
        }
    }

    /// Names with a sample of each line, in the corner of the plot area that hides
    /// the fewest points (top right when tied).
    private func drawLegend(frame: Frame, into document: inout FigureDocument) {
        let rowHeight = 18.0
        let longest = Double(series.map(\.name.count).max() ?? 1)
        let boxWidth = 44 + longest * 7.2
        let boxHeight = Double(series.count) * rowHeight + 8
        let corners = [
            (frame.right - boxWidth - 8, frame.top + 8), (frame.left + 8, frame.top + 8),
            (frame.right - boxWidth - 8, frame.bottom - boxHeight - 8), (frame.left + 8, frame.bottom - boxHeight - 8),
        ]
        let points = series.flatMap { $0.points.compactMap { $0 } }.map { (frame.x($0.x), frame.y($0.y)) }
        func hidden(_ corner: (Double, Double)) -> Int {
            points.filter { point in
                point.0 >= corner.0 && point.0 <= corner.0 + boxWidth && point.1 >= corner.1
                    && point.1 <= corner.1 + boxHeight
            }.count
        }
        var best = corners[0]
        var fewest = hidden(best)
        for corner in corners.dropFirst() where hidden(corner) < fewest {
            best = corner
            fewest = hidden(corner)
        }
        let (x, y) = best
        document.rect(x: x, y: y, width: boxWidth, height: boxHeight, className: "lb-legend")
        for (index, line) in series.enumerated() {
            let rowY = y + 4 + (Double(index) + 0.5) * rowHeight
            document.line(x1: x + 8, y1: rowY, x2: x + 32, y2: rowY, className: "lb-series lb-s\(index % 8)")
            drawMarker(index, x: x + 20, y: rowY, into: &document)
            document.text(line.name, x: x + 38, y: rowY, anchor: "start")
        }
    }

    // MARK: - Style

    /// Series colours are custom properties (`--lb-s0`…), switched for dark pages.
    private static func rules(count: Int) -> [String] {
        let shown = min(count, 8)
        var rules = [
            "#ID { " + (0..<shown).map { "--lb-s\($0): \(Palette.seriesLight[$0]);" }.joined(separator: " ") + " }",
            "#ID .lb-tick { font-size: 11px; }",
            "#ID .lb-series { fill: none; stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; }",
            "#ID .lb-marker { stroke: var(--lb-bg); stroke-width: 1; }",
            "#ID .lb-legend { fill: var(--lb-bg); fill-opacity: 0.85; stroke: var(--lb-fg); stroke-opacity: 0.25; }",
        ]
        for index in 0..<shown {
            let dash = Palette.dashes[index].isEmpty ? "" : " stroke-dasharray: \(Palette.dashes[index]);"
            rules.append("#ID .lb-series.lb-s\(index) { stroke: var(--lb-s\(index));\(dash) }")
            rules.append("#ID .lb-marker.lb-s\(index) { fill: var(--lb-s\(index)); }")
        }
        return rules
    }

    private static func darkRules(count: Int) -> [String] {
        ["#ID { " + (0..<min(count, 8)).map { "--lb-s\($0): \(Palette.seriesDark[$0]);" }.joined(separator: " ") + " }"]
    }
}

/// A coordinate, shortly.
private func c(_ value: Double) -> String {
    NumberFormatting.coordinate(value)
}
