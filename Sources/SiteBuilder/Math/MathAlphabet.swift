/// A math font selected by `\mathbf`, `\mathbb`, `\boldsymbol`, `\rm`, ….
enum MathFont: Equatable {
    case roman, italic, bold, boldItalic, sansSerif, sansSerifBold, monospace
    case script, fraktur, doubleStruck
}

/// Maps letters and digits onto Unicode's Mathematical Alphanumeric Symbols.
///
/// MathML Core dropped `mathvariant` (except `normal`): a bold X is written as the
/// character 𝐗 (U+1D417), not as `<mi mathvariant="bold">X</mi>`. The styled
/// alphabets are laid out arithmetically from U+1D400, with holes where a letter
/// already existed in the Letterlike Symbols block (ℝ, ℎ, ℒ, …).
enum MathAlphabet {
    // MARK: - Public entry

    /// The scalar that shows `scalar` in `font`; characters the font does not cover
    /// (punctuation, Greek in `\mathbb`, …) are returned unchanged.
    static func map(_ scalar: Unicode.Scalar, font: MathFont) -> Unicode.Scalar {
        let value = scalar.value
        if let letterIndex = latinIndex(value), let base = latinBase(font) {
            if let hole = latinHoles[font]?[scalar] { return hole }
            return Unicode.Scalar(base + letterIndex) ?? scalar
        }
        if value >= 0x30, value <= 0x39, let base = digitBase(font) {
            return Unicode.Scalar(base + value - 0x30) ?? scalar
        }
        if let greekIndex = greekIndex(value), let base = greekBase(font, capital: greekIndex < 26) {
            return Unicode.Scalar(base + greekIndex) ?? scalar
        }
        return scalar
    }

    /// Whether MathML's automatic italic (single-character `<mi>`) applies to `scalar`:
    /// then an upright rendering needs `mathvariant="normal"`.
    static func isAutoItalicized(_ scalar: Unicode.Scalar) -> Bool {
        latinIndex(scalar.value) != nil || greekIndex(scalar.value) != nil || scalar == "ı" || scalar == "ȷ"
    }

    static func isGreekCapital(_ scalar: Unicode.Scalar) -> Bool {
        (0x391...0x3A9).contains(scalar.value) || scalar.value == 0x3F4
    }

    // MARK: - Latin

    /// 0–25 for A–Z, 26–51 for a–z.
    private static func latinIndex(_ value: UInt32) -> UInt32? {
        if value >= 0x41, value <= 0x5A { return value - 0x41 }
        if value >= 0x61, value <= 0x7A { return value - 0x61 + 26 }
        return nil
    }

    private static func latinBase(_ font: MathFont) -> UInt32? {
        switch font {
        case .roman: return nil
        case .bold: return 0x1D400
        case .italic: return 0x1D434
        case .boldItalic: return 0x1D468
        case .script: return 0x1D49C
        case .fraktur: return 0x1D504
        case .doubleStruck: return 0x1D538
        case .sansSerif: return 0x1D5A0
        case .sansSerifBold: return 0x1D5D4
        case .monospace: return 0x1D670
        }
    }

    /// Letters whose styled form predates the alphanumeric block.
    private static let latinHoles: [MathFont: [Unicode.Scalar: Unicode.Scalar]] = [
        .italic: ["h": "\u{210E}"],
        .script: [
            "B": "\u{212C}", "E": "\u{2130}", "F": "\u{2131}", "H": "\u{210B}", "I": "\u{2110}",
            "L": "\u{2112}", "M": "\u{2133}", "R": "\u{211B}", "e": "\u{212F}", "g": "\u{210A}",
            "o": "\u{2134}",
        ],
        .fraktur: ["C": "\u{212D}", "H": "\u{210C}", "I": "\u{2111}", "R": "\u{211C}", "Z": "\u{2128}"],
        .doubleStruck: [
            "C": "\u{2102}", "H": "\u{210D}", "N": "\u{2115}", "P": "\u{2119}", "Q": "\u{211A}",
            "R": "\u{211D}", "Z": "\u{2124}",
        ],
    ]

    // MARK: - Digits

    private static func digitBase(_ font: MathFont) -> UInt32? {
        switch font {
        case .bold, .boldItalic: return 0x1D7CE
        case .doubleStruck: return 0x1D7D8
        case .sansSerif: return 0x1D7E2
        case .sansSerifBold: return 0x1D7EC
        case .monospace: return 0x1D7F6
        default: return nil
        }
    }

    // MARK: - Greek

    /// Position in the 58-character Greek run of each styled alphabet: capitals
    /// Α–Ω at 0–24 (ϴ in the gap at 17), ∇ at 25, small α–ω at 26–50, then ∂ ϵ ϑ ϰ ϕ ϱ ϖ.
    private static func greekIndex(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x391...0x3A9 where value != 0x3A2: return value - 0x391
        case 0x3F4: return 17
        case 0x2207: return 25
        case 0x3B1...0x3C9: return value - 0x3B1 + 26
        case 0x2202: return 51
        case 0x3F5: return 52
        case 0x3D1: return 53
        case 0x3F0: return 54
        case 0x3D5: return 55
        case 0x3F1: return 56
        case 0x3D6: return 57
        default: return nil
        }
    }

    /// TeX keeps capital Greek upright under `\boldsymbol` and lower-case Greek is
    /// unaffected by `\mathbf` in LaTeX proper; we follow MathJax and make `\mathbf`
    /// bold-upright for both, `\boldsymbol` bold-italic for lower case.
    private static func greekBase(_ font: MathFont, capital: Bool) -> UInt32? {
        switch font {
        case .bold: return 0x1D6A8
        case .italic: return 0x1D6E2
        case .boldItalic: return capital ? 0x1D6A8 : 0x1D71C
        case .sansSerifBold: return 0x1D756
        default: return nil
        }
    }
}
