/// Deterministic, compact number text for figures, written without locale or
/// `printf` so the bytes never depend on the platform.
public enum NumberFormatting {
    // MARK: - Values shown to readers

    /// A value as a reader sees it: integers as `19`, others with 4 significant
    /// digits and no trailing zeros (`1.011`, `0.04651`), very small or large values
    /// in exponent form (`1.5e-7`), `-0` as `0`, `NaN`, `∞`, `-∞`.
    ///
    /// ```swift
    /// NumberFormatting.compact(19)       // "19"
    /// NumberFormatting.compact(1.0107)   // "1.011"
    /// NumberFormatting.compact(-0.0)     // "0"
    /// ```
    public static func compact(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "∞" : "-∞" }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value) == 0 ? 0 : Int64(value))
        }
        let magnitude = abs(value)
        if magnitude >= 1e-4, magnitude < 1e6 {
            let integerDigits = magnitude >= 1 ? decimalExponent(magnitude) + 1 : 0
            let decimals = max(0, significantDigits - integerDigits)
            // Leading zeros after the point do not count as significant (0.04651).
            let leadingZeros = magnitude < 1 ? -decimalExponent(magnitude) - 1 : 0
            return fixed(value, decimals: decimals + leadingZeros)
        }
        return scientific(value)
    }

    /// `compact`, with a true minus sign (U+2212) for text set in a figure.
    public static func display(_ value: Double) -> String {
        let text = compact(value)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    /// A coordinate in an SVG: at most two decimals, no trailing zeros.
    static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return fixed(value, decimals: 2)
    }

    // MARK: - Building blocks

    private static let significantDigits = 4

    /// ⌊log10(magnitude)⌋ for a positive finite magnitude, exact at powers of ten.
    static func decimalExponent(_ magnitude: Double) -> Int {
        // log10(2) × the binary exponent is within one of the answer; then correct.
        var exponent = Int((Double(magnitude.exponent) * 0.301_029_995_663_981_2).rounded(.down))
        while power10(exponent + 1) <= magnitude { exponent += 1 }
        while power10(exponent) > magnitude { exponent -= 1 }
        return exponent
    }

    /// `value` rounded to `decimals` places, trailing zeros removed, never `-0`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let places = min(max(decimals, 0), 12)
        let scale = power10(places)
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return scientific(value) }
        let units = UInt64(scaled)
        if units == 0 { return "0" }
        let divisor = UInt64(scale)
        let whole = units / divisor
        var fraction = places > 0 ? String(units % divisor) : ""
        if places > 0 {
            fraction = String(repeating: "0", count: places - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
        }
        let sign = value < 0 ? "-" : ""
        return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// `1.235e-7`: four significant digits in the mantissa.
    private static func scientific(_ value: Double) -> String {
        let magnitude = abs(value)
        var exponent = decimalExponent(magnitude)
        var mantissa = magnitude / power10(exponent)
        if (mantissa * 1000).rounded() >= 10_000 {
            exponent += 1
            mantissa = magnitude / power10(exponent)
        }
        let sign = value < 0 ? "-" : ""
        return sign + fixed(mantissa, decimals: significantDigits - 1) + "e" + String(exponent)
    }

    static func power10(_ exponent: Int) -> Double {
        var result = 1.0
        if exponent >= 0 {
            for _ in 0..<min(exponent, 400) { result *= 10 }
        } else {
            for _ in 0..<min(-exponent, 400) { result /= 10 }
        }
        return result
    }
}
