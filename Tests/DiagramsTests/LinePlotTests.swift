import Testing

@testable import Diagrams

@Suite struct LinePlotTests {
    let losses = LinePlot.Series(name: "loss", x: [2, 4, 6, 8, 10], y: [5.996, 1.383, 0.386, 0.128, 0.047])

    @Test func yAxisWidensToWholeTicks() throws {
        let plot = try LinePlot(series: [losses])
        #expect(plot.yAxis.range == 0...6)
        #expect(plot.yAxis.ticks == [0, 1, 2, 3, 4, 5, 6])
        #expect(plot.xRange == 2...10)
    }

    @Test func limitsWin() throws {
        let plot = try LinePlot(series: [losses], xLimits: 1...10, yLimits: 0...3)
        #expect(plot.xRange == 1...10)
        #expect(plot.yAxis.range == 0...3)
    }

    @Test func logAxisTicksArePowersOfTen() throws {
        let plot = try LinePlot(series: [losses], logarithmicY: true)
        #expect(plot.yAxis.ticks == [0.01, 0.1, 1, 10])
    }

    @Test func gapsBreakTheLine() throws {
        let series = LinePlot.Series(name: "acc", x: [1, 2, 3, 4, 5], y: [0.1, 0.2, nil, 0.4, .nan])
        let svg = try LinePlot(series: [series]).svg(idPrefix: "p")
        // Two subpaths: one for x = 1, 2, one for x = 4 alone.
        let path = try #require(
            svg.split(separator: "\n").first { $0.contains("lb-series lb-s0") && $0.contains("<path") })
        #expect(path.filter { $0 == "M" }.count == 2)
        #expect(path.filter { $0 == "L" }.count == 1)
    }

    @Test func aLegendAppearsOnlyForSeveralSeries() throws {
        let single = try LinePlot(series: [losses]).svg(idPrefix: "p")
        #expect(!single.contains("lb-legend\""))
        let double = try LinePlot(series: [losses, .init(name: "acc", x: [2, 4], y: [0.5, 0.6])]).svg(idPrefix: "p")
        #expect(double.contains(#"class="lb-legend""#))
        #expect(double.contains(">acc</text>"))
    }

    @Test func markersOnlyForFewPoints() throws {
        let few = try LinePlot(series: [losses]).svg(idPrefix: "p")
        #expect(few.components(separatedBy: "<circle").count - 1 == 5)
        let many = LinePlot.Series(name: "many", y: (0..<100).map { Double($0) })
        #expect(!(try LinePlot(series: [many]).svg(idPrefix: "p")).contains("<circle"))
    }

    @Test func summaryDescribesEachLine() throws {
        let plot = try LinePlot(series: [losses], xLabel: "epoch", yLabel: "loss")
        #expect(
            plot.summary
                == "Line plot of loss against epoch. loss: 5 points, from 5.996 at 2 to 0.047 at 10 (min 0.047, max 5.996)."
        )
    }

    @Test func seriesWithoutXCountFromOne() {
        #expect(LinePlot.Series(name: "l", y: [3, 2, 1]).x == [1, 2, 3])
    }

    // MARK: - Validation

    @Test func noSeriesIsRejected() {
        #expect(throws: DiagramError.noSeries) { try LinePlot(series: []) }
    }

    @Test func mismatchedLengthsAreRejected() {
        #expect(throws: DiagramError.lengthMismatch(series: "loss", xCount: 2, yCount: 3)) {
            try LinePlot(series: [.init(name: "loss", x: [1, 2], y: [1, 2, 3])])
        }
    }

    @Test(arguments: [(2.0, 1.0), (1.0, 1.0), (0.0, Double.infinity), (-Double.infinity, 0.0)])
    func invalidLimitsAreRejected(_ low: Double, _ high: Double) {
        // A ClosedRange cannot be built backwards, so build equal or infinite ones only.
        guard low <= high else { return }
        #expect(throws: DiagramError.invalidLimits(axis: "y")) { try LinePlot(series: [losses], yLimits: low...high) }
    }

    @Test func logScaleRejectsNonPositiveValues() {
        #expect(throws: DiagramError.nonPositiveOnLogScale(series: "d", x: 2, y: 0)) {
            try LinePlot(series: [.init(name: "d", x: [1, 2], y: [1, 0])], logarithmicY: true)
        }
    }
}

@Suite struct AxisTicksTests {
    @Test(arguments: [(10.0, 2.0), (1.0, 0.2), (6.0, 1.0), (0.05, 0.01), (9.0, 2.0), (1_000.0, 200.0), (3.0, 0.5)])
    func stepsAreOneTwoOrFiveTimesAPowerOfTen(_ span: Double, _ expected: Double) {
        let step = AxisTicks.niceStep(span: span)
        #expect(abs(step - expected) < 1e-12 * expected)
    }

    @Test func ticksAreExactMultiplesWithoutFloatingNoise() {
        let ticks = AxisTicks.linear(in: 0...0.6, step: 0.1)
        #expect(ticks.map(NumberFormatting.compact) == ["0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6"])
    }

    @Test func shortLogRangesAlsoGetTwoAndFive() {
        #expect(AxisTicks.logarithmic(inDecades: 0...1) == [1, 2, 5, 10])
    }
}
