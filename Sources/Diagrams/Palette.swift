/// The colours of the figures.
///
/// Theme colours (text, rules, highlights, series) are CSS custom properties set
/// per figure, with a `prefers-color-scheme: dark` variant, and text follows the
/// page's `currentColor`; a page can restyle them by overriding `--lb-*`. Data
/// colours (heatmap cells) encode values and are the same in both schemes.
enum Palette {
    // MARK: - Theme

    /// (light, dark) values of each custom property.
    static let themeProperties: [(name: String, light: String, dark: String)] = [
        ("--lb-fg", "currentColor", "currentColor"),
        ("--lb-bg", "#ffffff", "#1b1b1f"),
        ("--lb-accent", "#0072b2", "#56b4e9"),
        ("--lb-accent-fill", "rgba(0,114,178,0.22)", "rgba(86,180,233,0.32)"),
        ("--lb-kernel", "#d55e00", "#f0a04b"),
        ("--lb-kernel-fill", "rgba(213,94,0,0.2)", "rgba(240,160,75,0.3)"),
        ("--lb-output", "#009e73", "#3ccb9a"),
        ("--lb-output-fill", "rgba(0,158,115,0.22)", "rgba(60,203,154,0.32)"),
        ("--lb-padding-fill", "rgba(128,128,128,0.12)", "rgba(160,160,160,0.16)"),
    ]

    /// Series colours: the Okabe–Ito set, distinguishable with the common colour
    /// vision deficiencies; lighter members on dark pages.
    static let seriesLight = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#332288", "#882255"]
    static let seriesDark = ["#56b4e9", "#e69f00", "#3ccb9a", "#e3a3cb", "#f0e442", "#8fd3ff", "#a99cf0", "#e58fb4"]

    /// Dash patterns, so series differ without colour too (solid first).
    static let dashes = ["", "7 3", "2 2.5", "9 3 2 3", "4 4", "1 3", "12 4", "6 2 2 2 2 2"]

    // MARK: - Data colours

    /// Viridis (perceptually uniform, readable in grey and with colour deficiencies),
    /// sampled at nine points; values in between are interpolated.
    static let sequential: [RGB] = [
        RGB(0x44, 0x01, 0x54), RGB(0x47, 0x2c, 0x7a), RGB(0x3b, 0x52, 0x8b), RGB(0x2c, 0x72, 0x8e),
        RGB(0x21, 0x91, 0x8c), RGB(0x28, 0xae, 0x80), RGB(0x5e, 0xc9, 0x62), RGB(0xad, 0xdc, 0x30),
        RGB(0xfd, 0xe7, 0x25),
    ]

    /// Blue – near white – red, symmetric around its middle (zero).
    static let diverging: [RGB] = [
        RGB(0x21, 0x66, 0xac), RGB(0x43, 0x93, 0xc3), RGB(0x92, 0xc5, 0xde), RGB(0xd1, 0xe5, 0xf0),
        RGB(0xf7, 0xf7, 0xf7), RGB(0xfd, 0xdb, 0xc7), RGB(0xf4, 0xa5, 0x82), RGB(0xd6, 0x60, 0x4d),
        RGB(0xb2, 0x18, 0x2b),
    ]

    /// The colour at `position` (clamped to 0…1) along `stops`.
    static func color(at position: Double, in stops: [RGB]) -> RGB {
        guard let first = stops.first, let last = stops.last else { return RGB(0, 0, 0) }
        guard position.isFinite else { return first }
        let t = min(max(position, 0), 1) * Double(stops.count - 1)
        let lower = min(Int(t), stops.count - 1)
        if lower >= stops.count - 1 { return last }
        return stops[lower].mixed(with: stops[lower + 1], by: t - Double(lower))
    }
}

/// An sRGB colour with 8-bit channels.
struct RGB: Equatable {
    var red: Int
    var green: Int
    var blue: Int

    init(_ red: Int, _ green: Int, _ blue: Int) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `#rrggbb`.
    var hex: String {
        "#"
            + [red, green, blue].map { channel in
                let text = String(min(max(channel, 0), 255), radix: 16)
                return text.count == 1 ? "0" + text : text
            }.joined()
    }

    func mixed(with other: RGB, by fraction: Double) -> RGB {
        func mix(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b) - Double(a)) * fraction).rounded()) }
        return RGB(mix(red, other.red), mix(green, other.green), mix(blue, other.blue))
    }

    /// Whether dark text reads better on this colour (relative luminance, WCAG).
    var prefersDarkText: Bool {
        func linear(_ channel: Int) -> Double {
            let c = Double(channel) / 255
            return c <= 0.039_28 ? c / 12.92 : pow2_4((c + 0.055) / 1.055)
        }
        let luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
        // Contrast with black (L+0.05)/0.05 against white 1.05/(L+0.05).
        return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05)
    }

    /// x^2.4 without Foundation: x² · x^0.4, with x^0.4 by Newton on y⁵ = x².
    private func pow2_4(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        let square = x * x
        var y = 1.0
        for _ in 0..<40 { y -= (y * y * y * y * y - square) / (5 * y * y * y * y) }
        return square * y
    }
}
