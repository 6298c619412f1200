import Diagrams
import TorchBindings

/// Turns the curves a cell drew (an `Animator`, `d2l.plot`) into a figure.
enum PlotFigures {
    /// The plot as an SVG figure; nil when it has no points yet (an Animator that
    /// was created but never fed). Throws the plot's own validation error.
    static func figure(_ plot: PlotRecord, idPrefix: String) throws -> Figure? {
        let series = plot.series.map { LinePlot.Series(name: $0.name, x: $0.x, y: $0.y) }
        guard series.contains(where: { $0.y.contains { $0 != nil } }) else { return nil }
        let chart = try LinePlot(
            series: series, xLabel: plot.xLabel, yLabel: plot.yLabel, xLimits: plot.xLimits,
            yLimits: plot.yLimits, logarithmicY: plot.logarithmicY)
        return Figure(kind: .plot, svg: chart.svg(idPrefix: idPrefix), summary: chart.summary)
    }
}
