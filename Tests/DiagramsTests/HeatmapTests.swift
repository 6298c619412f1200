import Testing

@testable import Diagrams

@Suite struct HeatmapTests {
    @Test func oneSignUsesTheSequentialScaleFromMinToMax() throws {
        let map = try Heatmap([[0, 1], [2, 4]])
        #expect(!map.isDiverging)
        #expect(map.color(of: 0) == Palette.sequential.first)
        #expect(map.color(of: 4) == Palette.sequential.last)
        #expect(map.color(of: 2) == Palette.sequential[4])
    }

    @Test func bothSignsUseTheDivergingScaleCentredOnZero() throws {
        let map = try Heatmap([[-1, 0], [0.5, 2]])
        #expect(map.isDiverging)
        #expect(map.color(of: 0) == Palette.diverging[4])
        #expect(map.color(of: 2) == Palette.diverging.last)
        // −1 is half as strong as 2: a quarter of the way from the blue end.
        #expect(map.color(of: -1) == Palette.diverging[2])
    }

    @Test func equalValuesTakeTheMiddleColour() throws {
        let map = try Heatmap([[5, 5]])
        #expect(map.color(of: 5) == Palette.sequential[4])
    }

    @Test func missingValuesHaveNoColour() throws {
        let map = try Heatmap([[1, .nan], [.infinity, 2]])
        #expect(map.color(of: .nan) == nil)
        #expect(map.valueRange == 1...2)
        #expect(map.summary.contains("2 values are not finite"))
    }

    @Test func smallGridsShowTheirValuesLargeOnesDoNot() throws {
        let small = try Heatmap([[1, -1], [0, 0]]).svg(idPrefix: "h")
        #expect(small.contains(">−1</text>"))
        let large = try Heatmap(Array(repeating: Array(repeating: 0.5, count: 40), count: 40)).svg(idPrefix: "h")
        #expect(!large.contains("lb-value lb-on"))
        let forced = try Heatmap([[1, 2]], valueLabels: .never).svg(idPrefix: "h")
        #expect(!forced.contains(#"class="lb-value"#))
    }

    @Test func labelsContrastWithTheirCell() {
        #expect(RGB(0xfd, 0xe7, 0x25).prefersDarkText)
        #expect(!RGB(0x44, 0x01, 0x54).prefersDarkText)
        #expect(RGB(0xf7, 0xf7, 0xf7).prefersDarkText)
        #expect(!RGB(0x21, 0x66, 0xac).prefersDarkText)
    }

    @Test func invalidGridsAreRejected() {
        #expect(throws: DiagramError.emptyGrid(name: "heatmap")) { try Heatmap([]) }
        #expect(throws: DiagramError.raggedGrid(name: "heatmap", row: 2, length: 1, expected: 2)) {
            try Heatmap([[1, 2], [3, 4], [5]])
        }
    }
}
