import Testing

@testable import SiteBuilder

/// Styled letters against code points looked up in the Unicode charts.
@Suite struct MathAlphabetTests {
    @Test(
        arguments: [
            ("X", MathFont.bold, "\u{1D417}"), ("x", .bold, "\u{1D431}"), ("V", .sansSerif, "\u{1D5B5}"),
            ("R", .doubleStruck, "ℝ"), ("Z", .doubleStruck, "ℤ"), ("A", .doubleStruck, "\u{1D538}"),
            ("h", .italic, "ℎ"), ("a", .italic, "\u{1D44E}"), ("L", .script, "ℒ"), ("A", .script, "\u{1D49C}"),
            ("g", .fraktur, "\u{1D524}"), ("x", .monospace, "\u{1D6A1}"), ("x", .boldItalic, "\u{1D499}"),
            ("0", .bold, "\u{1D7CE}"), ("9", .doubleStruck, "\u{1D7E1}"), ("α", .boldItalic, "\u{1D736}"),
            ("Δ", .bold, "\u{1D6AB}"), ("Σ", .boldItalic, "\u{1D6BA}"), ("θ", .bold, "\u{1D6C9}"),
            ("+", .bold, "+"), ("x", .roman, "x"), ("α", .doubleStruck, "α"),
        ] as [(Unicode.Scalar, MathFont, Unicode.Scalar)])
    func styledLetter(_ letter: Unicode.Scalar, _ font: MathFont, _ expected: Unicode.Scalar) {
        #expect(MathAlphabet.map(letter, font: font) == expected)
    }

    @Test func everyLatinLetterMapsToADistinctLetterInEveryFont() {
        let fonts: [MathFont] = [
            .italic, .bold, .boldItalic, .sansSerif, .sansSerifBold, .monospace, .script,
            .fraktur, .doubleStruck,
        ]
        for font in fonts {
            var seen: Set<Unicode.Scalar> = []
            for value in Array(0x41...0x5A) + Array(0x61...0x7A) {
                guard let letter = Unicode.Scalar(UInt32(value)) else { continue }
                let mapped = MathAlphabet.map(letter, font: font)
                #expect(mapped != letter, "\(font) leaves \(letter) unchanged")
                #expect(mapped.properties.isAlphabetic, "\(font) maps \(letter) to a non-letter")
                seen.insert(mapped)
            }
            #expect(seen.count == 52, "\(font) maps two letters to one")
        }
    }
}
