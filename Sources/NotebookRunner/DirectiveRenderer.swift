import CellLanguage
import Diagnostics
import Diagrams
import NotebookFormat
import TorchBindings

/// Draws a figure directive from the notebook's live values, at its place in the
/// notebook (after the cells above it ran).
///
/// Option values that name data (`:input: X`, `:y: losses`, `:model: net`) are
/// Python expressions evaluated in the notebook's namespace; the rest are small
/// literals (`:at: 0, 0`). Every error points at the directive or the option.
struct DirectiveRenderer {
    let interpreter: Interpreter
    let session: TorchSession
    let path: String

    func render(_ directive: Directive, ordinal: Int) -> FigureResult {
        do {
            let figure = try draw(directive, idPrefix: "f\(ordinal)")
            return FigureResult(directive: directive, figure: figure, error: nil)
        } catch let error as DirectiveError {
            return FigureResult(directive: directive, figure: nil, error: error.diagnostic)
        } catch {
            return FigureResult(directive: directive, figure: nil, error: .error("\(error)", at: directive.range.start))
        }
    }

    /// Options every figure takes: they describe the `<figure>` around the SVG.
    static let figureOptions: Set<String> = ["caption", "label", "alt", "width"]

    private func draw(_ directive: Directive, idPrefix: String) throws -> Figure {
        switch directive.name {
        case "correlation": return try correlation(directive, idPrefix: idPrefix)
        case "receptive-field": return try receptiveField(directive, idPrefix: idPrefix)
        case "plot": return try plot(directive, idPrefix: idPrefix)
        case "heatmap": return try heatmap(directive, idPrefix: idPrefix)
        default:
            throw DirectiveError(
                message: "unknown directive {\(directive.name)}; litbook draws {correlation}, {receptive-field}, {plot} and {heatmap}",
                location: directive.range.start)
        }
    }

    // MARK: - Figures

    private func correlation(_ directive: Directive, idPrefix: String) throws -> Figure {
        let options = try DirectiveOptions(directive, known: Self.figureOptions.union(["input", "kernel", "output", "at"]))
        let input = try grid(options.required("input"))
        let kernel = try grid(options.required("kernel"))
        let output = try options["output"].map(grid) ?? Self.crossCorrelation(input, kernel)
        let position = try options.position("at") ?? GridPosition(row: 0, column: 0)
        let diagram = try located(directive) {
            try CorrelationDiagram(input: input, kernel: kernel, output: output, at: position)
        }
        return Figure(kind: .correlation, svg: diagram.svg(idPrefix: idPrefix), summary: diagram.summary)
    }

    private func receptiveField(_ directive: Directive, idPrefix: String) throws -> Figure {
        let options = try DirectiveOptions(directive, known: Self.figureOptions.union(["input", "layers", "model", "at"]))
        let inputOption = try options.required("input")
        let input = try options.size(inputOption)
        let layers: [ReceptiveFieldLayer]
        switch (options["layers"], options["model"]) {
        case (let layersOption?, nil):
            layers = try options.layers(layersOption)
        case (nil, let modelOption?):
            layers = try modelLayers(modelOption)
        default:
            throw DirectiveError(
                message: "the {receptive-field} directive needs exactly one of :layers: and :model:",
                location: directive.range.start)
        }
        let stack = try located(directive) { try LayerStack(input: input, layers: layers) }
        let position = try options.position("at") ?? GridPosition(row: 0, column: 0)
        let diagram = try located(directive) { try ReceptiveFieldDiagram(stack: stack, at: position) }
        return Figure(kind: .receptiveField, svg: diagram.svg(idPrefix: idPrefix), summary: diagram.summary)
    }

    private func plot(_ directive: Directive, idPrefix: String) throws -> Figure {
        let options = try DirectiveOptions(
            directive, known: Self.figureOptions.union(["x", "y", "legend", "xlabel", "ylabel", "xlim", "ylim", "logy"]))
        let yOption = try options.required("y")
        let y = try numbers(yOption)
        // One series per row of a 2-D value, or one series.
        let rows: [[Double]] = y.shape.count == 2 ? y.rows : [y.values]
        guard y.shape.count <= 2, !rows.isEmpty else {
            throw DirectiveError(message: "`\(yOption.value)` must be a list of numbers or a list of such lists", location: yOption.valueLocation)
        }
        var x: [Double]?
        if let xOption = options["x"] {
            let values = try numbers(xOption)
            guard values.shape.count == 1 else {
                throw DirectiveError(message: "`\(xOption.value)` must be a flat list of numbers", location: xOption.valueLocation)
            }
            x = values.values
        }
        let names = options.names("legend") ?? (rows.count == 1 ? [options.text("ylabel") ?? yOption.value] : rows.indices.map { "\(yOption.value)[\($0)]" })
        guard names.count == rows.count else {
            throw DirectiveError(
                message: ":legend: names \(names.count) series but :y: holds \(rows.count)",
                location: options["legend"]?.valueLocation ?? directive.range.start)
        }
        let series = zip(names, rows).map { name, row in
            LinePlot.Series(name: name, x: x ?? row.indices.map { Double($0 + 1) }, y: row.map { $0 })
        }
        let chart = try located(directive) {
            try LinePlot(
                series: series, xLabel: options.text("xlabel"), yLabel: options.text("ylabel"),
                xLimits: options.limits("xlim"), yLimits: options.limits("ylim"), logarithmicY: options.flag("logy") ?? false)
        }
        return Figure(kind: .plot, svg: chart.svg(idPrefix: idPrefix), summary: chart.summary)
    }

