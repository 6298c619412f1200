import Foundation

/// Python's numeric semantics on Swift's Int and Double: floor division and
/// modulo that follow the divisor's sign, `OverflowError` instead of a trap.
enum Arithmetic {
    static func overflow() -> PythonError {
        PythonError(BuiltinTypes.overflowError, "integer overflow: the result does not fit in 64 bits")
    }

    static func int(_ op: BinaryOperator, _ x: Int, _ y: Int) throws -> Value {
        switch op {
        case .add:
            let (r, o) = x.addingReportingOverflow(y)
            if o { throw overflow() }
            return .int(r)
        case .subtract:
            let (r, o) = x.subtractingReportingOverflow(y)
            if o { throw overflow() }
            return .int(r)
        case .multiply:
            let (r, o) = x.multipliedReportingOverflow(by: y)
            if o { throw overflow() }
            return .int(r)
        case .trueDivide:
            if y == 0 { throw PythonError.zeroDivisionError("division by zero") }
            return .float(Double(x) / Double(y))
        case .floorDivide:
            if y == 0 { throw PythonError.zeroDivisionError("integer division or modulo by zero") }
            return .int(try floorDivide(x, y))
        case .modulo:
            if y == 0 { throw PythonError.zeroDivisionError("integer modulo by zero") }
            return .int(modulo(x, y))
        case .power:
            if y < 0 {
                if x == 0 { throw PythonError.zeroDivisionError("0.0 cannot be raised to a negative power") }
                return .float(Foundation.pow(Double(x), Double(y)))
            }
            var result = 1, base = x, e = y
            while e > 0 {
                if e & 1 == 1 {
                    let (r, o) = result.multipliedReportingOverflow(by: base)
                    if o { throw overflow() }
                    result = r
                }
                e >>= 1
                if e > 0 {
                    let (b, o) = base.multipliedReportingOverflow(by: base)
                    if o { throw overflow() }
                    base = b
                }
            }
            return .int(result)
        case .leftShift:
            if y < 0 { throw PythonError.valueError("negative shift count") }
            if x == 0 { return .int(0) }
            if y >= 63 { throw overflow() }
            let r = x << y
            if r >> y != x { throw overflow() }
            return .int(r)
        case .rightShift:
            if y < 0 { throw PythonError.valueError("negative shift count") }
            return .int(y >= 64 ? (x < 0 ? -1 : 0) : x >> y)
        case .and: return .int(x & y)
        case .or: return .int(x | y)
        case .xor: return .int(x ^ y)
        case .matrixMultiply:
            throw PythonError.typeError("unsupported operand type(s) for @: 'int' and 'int'")
        }
    }

    static func floorDivide(_ x: Int, _ y: Int) throws -> Int {
        if x == Int.min && y == -1 { throw overflow() }
        var q = x / y
        if x % y != 0 && ((x < 0) != (y < 0)) { q -= 1 }
        return q
    }

    static func modulo(_ x: Int, _ y: Int) -> Int {
        if y == -1 { return 0 }
        var r = x % y
        if r != 0 && ((r < 0) != (y < 0)) { r += y }
        return r
    }

    static func float(_ op: BinaryOperator, _ x: Double, _ y: Double) throws -> Value {
        switch op {
        case .add: return .float(x + y)
        case .subtract: return .float(x - y)
        case .multiply: return .float(x * y)
        case .trueDivide:
            if y == 0 { throw PythonError.zeroDivisionError("float division by zero") }
            return .float(x / y)
        case .floorDivide:
            if y == 0 { throw PythonError.zeroDivisionError("float floor division by zero") }
            return .float(floatDivMod(x, y).0)
        case .modulo:
            if y == 0 { throw PythonError.zeroDivisionError("float modulo") }
            return .float(floatDivMod(x, y).1)
        case .power:
            if x == 0 && y < 0 { throw PythonError.zeroDivisionError("0.0 cannot be raised to a negative power") }
            if x < 0 && y != y.rounded() && y.isFinite {
                throw PythonError.valueError("a negative number raised to a fractional power is complex, which is not supported")
            }
            let r = Foundation.pow(x, y)
            if r.isInfinite && x.isFinite && y.isFinite { throw PythonError(BuiltinTypes.overflowError, "(34, 'Numerical result out of range')") }
            return .float(r)
        default:
            let symbol = op.rawValue
            throw PythonError.typeError("unsupported operand type(s) for \(symbol): 'float' and 'float'")
        }
    }

    /// CPython's float floor division and modulo (`float_divmod`).
    static func floatDivMod(_ x: Double, _ y: Double) -> (Double, Double) {
        var mod = fmod(x, y)
        var div = (x - mod) / y
        if mod != 0 {
            if (y < 0) != (mod < 0) {
                mod += y
                div -= 1
            }
        } else {
            mod = copysign(0, y)
        }
        var floordiv: Double
        if div != 0 {
            floordiv = div.rounded(.down)
            if div - floordiv > 0.5 { floordiv += 1 }
        } else {
            floordiv = copysign(0, x / y)
        }
        return (floordiv, mod)
    }

    static func compare<T: Comparable>(_ op: ComparisonOperator, _ x: T, _ y: T) -> Bool {
        switch op {
        case .less: return x < y
        case .lessEqual: return x <= y
        case .greater: return x > y
        case .greaterEqual: return x >= y
        case .equal: return x == y
        case .notEqual: return x != y
        default: return false
        }
    }

    /// int vs float compared exactly (as Python does), not by rounding the int.
    static func compareMixed(_ op: ComparisonOperator, _ i: Int, _ d: Double, swapped: Bool = false) -> Bool {
        if d.isNaN { return op == .notEqual }
        let c: Int
        if d.isInfinite {
            c = d > 0 ? -1 : 1
        } else if abs(d) < 9.0e18 {
            let t = d.rounded(.towardZero)
            let ti = Int(t)
            if i != ti { c = i < ti ? -1 : 1 } else { c = d == t ? 0 : (d > t ? -1 : 1) }
        } else {
            c = d > 0 ? -1 : 1
        }
        return swapped ? compare(op, -c, 0) : compare(op, c, 0)
    }
}
