/// A line plot of one or more series (loss curves, an `Animator`'s lines).
///
/// Missing points (`nil`, NaN, ±∞) break a line instead of joining across the gap.
/// Ticks are 1-2-5 multiples; each series has its own colour and dash (readable with
/// colour deficiencies and in grey), markers when a series has few points, and a
/// legend when there is more than one series.
///
/// ```swift
/// let plot = try LinePlot(
///     series: [.init(name: "loss", x: [2, 4, 6, 8, 10], y: [5.996, 1.383, 0.386, 0.128, 0.047])],
///     xLabel: "epoch", yLabel: "loss")
/// let svg = plot.svg(idPrefix: "fig-loss")
/// ```
public struct LinePlot: Sendable {
    /// One named line; `y[i]` is plotted at `x[i]`.
    public struct Series: Sendable, Equatable {
        public var name: String
        public var x: [Double]
        public var y: [Double?]

        public init(name: String, x: [Double], y: [Double?]) {
            self.name = name
            self.x = x
            self.y = y
        }

        /// A series at x = 1, 2, 3, … (a list of losses by epoch).
        public init(name: String, y: [Double?]) {
            self.init(name: name, x: (0..<y.count).map { Double($0 + 1) }, y: y)
        }

        /// The plottable points, in order, with `nil` where a gap breaks the line.
        var points: [(x: Double, y: Double)?] {
            zip(x, y).map { x, y in
                guard let y, y.isFinite, x.isFinite else { return nil }
                return (x, y)
            }
        }
    }

    public let series: [Series]
    public let xLabel: String?
    public let yLabel: String?
    public let xLimits: ClosedRange<Double>?
    public let yLimits: ClosedRange<Double>?
    public let logarithmicY: Bool

    /// Throws when there is no series, a series' x and y differ in length, limits
    /// are not finite and increasing, or a log axis meets a value ≤ 0.
    public init(
        series: [Series], xLabel: String? = nil, yLabel: String? = nil, xLimits: ClosedRange<Double>? = nil,
        yLimits: ClosedRange<Double>? = nil, logarithmicY: Bool = false
    ) throws {
        guard !series.isEmpty else { throw DiagramError.noSeries }
        for line in series where line.x.count != line.y.count {
            throw DiagramError.lengthMismatch(series: line.name, xCount: line.x.count, yCount: line.y.count)
        }
        for (limits, axis) in [(xLimits, "x"), (yLimits, "y")] {
            if let limits,
                !(limits.lowerBound.isFinite && limits.upperBound.isFinite && limits.lowerBound < limits.upperBound)
            {
                throw DiagramError.invalidLimits(axis: axis)
            }
        }
        if logarithmicY {
            if let yLimits, yLimits.lowerBound <= 0 { throw DiagramError.invalidLimits(axis: "logarithmic y") }
            for line in series {
                for point in line.points.compactMap({ $0 }) where point.y <= 0 {
                    throw DiagramError.nonPositiveOnLogScale(series: line.name, x: point.x, y: point.y)
                }
            }
        }
        self.series = series
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xLimits = xLimits
        self.yLimits = yLimits
        self.logarithmicY = logarithmicY
    }

    // MARK: - Description

    /// The sentence of the figure's `<desc>`: what is plotted and where each line goes.
    public var summary: String {
        let against = xLabel.map { " against \($0)" } ?? ""
        let what = yLabel.map { "\($0)" } ?? (series.count == 1 ? series[0].name : "\(series.count) series")
        var text = "Line plot of \(what)\(against)"
        text += logarithmicY ? " (logarithmic y axis)." : "."
        for line in series {
            let points = line.points.compactMap { $0 }
            guard let first = points.first, let last = points.last else {
                text += " \(line.name): no points."
                continue
            }
            let values = points.map(\.y)
            let low = values.min() ?? first.y
            let high = values.max() ?? first.y
            text += " \(line.name): \(points.count) point" + (points.count == 1 ? "" : "s")
            text += ", from \(NumberFormatting.compact(first.y)) at \(NumberFormatting.compact(first.x))"
            text += " to \(NumberFormatting.compact(last.y)) at \(NumberFormatting.compact(last.x))"
            text += " (min \(NumberFormatting.compact(low)), max \(NumberFormatting.compact(high)))."
        }
        return text
    }

    // MARK: - Axes

    /// The x range shown: the limits, else the data range exactly (epochs 1…10).
    var xRange: ClosedRange<Double> {
        if let xLimits { return xLimits }
        let values = series.flatMap { $0.points.compactMap { $0?.x } }
        return Self.padded(values.min(), values.max())
    }

    /// The y range shown, in axis units (log10 on a log axis): the limits, else the
    /// data range widened to whole ticks.
    var yAxis: (range: ClosedRange<Double>, ticks: [Double]) {
        let values = series.flatMap { $0.points.compactMap { $0?.y } }
        if logarithmicY {
            let logs = values.compactMap(Logarithm.base10)
            var range: ClosedRange<Double>
            if let yLimits, let low = Logarithm.base10(yLimits.lowerBound),
                let high = Logarithm.base10(yLimits.upperBound)
            {
                range = low...high
            } else {
                let padded = Self.padded(logs.min(), logs.max())
                range = padded.lowerBound.rounded(.down)...padded.upperBound.rounded(.up)
            }
            return (range, AxisTicks.logarithmic(inDecades: range))
        }
        if let yLimits {
            let step = AxisTicks.niceStep(span: yLimits.upperBound - yLimits.lowerBound)
            return (yLimits, AxisTicks.linear(in: yLimits, step: step))
        }
        let nice = AxisTicks.niceRange(Self.padded(values.min(), values.max()))
        return (nice.range, AxisTicks.linear(in: nice.range, step: nice.step))
    }

    /// A non-degenerate range around the data (±1 around a single value, 0…1 if none).
    static func padded(_ low: Double?, _ high: Double?) -> ClosedRange<Double> {
        guard let low, let high else { return 0...1 }
        if low < high { return low...high }
        let half = low == 0 ? 1 : abs(low) * 0.1
        return (low - half)...(high + half)
    }
}
