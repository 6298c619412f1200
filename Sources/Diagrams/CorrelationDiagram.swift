/// A two-dimensional cross-correlation, `input ⋆ kernel = output`, with one window of
/// the input, the kernel and the output element they produce highlighted, and the
/// sum written out with the real values (`0×0 + 1×1 + 3×2 + 4×3 = 19`).
///
/// Shapes: input H×W, kernel h×w (h ≤ H, w ≤ W), output (H−h+1)×(W−w+1); the
/// position is that of the output element (and of the window's top-left corner).
///
/// ```swift
/// let figure = try CorrelationDiagram(
///     input: [[0, 1, 2], [3, 4, 5], [6, 7, 8]], kernel: [[0, 1], [2, 3]],
///     output: [[19, 25], [37, 43]], at: GridPosition(row: 0, column: 0))
/// let svg = figure.svg(idPrefix: "fig-corr")
/// ```
public struct CorrelationDiagram: Sendable {
    /// The captions above the three grids (a course in another language sets its own).
    public struct Labels: Sendable, Equatable {
        public var input: String
        public var kernel: String
        public var output: String

        public init(input: String = "Input", kernel: String = "Kernel", output: String = "Output") {
            self.input = input
            self.kernel = kernel
            self.output = output
        }
    }

    public let input: [[Double]]
    public let kernel: [[Double]]
    public let output: [[Double]]
    public let position: GridPosition
    public let labels: Labels
    private let inputSize: GridSize
    private let kernelSize: GridSize
    private let outputSize: GridSize

    /// Checks the shapes; throws `DiagramError` for an empty or ragged grid, a kernel
    /// larger than the input, an output of the wrong shape or a position outside it.
    public init(
        input: [[Double]], kernel: [[Double]], output: [[Double]], at position: GridPosition,
        labels: Labels = Labels()
    ) throws {
        inputSize = try GridValidation.size(of: input, name: "input")
        kernelSize = try GridValidation.size(of: kernel, name: "kernel")
        outputSize = try GridValidation.size(of: output, name: "output")
        guard kernelSize.height <= inputSize.height, kernelSize.width <= inputSize.width else {
            throw DiagramError.kernelLargerThanInput(kernel: kernelSize, input: inputSize)
        }
        let expected = GridSize(
            height: inputSize.height - kernelSize.height + 1, width: inputSize.width - kernelSize.width + 1)
        guard outputSize == expected else {
            throw DiagramError.outputShapeMismatch(output: outputSize, expected: expected)
        }
        guard position.isInside(outputSize) else {
            throw DiagramError.positionOutside(position: position, size: outputSize, name: "output")
        }
        self.input = input
        self.kernel = kernel
        self.output = output
        self.position = position
        self.labels = labels
    }

    // MARK: - The sum

    /// The products of the highlighted window, in reading order, as text.
    public var productTerms: [String] {
        var terms: [String] = []
        for i in 0..<kernelSize.height {
            for j in 0..<kernelSize.width {
                let value = input[position.row + i][position.column + j]
                let weight = kernel[i][j]
                let weightText = NumberFormatting.display(weight)
                terms.append(
                    NumberFormatting.display(value) + "×" + (weight < 0 ? "(" + weightText + ")" : weightText))
            }
        }
        return terms
    }

    /// The window's sum of products, computed from the input and kernel.
    public var computedSum: Double {
        var sum = 0.0
        for i in 0..<kernelSize.height {
            for j in 0..<kernelSize.width {
                sum += input[position.row + i][position.column + j] * kernel[i][j]
            }
        }
        return sum
    }

    /// `0×0 + 1×1 + 3×2 + 4×3 = 19`; notes the output value when it differs from the
    /// sum (a bias was added, or the output came from elsewhere). Beyond 36 products
    /// the middle ones are elided: `a + b + … + z (49 products) = 3`.
    public var sumExpression: String {
        shownTerms.joined(separator: " + ") + resultText
    }

    /// The products as written: all of them, or the first six, `…` and the last three.
    private var shownTerms: [String] {
        let terms = productTerms
        guard terms.count > 36 else { return terms }
        return Array(terms.prefix(6)) + ["…"] + Array(terms.suffix(3))
    }

    /// ` = 19`, and the note about the output if any.
    private var resultText: String {
        let sum = computedSum
        let count = kernelSize.height * kernelSize.width
        var text = (count > 36 ? " (\(count) products)" : "") + " = " + NumberFormatting.display(sum)
        let shown = output[position.row][position.column]
        if abs(shown - sum) > 1e-4 * max(1, abs(sum)) || shown.isNaN != sum.isNaN {
            text += " (the output shows " + NumberFormatting.display(shown) + ")"
        }
        return text
    }

    /// The sentence of the figure's `<desc>`.
    public var summary: String {
        "Cross-correlation of the \(inputSize) input with the \(kernelSize) kernel gives the \(outputSize) output. "
            + "The window at row \(position.row), column \(position.column) of the input, multiplied element by "
            + "element with the kernel and summed, gives the highlighted output element: \(sumExpression)."
    }
}

extension CorrelationDiagram {
    // MARK: - Drawing