    private func heatmap(_ directive: Directive, idPrefix: String) throws -> Figure {
        let options = try DirectiveOptions(directive, known: Self.figureOptions.union(["tensor", "values"]))
        let values = try grid(options.required("tensor"))
        let labels: Heatmap.ValueLabels
        switch options["values"]?.value {
        case nil, "auto"?: labels = .automatic
        case "show"?, "always"?: labels = .always
        case "hide"?, "never"?: labels = .never
        case let other?:
            throw DirectiveError(
                message: "`\(other)` is not a :values: setting; use auto, show or hide",
                location: options["values"]!.valueLocation)
        }
        let map = try located(directive) { try Heatmap(values, valueLabels: labels) }
        return Figure(kind: .heatmap, svg: map.svg(idPrefix: idPrefix), summary: map.summary)
    }

    // MARK: - Live values

    /// Evaluates an option's value as a Python expression in the notebook's namespace.
    private func evaluate(_ option: Directive.Option) throws -> Value {
        let location = option.valueLocation
        let result = interpreter.run(cell: option.value, file: path, firstLine: location.line, columnOffset: location.column - 1)
        if let error = result.error {
            throw DirectiveError(message: "cannot evaluate :\(option.key): \(option.value): \(error.summary)", location: location)
        }
        guard let value = result.displayValue else {
            throw DirectiveError(message: ":\(option.key): \(option.value) is None, not data to draw", location: location)
        }
        return value
    }

    private func numbers(_ option: Directive.Option) throws -> NumericArray {
        let value = try evaluate(option)
        do {
            return try session.numericArray(from: value)
        } catch {
            throw DirectiveError(message: ":\(option.key): \(option.value): \(error)", location: option.valueLocation)
        }
    }

    /// A 2-D grid; leading dimensions of size 1 (a [1, 1, H, W] batch) are dropped.
    private func grid(_ option: Directive.Option) throws -> [[Double]] {
        var array = try numbers(option)
        while array.shape.count > 2, array.shape.first == 1 { array.shape.removeFirst() }
        guard array.shape.count == 2 else {
            throw DirectiveError(
                message: ":\(option.key): \(option.value) has shape \(array.shape), not a 2-D grid",
                location: option.valueLocation)
        }
        return array.rows
    }

    private func modelLayers(_ option: Directive.Option) throws -> [ReceptiveFieldLayer] {
        let value = try evaluate(option)
        let geometry: [LayerGeometry]
        do {
            geometry = try session.layerGeometry(of: value)
        } catch {
            throw DirectiveError(message: ":model: \(option.value): \(error)", location: option.valueLocation)
        }
        // The spatial stack ends at the first layer that is not a window (flatten, linear).
        let spatial = geometry.prefix { $0.kind != .other }
        guard !spatial.isEmpty else {
            throw DirectiveError(message: ":model: \(option.value) has no convolution or pooling layers", location: option.valueLocation)
        }
        return spatial.map { layer in
            ReceptiveFieldLayer(
                layer.label,
                kernel: GridSize(height: layer.kernel.height, width: layer.kernel.width),
                stride: GridSize(height: layer.stride.height, width: layer.stride.width),
                padding: GridSize(height: layer.padding.height, width: layer.padding.width),
                dilation: GridSize(height: layer.dilation.height, width: layer.dilation.width))
        }
    }

    /// Runs a Diagrams constructor, locating its validation error at the directive.
    private func located<T>(_ directive: Directive, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DiagramError {
            throw DirectiveError(message: "{\(directive.name)}: \(error)", location: directive.range.start)
        }
    }

    /// The valid cross-correlation of `input` with `kernel` (what `corr2d` computes),
    /// for a figure that does not name its output. Shapes are checked by the diagram.
    static func crossCorrelation(_ input: [[Double]], _ kernel: [[Double]]) -> [[Double]] {
        let h = kernel.count, w = kernel.first?.count ?? 0
        guard h > 0, w > 0, input.count >= h, let width = input.first?.count, width >= w,
            input.allSatisfy({ $0.count == width }), kernel.allSatisfy({ $0.count == w })
        else { return [] }
        return (0...(input.count - h)).map { i in
            (0...(width - w)).map { j in
                var sum = 0.0
                for a in 0..<h { for b in 0..<w { sum += input[i + a][j + b] * kernel[a][b] } }
                return sum
            }
        }
    }
}

extension NumericArray {
    /// The rows of a 2-D array (or the single row of a 1-D one).
    var rows: [[Double]] {
        guard shape.count == 2 else { return [values] }
        let width = shape[1]
        guard width > 0 else { return Array(repeating: [], count: shape[0]) }
        return stride(from: 0, to: values.count, by: width).map { Array(values[$0..<min($0 + width, values.count)]) }
    }
}
