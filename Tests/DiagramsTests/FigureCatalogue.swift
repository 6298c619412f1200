@testable import Diagrams

/// Figures in several configurations each; `Golden/<name>.svg` holds the expected
/// SVG of each (re-recorded with `LITBOOK_RECORD_GOLDEN=1`).
enum FigureCatalogue {
    static let figures: [String: () throws -> String] = [
        // MARK: Correlation
        "correlation-d2l": {
            try CorrelationDiagram(
                input: d2lInput, kernel: d2lKernel, output: correlate(d2lInput, d2lKernel), at: .init(row: 0, column: 0)
            )
            .svg(idPrefix: "corr")
        },
        "correlation-d2l-bottom-right": {
            try CorrelationDiagram(
                input: d2lInput, kernel: d2lKernel, output: correlate(d2lInput, d2lKernel), at: .init(row: 1, column: 1)
            )
            .svg(idPrefix: "corr")
        },
        "correlation-edge": {
            try CorrelationDiagram(
                input: edgeInput, kernel: [[1, -1]], output: correlate(edgeInput, [[1, -1]]),
                at: .init(row: 0, column: 1)
            )
            .svg(idPrefix: "corr-edge")
        },
        "correlation-fractional": {
            let input = [[0.5, -1.25, 2, 0], [1, 0.25, -0.5, 3], [2.5, 1, 0, -1], [0, 0.75, 1.5, 2]]
            let kernel = Array(repeating: Array(repeating: 1.0 / 9, count: 3), count: 3)
            return try CorrelationDiagram(
                input: input, kernel: kernel, output: correlate(input, kernel), at: .init(row: 1, column: 0)
            )
            .svg(idPrefix: "corr-frac")
        },
        "correlation-large": {
            let input = (0..<28).map { i in (0..<28).map { j in Double((i + j) % 7) } }
            let kernel = (0..<5).map { i in (0..<5).map { j in Double(i - j) } }
            return try CorrelationDiagram(
                input: input, kernel: kernel, output: correlate(input, kernel), at: .init(row: 10, column: 12)
            )
            .svg(idPrefix: "corr-large")
        },
        "correlation-labels-and-bias": {
            let output = correlate(d2lInput, d2lKernel).map { $0.map { $0 + 1 } }
            let labels = CorrelationDiagram.Labels(input: "输入", kernel: "核", output: "输出")
            return try CorrelationDiagram(
                input: d2lInput, kernel: d2lKernel, output: output, at: .init(row: 0, column: 1), labels: labels
            )
            .svg(idPrefix: "corr-zh")
        },
        // MARK: Receptive field
        "receptive-field-d2l": {
            try ReceptiveFieldDiagram(
                input: .init(height: 3, width: 3), layers: [.convolution(kernel: 2), .convolution(kernel: 2)],
                at: .init(row: 0, column: 0)
            ).svg(idPrefix: "rf")
        },
        "receptive-field-padding-stride": {
            try ReceptiveFieldDiagram(
                input: .init(height: 5, width: 5),
                layers: [.convolution(kernel: 3, stride: 2, padding: 1), .convolution(kernel: 2)],
                at: .init(row: 1, column: 1)
            ).svg(idPrefix: "rf-pad")
        },
        "receptive-field-dilation": {
            try ReceptiveFieldDiagram(
                input: .init(height: 7, width: 7), layers: [.convolution(kernel: 3, dilation: 2)],
                at: .init(row: 1, column: 1)
            ).svg(idPrefix: "rf-dil")
        },
        "receptive-field-pooling": {
            try ReceptiveFieldDiagram(
                input: .init(height: 4, width: 4), layers: [.pooling(2)], at: .init(row: 1, column: 0)
            )
            .svg(idPrefix: "rf-pool")
        },
        "receptive-field-lenet": {
            try ReceptiveFieldDiagram(input: .init(height: 28, width: 28), layers: lenet, at: .init(row: 2, column: 2))
                .svg(idPrefix: "rf-lenet")
        },
        // MARK: Line plot
        "line-loss": {
            try LinePlot(
                series: [.init(name: "loss", x: [2, 4, 6, 8, 10], y: [5.996, 1.383, 0.386, 0.128, 0.047])],
                xLabel: "epoch", yLabel: "loss"
            ).svg(idPrefix: "loss")
        },
        "line-animator": {
            try LinePlot(series: animatorSeries, xLabel: "epoch", xLimits: 1...5).svg(idPrefix: "anim")
        },
        "line-log": {
            let y = (0..<30).map { Optional(8.0 / Double(($0 + 1) * ($0 + 1))) }
            return try LinePlot(series: [.init(name: "loss", y: y)], xLabel: "step", yLabel: "loss", logarithmicY: true)
                .svg(idPrefix: "log")
        },
        "line-limits-and-gaps": {
            let series = LinePlot.Series(
                name: "signal", x: [0, 1, 2, 3, 4, 5, 6], y: [0.2, 1.4, nil, 0.6, .nan, 0.8, -0.3])
            let other = LinePlot.Series(name: "baseline", x: [0, 6], y: [0.5, 0.5])
            return try LinePlot(series: [series, other], xLimits: 0...5, yLimits: 0...1).svg(idPrefix: "lim")
        },
        "line-single-point": {
            try LinePlot(series: [.init(name: "only", x: [3], y: [2])]).svg(idPrefix: "one")
        },
        // MARK: Heatmap
        "heatmap-edge-input": { try Heatmap(edgeInput).svg(idPrefix: "heat-x") },
        "heatmap-edge-output": { try Heatmap(correlate(edgeInput, [[1, -1]])).svg(idPrefix: "heat-y") },
        "heatmap-large": {
            try Heatmap((0..<28).map { i in (0..<28).map { j in Double((i * j) % 10) / 10 } }).svg(
                idPrefix: "heat-large")
        },
        "heatmap-constant": { try Heatmap([[5, 5, 5], [5, 5, 5]]).svg(idPrefix: "heat-const") },
        "heatmap-missing": {
            try Heatmap([[1, .nan, 3], [.infinity, 5, 6], [7, 8, -.infinity]]).svg(idPrefix: "heat-nan")
        },
        "heatmap-skewed-diverging": {
            try Heatmap([[-0.2, 0, 0.3], [0.6, 1, 0.45]], valueLabels: .always).svg(idPrefix: "heat-skew")
        },
    ]

