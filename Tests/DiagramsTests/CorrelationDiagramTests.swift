import Testing

@testable import Diagrams

@Suite struct CorrelationDiagramTests {
    let input: [[Double]] = [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
    let kernel: [[Double]] = [[0, 1], [2, 3]]
    let output: [[Double]] = [[19, 25], [37, 43]]

    // MARK: - The sum

    @Test(arguments: [
        (0, 0, "0×0 + 1×1 + 3×2 + 4×3 = 19"), (0, 1, "1×0 + 2×1 + 4×2 + 5×3 = 25"),
        (1, 0, "3×0 + 4×1 + 6×2 + 7×3 = 37"), (1, 1, "4×0 + 5×1 + 7×2 + 8×3 = 43"),
    ])
    func sumUsesTheRealValues(_ row: Int, _ column: Int, _ expected: String) throws {
        let figure = try CorrelationDiagram(
            input: input, kernel: kernel, output: output, at: GridPosition(row: row, column: column))
        #expect(figure.sumExpression == expected)
        #expect(figure.summary.hasSuffix(expected + "."))
    }

    @Test func negativeWeightsAreParenthesized() throws {
        let figure = try CorrelationDiagram(
            input: [[1, 1, 0]], kernel: [[1, -1]], output: [[0, 1]], at: GridPosition(row: 0, column: 1))
        #expect(figure.sumExpression == "1×1 + 0×(−1) = 1")
    }

    @Test func anOutputThatDiffersFromTheSumIsNoted() throws {
        let figure = try CorrelationDiagram(
            input: input, kernel: kernel, output: [[20, 26], [38, 44]], at: GridPosition(row: 0, column: 0))
        #expect(figure.sumExpression == "0×0 + 1×1 + 3×2 + 4×3 = 19 (the output shows 20)")
    }

    @Test func theSvgHighlightsTheWindowKernelAndOutput() throws {
        let svg = try CorrelationDiagram(
            input: input, kernel: kernel, output: output, at: GridPosition(row: 1, column: 1)
        )
        .svg(idPrefix: "c")
        #expect(svg.contains(#"class="lb-window-edge""#))
        #expect(svg.contains(#"class="lb-kernel-edge""#))
        #expect(svg.contains(#"class="lb-output-edge""#))
        #expect(svg.contains(">4×0 + 5×1 + 7×2 + 8×3 = 43</text>"))
    }

    @Test func longSumsElideTheirMiddle() throws {
        let input = Array(repeating: Array(repeating: 1.0, count: 8), count: 8)
        let kernel = Array(repeating: Array(repeating: 2.0, count: 7), count: 7)
        let figure = try CorrelationDiagram(
            input: input, kernel: kernel, output: Array(repeating: [98, 98], count: 2), at: GridPosition(row: 1, column: 1))
        #expect(figure.productTerms.count == 49)
        #expect(figure.sumExpression == "1×2 + 1×2 + 1×2 + 1×2 + 1×2 + 1×2 + … + 1×2 + 1×2 + 1×2 (49 products) = 98")
    }

    // MARK: - Validation

    @Test func gridsTooLargeToDrawAreRejected() {
        let huge = Array(repeating: Array(repeating: 0.0, count: 300), count: 300)
        #expect(throws: DiagramError.sizeTooLarge(name: "input grid (300×300)", limit: 65_536)) {
            try CorrelationDiagram(input: huge, kernel: [[1]], output: huge, at: GridPosition(row: 0, column: 0))
        }
    }

    @Test func aKernelLargerThanTheInputIsRejected() {
        #expect(
            throws: DiagramError.kernelLargerThanInput(
                kernel: GridSize(height: 4, width: 1), input: GridSize(height: 3, width: 3))
        ) {
            try CorrelationDiagram(
                input: input, kernel: [[1], [1], [1], [1]], output: output, at: GridPosition(row: 0, column: 0))
        }
    }

    @Test func raggedGridsAreRejected() {
        #expect(throws: DiagramError.raggedGrid(name: "input", row: 1, length: 2, expected: 3)) {
            try CorrelationDiagram(
                input: [[0, 1, 2], [3, 4], [6, 7, 8]], kernel: kernel, output: output,
                at: GridPosition(row: 0, column: 0))
        }
        #expect(throws: DiagramError.raggedGrid(name: "kernel", row: 1, length: 1, expected: 2)) {
            try CorrelationDiagram(
                input: input, kernel: [[0, 1], [2]], output: output, at: GridPosition(row: 0, column: 0))
        }
    }

    @Test func emptyGridsAreRejected() {
        #expect(throws: DiagramError.emptyGrid(name: "kernel")) {
            try CorrelationDiagram(input: input, kernel: [[]], output: output, at: GridPosition(row: 0, column: 0))
        }
        #expect(throws: DiagramError.emptyGrid(name: "input")) {
            try CorrelationDiagram(input: [], kernel: kernel, output: output, at: GridPosition(row: 0, column: 0))
        }
    }

    @Test func anOutputOfTheWrongShapeIsRejected() {
        #expect(
            throws: DiagramError.outputShapeMismatch(
                output: GridSize(height: 1, width: 2), expected: GridSize(height: 2, width: 2))
        ) {
            try CorrelationDiagram(
                input: input, kernel: kernel, output: [[19, 25]], at: GridPosition(row: 0, column: 0))
        }
    }

    @Test(arguments: [(2, 0), (0, 2), (-1, 0), (0, -1), (Int.max, Int.min)])
    func aPositionOutsideTheOutputIsRejected(_ row: Int, _ column: Int) {
        #expect(
            throws: DiagramError.positionOutside(
                position: GridPosition(row: row, column: column), size: GridSize(height: 2, width: 2), name: "output")
        ) {
            try CorrelationDiagram(
                input: input, kernel: kernel, output: output, at: GridPosition(row: row, column: column))
        }
    }

    @Test func errorsReadAsSentences() {
        #expect(
            DiagramError.kernelLargerThanInput(
                kernel: GridSize(height: 4, width: 1), input: GridSize(height: 3, width: 3)
            ).description
                == "The 4×1 kernel is larger than the 3×3 input.")
        #expect(
            DiagramError.positionOutside(
                position: GridPosition(row: 2, column: 0), size: GridSize(height: 2, width: 2), name: "output"
            ).description
                == "Position (2, 0) is outside the 2×2 output; rows go from 0 to 1 and columns from 0 to 1.")
    }
}
