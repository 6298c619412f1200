/// Base-10 logarithm from IEEE arithmetic alone, so log-scale plots are the same
/// bytes on every platform (libm implementations may differ in the last bit).
enum Logarithm {
    /// log10(x) for positive finite x; nil otherwise.
    static func base10(_ x: Double) -> Double? {
        guard x > 0, x.isFinite else { return nil }
        // x = s · 2^e with s in [1, 2); ln s = 2 atanh((s - 1)/(s + 1)), |t| ≤ 1/3.
        let significand = x.significand
        let t = (significand - 1) / (significand + 1)
        let tSquared = t * t
        var term = t
        var sum = 0.0
        var denominator = 1.0
        for _ in 0..<24 {
            sum += term / denominator
            term *= tSquared
            denominator += 2
        }
        let naturalLog = 2 * sum + Double(x.exponent) * 0.693_147_180_559_945_3
        return naturalLog * 0.434_294_481_903_251_8
    }

    /// 10^y for the log axis positions of ticks (exact for integers).
    static func power10(_ y: Double) -> Double {
        let whole = y.rounded(.down)
        let fraction = y - whole
        // e^(fraction · ln 10) by its Taylor series; fraction in [0, 1).
        let z = fraction * 2.302_585_092_994_046
        var term = 1.0
        var sum = 1.0
        for k in 1..<40 {
            term *= z / Double(k)
            sum += term
        }
        return sum * NumberFormatting.power10(Int(max(min(whole, 400), -400)))
    }
}