    static var names: [String] { figures.keys.sorted() }

    // MARK: - Data

    static let d2lInput: [[Double]] = [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
    static let d2lKernel: [[Double]] = [[0, 1], [2, 3]]
    /// The seed lesson's image: white (1) with a black (0) band in columns 2–5.
    static let edgeInput: [[Double]] = Array(repeating: [1, 1, 0, 0, 0, 0, 1, 1], count: 6)

    static let lenet: [ReceptiveFieldLayer] = [
        .convolution(kernel: 5, padding: 2), .pooling(2), .convolution(kernel: 5), .pooling(2),
    ]

    /// What d2l's `Animator` collects in `train_ch6`: training curves every tenth of
    /// an epoch, test accuracy once per epoch, `nil` where a series has no point.
    static var animatorSeries: [LinePlot.Series] {
        var x: [Double] = []
        var loss: [Double?] = []
        var trainAccuracy: [Double?] = []
        var testAccuracy: [Double?] = []
        for epoch in 0..<5 {
            for batch in 1...10 {
                let position = Double(epoch) + Double(batch) / 10
                x.append(position)
                loss.append(0.3 + 2 / (1 + position))
                trainAccuracy.append(0.9 - 0.5 / (1 + position))
                testAccuracy.append(nil)
            }
            x.append(Double(epoch + 1))
            loss.append(nil)
            trainAccuracy.append(nil)
            testAccuracy.append(0.85 - 0.4 / Double(epoch + 2))
        }
        return [
            .init(name: "train loss", x: x, y: loss), .init(name: "train acc", x: x, y: trainAccuracy),
            .init(name: "test acc", x: x, y: testAccuracy),
        ]
    }

    /// The reference cross-correlation, written the plain way.
    static func correlate(_ input: [[Double]], _ kernel: [[Double]]) -> [[Double]] {
        let h = kernel.count
        let w = kernel[0].count
        return (0...(input.count - h)).map { i in
            (0...(input[0].count - w)).map { j in
                var sum = 0.0
                for a in 0..<h {
                    for b in 0..<w { sum += input[i + a][j + b] * kernel[a][b] }
                }
                return sum
            }
        }
    }
}
