import Testing

@testable import Diagrams

@Suite struct NumberFormattingTests {
    @Test(arguments: [
        (19.0, "19"), (-0.0, "0"), (0.0, "0"), (-3, "-3"), (1.0107, "1.011"), (-0.9674, "-0.9674"),
        (0.046512, "0.04651"), (5.996, "5.996"), (123.456, "123.5"), (0.1 + 0.2, "0.3"), (2.5, "2.5"),
        (1.0 / 9, "0.1111"), (99_999.94, "100000"), (1.5e-7, "1.5e-7"), (1e-7, "1e-7"),
        (12_345_678.9, "1.235e7"), (1e20, "1e20"), (-2.5e-5, "-2.5e-5"), (0.99996, "1"),
        (Double.nan, "NaN"), (Double.infinity, "∞"), (-Double.infinity, "-∞"),
    ])
    func compactNumbers(_ value: Double, _ expected: String) {
        #expect(NumberFormatting.compact(value) == expected)
    }

    /// Extremes format without trapping and read back close to the value.
    @Test(arguments: [5e-324, 2.2250738585072014e-308, 1.5e308, -1e-300, 9.999e15, 1e15 + 0.5])
    func extremeValuesFormat(_ value: Double) throws {
        let text = NumberFormatting.compact(value)
        let parsed = try #require(Double(text))
        #expect(abs(parsed - value) <= abs(value) * 1e-3)
    }

    @Test func displayUsesATrueMinus() {
        #expect(NumberFormatting.display(-1) == "−1")
        #expect(NumberFormatting.display(-0.0) == "0")
        #expect(NumberFormatting.display(2) == "2")
    }

    @Test(arguments: [(1.0 / 3, "0.33"), (-0.004, "0"), (12.0, "12"), (2.006, "2.01"), (Double.nan, "0")])
    func coordinates(_ value: Double, _ expected: String) {
        #expect(NumberFormatting.coordinate(value) == expected)
    }

    @Test func logarithmIsAccurate() throws {
        for (value, expected) in [
            (1.0, 0.0), (10.0, 1.0), (0.001, -3.0), (2.0, 0.301_029_995_663_981_2), (5e-7, -6.301_029_995_663_981),
        ] {
            let computed = try #require(Logarithm.base10(value))
            #expect(abs(computed - expected) < 1e-12)
        }
        #expect(Logarithm.base10(0) == nil)
        #expect(Logarithm.base10(-1) == nil)
    }
}