    /// The figure as SVG; every id starts with `idPrefix` (sanitized to letters,
    /// digits, `-` and `_`).
    public func svg(idPrefix: String) -> String {
        let sides = [inputSize, kernelSize, outputSize]
        let columns = Double(sides.map(\.width).reduce(0, +))
        let tallest = Double(sides.map(\.height).max() ?? 1)
        let cell = min(44, max(8, min(560 / columns, 320 / tallest))).rounded(.down)
        let operatorWidth = 44.0
        let margin = 12.0
        let labelHeight = 26.0
        let gridsHeight = tallest * cell
        let width = margin * 2 + columns * cell + operatorWidth * 2
        // About 0.55 em per character at 15px: wrap the sum to the figure's width.
        let sumLines = Self.wrap(shownTerms, result: resultText, budget: Int(max(width - 2 * margin, 80) / 8.6))
        let height = margin + labelHeight + gridsHeight + 16 + Double(sumLines.count) * 20 + margin
        // The longest value must fit its cell: about 0.6 em per character.
        let longest = Double(
            [input, kernel, output].flatMap { $0.joined() }.map { NumberFormatting.display($0).count }.max() ?? 1)
        let valueSize = min(16, max(7, min(cell * 0.4, cell * 0.85 / (0.6 * longest)))).rounded()
        var document = FigureDocument(
            idPrefix: idPrefix, kind: "correlation", width: width, height: height,
            title: "Cross-correlation: \(labels.input) ⋆ \(labels.kernel) = \(labels.output)", description: summary,
            extraRules: Self.rules(valueSize: valueSize))

        var x = margin
        let top = margin + labelHeight
        let middle = top + gridsHeight / 2
        let showValues = cell >= 18
        // Input with the window.
        let inputTop = top + (gridsHeight - Double(inputSize.height) * cell) / 2
        let window = (x + Double(position.column) * cell, inputTop + Double(position.row) * cell)
        let windowSize = (Double(kernelSize.width) * cell, Double(kernelSize.height) * cell)
        document.rect(x: window.0, y: window.1, width: windowSize.0, height: windowSize.1, className: "lb-window-fill")
        drawGrid(input, at: (x, inputTop), cell: cell, showValues: showValues, label: labels.input, into: &document)
        document.rect(x: window.0, y: window.1, width: windowSize.0, height: windowSize.1, className: "lb-window-edge")
        x += Double(inputSize.width) * cell
        document.text("⋆", x: x + operatorWidth / 2, y: middle, className: "lb-operator")
        x += operatorWidth
        // Kernel, all highlighted.
        let kernelTop = top + (gridsHeight - Double(kernelSize.height) * cell) / 2
        document.rect(x: x, y: kernelTop, width: windowSize.0, height: windowSize.1, className: "lb-kernel-fill")
        drawGrid(kernel, at: (x, kernelTop), cell: cell, showValues: showValues, label: labels.kernel, into: &document)
        document.rect(x: x, y: kernelTop, width: windowSize.0, height: windowSize.1, className: "lb-kernel-edge")
        x += Double(kernelSize.width) * cell
        document.text("=", x: x + operatorWidth / 2, y: middle, className: "lb-operator")
        x += operatorWidth
        // Output with its element.
        let outputTop = top + (gridsHeight - Double(outputSize.height) * cell) / 2
        let element = (x + Double(position.column) * cell, outputTop + Double(position.row) * cell)
        document.rect(x: element.0, y: element.1, width: cell, height: cell, className: "lb-output-fill")
        drawGrid(output, at: (x, outputTop), cell: cell, showValues: showValues, label: labels.output, into: &document)
        document.rect(x: element.0, y: element.1, width: cell, height: cell, className: "lb-output-edge")
        // The sum, wrapped to the width.
        var lineY = top + gridsHeight + 16 + 10
        for line in sumLines {
            document.text(line, x: width / 2, y: lineY, className: "lb-sum")
            lineY += 20
        }
        return document.finish()
    }

    private func drawGrid(
        _ grid: [[Double]], at origin: (Double, Double), cell: Double, showValues: Bool, label: String,
        into document: inout FigureDocument
    ) {
        let columns = Double(grid.first?.count ?? 0)
        document.text(label, x: origin.0 + columns * cell / 2, y: origin.1 - 13, className: "lb-muted")
        for (r, row) in grid.enumerated() {
            for (c, value) in row.enumerated() {
                let x = origin.0 + Double(c) * cell
                let y = origin.1 + Double(r) * cell
                document.rect(x: x, y: y, width: cell, height: cell, className: "lb-cell")
                if showValues {
                    document.text(
                        NumberFormatting.display(value), x: x + cell / 2, y: y + cell / 2, className: "lb-value")
                }
            }
        }
    }

    /// Products joined by ` + `, broken into lines of about `budget` characters.
    static func wrap(_ terms: [String], result: String, budget: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for (index, term) in terms.enumerated() {
            let piece = index == 0 ? term : " + " + term
            if !current.isEmpty, current.count + piece.count > budget {
                lines.append(current)
                current = "+ " + term
            } else {
                current += piece
            }
        }
        current += result
        lines.append(current)
        return lines
    }

    private static func rules(valueSize: Double) -> [String] {
        [
            "#ID .lb-value { font-size: \(NumberFormatting.compact(valueSize))px; }",
            "#ID .lb-operator { font-size: 24px; }",
            "#ID .lb-sum { font-size: 15px; }",
            "#ID .lb-window-fill { fill: var(--lb-accent-fill); }",
            "#ID .lb-window-edge { fill: none; stroke: var(--lb-accent); stroke-width: 2.5; }",
            "#ID .lb-kernel-fill { fill: var(--lb-kernel-fill); }",
            "#ID .lb-kernel-edge { fill: none; stroke: var(--lb-kernel); stroke-width: 2.5; }",
            "#ID .lb-output-fill { fill: var(--lb-output-fill); }",
            "#ID .lb-output-edge { fill: none; stroke: var(--lb-output); stroke-width: 2.5; }",
        ]
    }
}
