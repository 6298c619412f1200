import Foundation

/// Numbers written as Python's `format()` writes them, which is what
/// PyTorch's printing calls for every element.
///
/// Python rounds the exact binary value correctly (ties to even), as C's
/// `printf` does, so formatting goes through `vsnprintf`; only non-finite
/// values differ (Python writes `nan`, `inf`, `-inf` and never `-nan`).
enum PythonNumberText {
    /// `'{:.{digits}f}'.format(value)`, e.g. `0.1235`, `-0.0000`, `19`.
    static func fixed(_ value: Double, digits: Int) -> String {
        nonFinite(value) ?? printf("%.*f", value, digits: digits)
    }

    /// `'{:.{digits}e}'.format(value)`, e.g. `1.0000e-05`, `-4.2500e-03`.
    static func scientific(_ value: Double, digits: Int) -> String {
        nonFinite(value) ?? printf("%.*e", value, digits: digits)
    }

    /// `str(value)` of a Python bool.
    static func boolean(_ value: Bool) -> String {
        value ? "True" : "False"
    }

    // MARK: - Helpers

    private static func nonFinite(_ value: Double) -> String? {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return nil
    }

    private static func printf(_ format: String, _ value: Double, digits: Int) -> String {
        // Enough for the 309 integer digits of the largest double, a sign,
        // the point, the requested digits and an exponent.
        let capacity = 330 + digits
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
            guard let base = buffer.baseAddress else { return "" }
            let written = withVaList([Int32(digits), value]) { arguments in
                vsnprintf(base, capacity, format, arguments)
            }
            guard written >= 0, Int(written) < capacity else { return "" }
            return String(cString: base)
        }
    }
}
