/// The exact decimal expansion of a double, for correctly rounded printing.
///
/// Python's `format(x, '.4f')` rounds the exact binary value of `x` half to
/// even. Rounding a shortest round-trip string instead would be wrong at ties
/// (0.1235 is stored as 0.12349999…, which must print as 0.123 with three
/// decimals), so this expands the value exactly: a double is `m · 2^e`, which
/// is the integer `m · 5^-e` shifted `-e` decimal places when `e < 0`, or the
/// integer `m · 2^e` when `e ≥ 0`.
///
///     ExactDecimal(0.375).digits          // [3, 7, 5]
///     ExactDecimal(0.375).pointPosition   // 0: the value is 0.375 · 10^0
struct ExactDecimal {
    /// Decimal digits without leading zeros (empty for zero).
    private(set) var digits: [UInt8]
    /// The value is `0.d₀d₁d₂… · 10^pointPosition`.
    private(set) var pointPosition: Int

    /// The expansion of `|value|`; `value` must be finite.
    init(_ value: Double) {
        let bits = value.bitPattern
        let biasedExponent = Int((bits >> 52) & 0x7FF)
        let fraction = bits & (1 << 52 - 1)
        var mantissa = biasedExponent == 0 ? fraction : fraction | 1 << 52
        var exponent = biasedExponent == 0 ? -1074 : biasedExponent - 1075
        guard mantissa != 0 else {
            digits = []
            pointPosition = 1
            return
        }
        // Fewer powers to multiply: drop the mantissa's trailing zero bits.
        let trailing = mantissa.trailingZeroBitCount
        mantissa >>= UInt64(trailing)
        exponent += trailing

        var number = BigNatural(mantissa)
        if exponent >= 0 {
            number.shiftLeft(by: exponent)
            digits = number.decimalDigits()
            pointPosition = digits.count
        } else {
            number.multiply(byPowerOfFive: -exponent)
            digits = number.decimalDigits()
            pointPosition = digits.count + exponent
        }
    }

    /// The value rounded half to even so that only the first `count` digits
    /// remain (`count` may be ≤ 0: the value then rounds to zero or to one
    /// unit of the digit position just above).
    func rounded(keeping count: Int) -> ExactDecimal {
        guard count < digits.count else { return self }
        var result = self
        let roundsUp: Bool
        if count < 0 {
            roundsUp = false
        } else {
            let next = digits[count]
            let restIsZero = digits[(count + 1)...].allSatisfy { $0 == 0 }
            let previousIsOdd = count > 0 && digits[count - 1] % 2 == 1
            roundsUp = next > 5 || (next == 5 && (!restIsZero || previousIsOdd))
        }
        result.digits = Array(digits.prefix(max(count, 0)))
        if roundsUp {
            var index = result.digits.count - 1
            while index >= 0 && result.digits[index] == 9 {
                result.digits[index] = 0
                index -= 1
            }
            if index >= 0 {
                result.digits[index] += 1
            } else {
                result.digits.insert(1, at: 0)
                result.pointPosition += 1
            }
        }
        return result
    }

    /// The digit at `index` (0 is the first digit), 0 outside the digits.
    func digit(at index: Int) -> UInt8 {
        index >= 0 && index < digits.count ? digits[index] : 0
    }
}

/// A small unsigned big integer (32-bit limbs, least significant first):
/// just what `ExactDecimal` needs.
private struct BigNatural {
    private var limbs: [UInt32]

    init(_ value: UInt64) {
        limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
        trim()
    }

    mutating func shiftLeft(by bits: Int) {
        let wordShift = bits / 32
        let bitShift = UInt32(bits % 32)
        if bitShift > 0 {
            var carry: UInt32 = 0
            for index in limbs.indices {
                let limb = limbs[index]
                limbs[index] = limb << bitShift | carry
                carry = limb >> (32 - bitShift)
            }
            if carry != 0 { limbs.append(carry) }
        }
        limbs.insert(contentsOf: repeatElement(0, count: wordShift), at: 0)
    }

    mutating func multiply(byPowerOfFive power: Int) {
        var remaining = power
        while remaining > 0 {
            let step = min(remaining, 13)  // 5^13 < 2^32
            multiply(by: (0..<step).reduce(1) { product, _ in product * 5 })
            remaining -= step
        }
    }

    private mutating func multiply(by factor: UInt32) {
        var carry: UInt64 = 0
        for index in limbs.indices {
            let product = UInt64(limbs[index]) * UInt64(factor) + carry
            limbs[index] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
    }

    /// Decimal digits, most significant first (this value is consumed).
    mutating func decimalDigits() -> [UInt8] {
        var chunks: [UInt32] = []  // base 10^9, least significant first
        while !limbs.isEmpty {
            var remainder: UInt64 = 0
            for index in limbs.indices.reversed() {
                let dividend = remainder << 32 | UInt64(limbs[index])
                limbs[index] = UInt32(dividend / 1_000_000_000)
                remainder = dividend % 1_000_000_000
            }
            chunks.append(UInt32(remainder))
            trim()
        }
        var digits: [UInt8] = []
        for (position, chunk) in chunks.reversed().enumerated() {
            var chunkDigits = [UInt8](repeating: 0, count: 9)
            var value = chunk
            for index in (0..<9).reversed() {
                chunkDigits[index] = UInt8(value % 10)
                value /= 10
            }
            // The most significant chunk has no leading zeros.
            digits += position == 0 ? Array(chunkDigits.drop { $0 == 0 }) : chunkDigits
        }
        return digits
    }

    private mutating func trim() {
        while let last = limbs.last, last == 0 { limbs.removeLast() }
    }
}
