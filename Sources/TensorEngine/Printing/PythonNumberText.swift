import Foundation

/// Numbers written as Python's `format()` writes them, which is what
/// PyTorch's printing calls for every element.
///
/// Python rounds the exact binary value half to even (as C's `printf` does).
/// Most values are rounded exactly in 64-bit integer arithmetic; the rest
/// (very large or small magnitudes, many digits) through `ExactDecimal`'s
/// full expansion. Non-finite values are words: `nan` (never `-nan`),
/// `inf`, `-inf`.
enum PythonNumberText {
    /// `'{:.{digits}f}'.format(value)`, e.g. `0.1235`, `-0.0000`, `19`.
    static func fixed(_ value: Double, digits: Int) -> String {
        if let word = nonFinite(value) { return word }
        let sign = value.sign == .minus ? "-" : ""
        if let scaled = roundedScaled(value, byPowerOfTen: digits) {
            // Fast path: round(|value| · 10^digits) fits in 64 bits.
            var text = String(scaled)
            if text.utf8.count <= digits {
                text = String(repeating: "0", count: digits + 1 - text.utf8.count) + text
            }
            guard digits > 0 else { return sign + text }
            let split = text.index(text.endIndex, offsetBy: -digits)
            return sign + text[..<split] + "." + text[split...]
        }
        let exact = ExactDecimal(value)
        let rounded = exact.rounded(keeping: exact.pointPosition + digits)
        var text: [UInt8] = Array(sign.utf8)
        let integerDigits = rounded.pointPosition
        if integerDigits > 0 {
            for index in 0..<integerDigits { text.append(ascii("0") + rounded.digit(at: index)) }
        } else {
            text.append(ascii("0"))
        }
        if digits > 0 {
            text.append(ascii("."))
            for index in 0..<digits { text.append(ascii("0") + rounded.digit(at: integerDigits + index)) }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// `'{:.{digits}e}'.format(value)`, e.g. `1.0000e-05`, `-4.2500e-03`.
    static func scientific(_ value: Double, digits: Int) -> String {
        if let word = nonFinite(value) { return word }
        let (mantissa, exponent) = scientificDigits(value, digits: digits)
        var text = value.sign == .minus ? "-" : ""
        text += mantissa.prefix(1)
        if digits > 0 { text += "." + mantissa.dropFirst() }
        let magnitude = exponent.magnitude
        text += (exponent < 0 ? "e-" : "e+") + (magnitude < 10 ? "0" : "") + String(magnitude)
        return text
    }

    /// The `digits + 1` significant digits of `|value|` rounded half to even,
    /// and the decimal exponent of the first one.
    private static func scientificDigits(_ value: Double, digits: Int) -> (String, Int) {
        if value == 0 { return (String(repeating: "0", count: digits + 1), 0) }
        if digits <= 17 {
            // Fast path: guess the exponent from log10, then correct it until
            // the rounded scaled value has exactly digits + 1 digits.
            let lower = tenPower(digits)
            let upper = tenPower(digits + 1)
            var exponent = Int(Foundation.log10(value.magnitude).rounded(.down))
            for _ in 0..<4 {
                guard let scaled = roundedScaled(value, byPowerOfTen: digits - exponent) else { break }
                if scaled >= upper {
                    exponent += 1
                } else if scaled < lower {
                    exponent -= 1
                } else {
                    return (String(scaled), exponent)
                }
            }
        }
        let rounded = ExactDecimal(value).rounded(keeping: digits + 1)
        let text = (0...digits).map { Character(Unicode.Scalar(ascii("0") + rounded.digit(at: $0))) }
        return (String(text), rounded.pointPosition - 1)
    }

    /// `str(value)` of a Python bool.
    static func boolean(_ value: Bool) -> String {
        value ? "True" : "False"
    }

    // MARK: - Exact rounding in 64 bits

    /// `|value| · 10^power` rounded half to even, or nil when a step would
    /// not fit in 64 bits (the caller then expands the value exactly).
    ///
    /// With `|value| = m · 2^e`, this is `m · 5^p · 2^(e+p)` for p ≥ 0 and
    /// `m · 2^(e+p) / 5^-p` for p < 0, each done in integers.
    static func roundedScaled(_ value: Double, byPowerOfTen power: Int) -> UInt64? {
        let bits = value.bitPattern
        let biasedExponent = Int((bits >> 52) & 0x7FF)
        let fraction = bits & (1 << 52 - 1)
        var mantissa = biasedExponent == 0 ? fraction : fraction | 1 << 52
        var exponent = biasedExponent == 0 ? -1074 : biasedExponent - 1075
        if mantissa == 0 { return 0 }
        let trailing = mantissa.trailingZeroBitCount
        mantissa >>= UInt64(trailing)
        exponent += trailing
        let shift = exponent + power
        if power >= 0 {
            guard let five = fivePower(power) else { return nil }
            let (product, overflow) = mantissa.multipliedReportingOverflow(by: five)
            guard !overflow else { return nil }
            return shifted(product, by: shift)
        }
        guard let five = fivePower(-power) else { return nil }
        if shift >= 0 {
            guard shift < 64, mantissa <= UInt64.max >> UInt64(shift) else { return nil }
            return dividedRounding(mantissa << UInt64(shift), by: five)
        }
        guard -shift < 64, five <= UInt64.max >> UInt64(-shift) else { return nil }
        return dividedRounding(mantissa, by: five << UInt64(-shift))
    }

    /// `value · 2^shift`, rounded half to even when the shift is negative.
    private static func shifted(_ value: UInt64, by shift: Int) -> UInt64? {
        if shift >= 0 {
            guard shift < 64, value <= UInt64.max >> UInt64(shift) else { return nil }
            return value << UInt64(shift)
        }
        let distance = -shift
        if distance > 64 { return 0 }
        if distance == 64 { return value > 1 << 63 ? 1 : 0 }
        return dividedRounding(value, by: 1 << UInt64(distance))
    }

    private static func dividedRounding(_ dividend: UInt64, by divisor: UInt64) -> UInt64 {
        let (quotient, remainder) = dividend.quotientAndRemainder(dividingBy: divisor)
        let other = divisor - remainder
        let roundsUp = remainder > other || (remainder == other && quotient % 2 == 1)
        return roundsUp ? quotient + 1 : quotient
    }

    private static func fivePower(_ exponent: Int) -> UInt64? {
        guard exponent <= 27 else { return nil }  // 5^27 < 2^64
        var result: UInt64 = 1
        for _ in 0..<exponent { result *= 5 }
        return result
    }

    private static func tenPower(_ exponent: Int) -> UInt64 {
        var result: UInt64 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    // MARK: - Helpers

    private static func nonFinite(_ value: Double) -> String? {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return nil
    }

    private static func ascii(_ character: Unicode.Scalar) -> UInt8 {
        UInt8(ascii: character)
    }
}
