/// One figure drawn by a notebook cell through d2l (`d2l.Animator`, `d2l.plot`):
/// the curves and axes the page shows in place of matplotlib's image.
///
/// Jupyter would show the figure instead of text, so recording a plot never
/// prints anything; the runner collects plots with `TorchSession.takePlots()`.
public struct PlotRecord: Sendable, Equatable {
    /// One named curve; `y` is nil where the curve has no point (d2l's Animator
    /// adds `None` for metrics it does not know yet).
    public struct Series: Sendable, Equatable {
        public var name: String
        public var x: [Double]
        public var y: [Double?]

        public init(name: String, x: [Double], y: [Double?]) {
            self.name = name
            self.x = x
            self.y = y
        }
    }

    public var xLabel: String?
    public var yLabel: String?
    public var xLimits: ClosedRange<Double>?
    public var yLimits: ClosedRange<Double>?
    /// matplotlib's `yscale='log'`.
    public var logarithmicY: Bool
    public var series: [Series]

    public init(
        xLabel: String? = nil, yLabel: String? = nil, xLimits: ClosedRange<Double>? = nil,
        yLimits: ClosedRange<Double>? = nil, logarithmicY: Bool = false, series: [Series] = []
    ) {
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xLimits = xLimits
        self.yLimits = yLimits
        self.logarithmicY = logarithmicY
        self.series = series
    }
}
