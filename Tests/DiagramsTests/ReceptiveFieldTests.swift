import Testing

@testable import Diagrams

/// The receptive-field arithmetic against cases worked out by hand.
@Suite struct ReceptiveFieldTests {
    private func stack(_ height: Int, _ width: Int, _ layers: [ReceptiveFieldLayer]) throws -> LayerStack {
        try LayerStack(input: GridSize(height: height, width: width), layers: layers)
    }

    /// d2l: two 2×2 convolutions on a 3×3 input; the single output element sees all
    /// nine inputs, the centre one along four paths.
    @Test func twoConvolutionsSeeTheWholeThreeByThreeInput() throws {
        let layers = try stack(3, 3, [.convolution(kernel: 2), .convolution(kernel: 2)])
        #expect(
            layers.sizes == [
                GridSize(height: 3, width: 3), GridSize(height: 2, width: 2), GridSize(height: 1, width: 1),
            ])
        let regions = try receptiveField(of: GridPosition(row: 0, column: 0), in: layers)
        #expect(regions.count == 3)
        #expect(regions[0].rows == 0...2)
        #expect(regions[0].columns == 0...2)
        #expect(regions[0].elementCount == 9)
        #expect(regions[1].rows == 0...1)
        #expect(regions[1].columns == 0...1)
        #expect(regions[2].rows == 0...0)
        #expect(regions[0].rowPaths == [1, 2, 1])
        #expect(regions[0].columnPaths == [1, 2, 1])
    }

    @Test func strideSpreadsTheWindow() throws {
        // 7 → conv 3, stride 2 → 3: output 1 reads inputs 2, 3, 4.
        let layers = try stack(7, 7, [.convolution(kernel: 3, stride: 2)])
        #expect(layers.outputSize == GridSize(height: 3, width: 3))
        let regions = try receptiveField(of: GridPosition(row: 1, column: 2), in: layers)
        #expect(regions[0].rows == 2...4)
        #expect(regions[0].columns == 4...6)
    }

    @Test func paddingIsKeptApartFromTheRealInput() throws {
        // 3 → conv 3, padding 1 → 3: output 0 reads -1 (padding), 0, 1.
        let layers = try stack(3, 3, [.convolution(kernel: 3, padding: 1)])
        #expect(layers.outputSize == GridSize(height: 3, width: 3))
        let corner = try receptiveField(of: GridPosition(row: 0, column: 2), in: layers)[0]
        #expect(corner.paddedRows == -1...1)
        #expect(corner.rows == 0...1)
        #expect(corner.paddedColumns == 1...3)
        #expect(corner.columns == 1...2)
        #expect(corner.elementCount == 4)
    }

    @Test func dilationSkipsInputs() throws {
        // 7 → conv 3, dilation 2 → 3: output 1 reads 1, 3, 5.
        let layers = try stack(7, 7, [.convolution(kernel: 3, dilation: 2)])
        #expect(layers.outputSize == GridSize(height: 3, width: 3))
        let region = try receptiveField(of: GridPosition(row: 1, column: 0), in: layers)[0]
        #expect(region.touchedRows == [1, 3, 5])
        #expect(region.rows == 1...5)
        #expect(region.touchedColumns == [0, 2, 4])
        #expect(region.elementCount == 9)
    }

    @Test func poolingDefaultsToAStrideOfItsSize() throws {
        let layers = try stack(4, 6, [.pooling(2)])
        #expect(layers.outputSize == GridSize(height: 2, width: 3))
        let region = try receptiveField(of: GridPosition(row: 1, column: 2), in: layers)[0]
        #expect(region.rows == 2...3)
        #expect(region.columns == 4...5)
    }

    /// LeNet: 28 → conv 5 pad 2 → 28 → pool 2 → 14 → conv 5 → 10 → pool 2 → 5.
    /// Element 0 of the last layer: pool rows 0–1, conv rows 0–5, pool rows 0–11,
    /// conv (pad 2) rows −2…13, of which 0–13 are real. Element 4: rows 14–29, 14–27 real.
    @Test func lenetFieldsMatchTheHandComputation() throws {
        let layers = try stack(
            28, 28, [.convolution(kernel: 5, padding: 2), .pooling(2), .convolution(kernel: 5), .pooling(2)])
        #expect(layers.sizes.map(\.height) == [28, 28, 14, 10, 5])
        let first = try receptiveField(of: GridPosition(row: 0, column: 4), in: layers)
        #expect(first.map(\.rows) == [0...13, 0...11, 0...5, 0...1, 0...0])
        #expect(first[0].paddedRows == -2...13)
        #expect(first[0].columns == 14...27)
        #expect(first[0].paddedColumns == 14...29)
        #expect(first[1].columns == 16...27)
    }

    @Test func noLayersMeansTheElementItself() throws {
        let regions = try receptiveField(of: GridPosition(row: 1, column: 1), in: stack(2, 2, []))
        #expect(regions.count == 1)
        #expect(regions[0].rows == 1...1)
    }

    @Test func anElementThatOnlyReadsPaddingHasNoField() throws {
        // 1 → conv 1, padding 2 → 5: output 0 reads index −2, which is padding.
        let layers = try stack(1, 1, [.convolution(kernel: 1, padding: 2)])
        let region = try receptiveField(of: GridPosition(row: 0, column: 0), in: layers)[0]
        #expect(region.rows == nil)
        #expect(region.paddedRows == -2...(-2))
        #expect(region.elementCount == 0)
    }

    // MARK: - Validation

    @Test func aLayerLargerThanItsInputIsRejected() {
        #expect(throws: DiagramError.layerTooLarge(index: 1, label: "conv 3×3", input: GridSize(height: 2, width: 2))) {
            try stack(3, 3, [.convolution(kernel: 2), .convolution(kernel: 3)])
        }
    }

    @Test(arguments: [
        ReceptiveFieldLayer.convolution(kernel: 0), .convolution(kernel: 2, stride: 0),
        .convolution(kernel: 2, padding: -1), .convolution(kernel: 2, dilation: 0),
        .convolution(kernel: 2, stride: 5_000),
    ])
    func invalidParametersAreRejected(_ layer: ReceptiveFieldLayer) {
        #expect(throws: DiagramError.self) { try stack(8, 8, [layer]) }
    }

    @Test func aPositionOutsideTheLastLayerIsRejected() throws {
        let layers = try stack(3, 3, [.convolution(kernel: 2)])
        #expect(
            throws: DiagramError.positionOutside(
                position: GridPosition(row: 2, column: 0), size: GridSize(height: 2, width: 2), name: "last layer")
        ) {
            try receptiveField(of: GridPosition(row: 2, column: 0), in: layers)
        }
        #expect(throws: DiagramError.self) { try receptiveField(of: GridPosition(row: 0, column: -1), in: layers) }
    }

    @Test func hugeInputsAreRejectedBeforeAnyArithmetic() {
        #expect(throws: DiagramError.sizeTooLarge(name: "input", limit: LayerStack.maximumSide)) {
            try LayerStack(input: GridSize(height: Int.max, width: 3), layers: [])
        }
        #expect(throws: DiagramError.emptyGrid(name: "input")) {
            try LayerStack(input: GridSize(height: 0, width: 3), layers: [])
        }
    }

    @Test func errorsReadAsSentences() {
        let error = DiagramError.layerTooLarge(index: 1, label: "conv 3×3", input: GridSize(height: 2, width: 2))
        #expect(error.description == "Layer 2 (conv 3×3) does not fit its 2×2 input: its output would be empty.")
    }

    @Test func summaryNamesTheFieldInEveryLayer() throws {
        let figure = try ReceptiveFieldDiagram(
            input: GridSize(height: 3, width: 3), layers: [.convolution(kernel: 2), .convolution(kernel: 2)],
            at: GridPosition(row: 0, column: 0))
        #expect(figure.summary.contains("rows 0–2 and columns 0–2 of input (3×3), 9 elements"))
        #expect(figure.summary.contains("rows 0–1 and columns 0–1 of conv 2×2 (2×2), 4 elements"))
    }
}
