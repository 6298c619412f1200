/// Size arithmetic that reports overflow instead of trapping, for geometry
/// computed from user-supplied sizes, strides and paddings.
enum CheckedSize {
    /// The product, or nil if it overflows `Int`.
    static func product(_ factors: Int...) -> Int? {
        var result = 1
        for factor in factors {
            let (value, overflow) = result.multipliedReportingOverflow(by: factor)
            if overflow { return nil }
            result = value
        }
        return result
    }

    /// The sum, or nil if it overflows `Int`.
    static func sum(_ terms: Int...) -> Int? {
        var result = 0
        for term in terms {
            let (value, overflow) = result.addingReportingOverflow(term)
            if overflow { return nil }
            result = value
        }
        return result
    }

    /// `⌊a / b⌋` for `b > 0` (Swift's `/` truncates toward zero).
    static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let quotient = a / b
        return (a % b != 0 && a < 0) ? quotient - 1 : quotient
    }
}
