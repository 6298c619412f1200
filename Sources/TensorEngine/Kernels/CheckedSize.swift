/// Size arithmetic that reports overflow instead of trapping, for geometry
/// computed from user-supplied sizes, strides and paddings.
///
/// Fixed arities rather than variadics: a variadic call allocates an array,
/// and some of these run once per GEMM.
enum CheckedSize {
    /// The product, or nil if it overflows `Int`.
    static func product(_ a: Int, _ b: Int) -> Int? {
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : value
    }

    static func product(_ a: Int, _ b: Int, _ c: Int) -> Int? {
        product(a, b).flatMap { product($0, c) }
    }

    static func product(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Int? {
        product(a, b, c).flatMap { product($0, d) }
    }

    /// The sum, or nil if it overflows `Int`.
    static func sum(_ a: Int, _ b: Int) -> Int? {
        let (value, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : value
    }

    static func sum(_ a: Int, _ b: Int, _ c: Int) -> Int? {
        sum(a, b).flatMap { sum($0, c) }
    }

    static func sum(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Int? {
        sum(a, b, c).flatMap { sum($0, d) }
    }

    /// `⌊a / b⌋` for `b > 0` (Swift's `/` truncates toward zero).
    static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let quotient = a / b
        return (a % b != 0 && a < 0) ? quotient - 1 : quotient
    }
}
