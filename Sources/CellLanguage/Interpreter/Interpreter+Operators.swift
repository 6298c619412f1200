import Foundation

extension Interpreter {
    // MARK: - Binary operators

    /// `a op b`: fast paths for numbers, strings and sequences, then Python's
    /// dunder protocol (`__op__` on the left, `__rop__` on the right).
    public func binary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case let (.int(x), .int(y)): return try Arithmetic.int(op, x, y)
        case let (.float(x), .float(y)): return try Arithmetic.float(op, x, y)
        case let (.int(x), .float(y)) where op.isArithmetic: return try Arithmetic.float(op, Double(x), y)
        case let (.float(x), .int(y)) where op.isArithmetic: return try Arithmetic.float(op, x, Double(y))
        case let (.bool(x), .bool(y)) where op == .and || op == .or || op == .xor:
            return .bool(op == .and ? x && y : op == .or ? x || y : x != y)
        case let (.str(x), .str(y)) where op == .add:
            return .str(x + y)
        case (.str(let format), _) where op == .modulo:
            return .str(try percentFormat(format, b))
        case let (.str(s), .int(n)) where op == .multiply, let (.int(n), .str(s)) where op == .multiply:
            return .str(try repeated(s, n))
        case let (.list(x), .list(y)) where op == .add:
            return .list(PyList(x.items + y.items))
        case let (.tuple(x), .tuple(y)) where op == .add:
            return .tuple(x + y)
        case let (.list(l), .int(n)) where op == .multiply, let (.int(n), .list(l)) where op == .multiply:
            return .list(PyList(try repeatedItems(l.items, n)))
        case let (.tuple(t), .int(n)) where op == .multiply, let (.int(n), .tuple(t)) where op == .multiply:
            return .tuple(try repeatedItems(t, n))
        case (.bool, _), (_, .bool):
            if let x = a.numericPromotingBool, let y = b.numericPromotingBool, op.isArithmetic || (a.intValue != nil && b.intValue != nil) {
                return try binary(op, x, y)
            }
            // A bool repeats a sequence like the int it is (`"ab" * True`).
            if op == .multiply, case .bool(let flag) = a, b.isSequence { return try binary(op, .int(flag ? 1 : 0), b) }
            if op == .multiply, case .bool(let flag) = b, a.isSequence { return try binary(op, a, .int(flag ? 1 : 0)) }
        case (.object(let o), .object) where op == .or || op == .and || op == .subtract || op == .xor:
            if let x = o as? PySet, case .object(let p as PySet) = b { return .object(try setOperation(op, x, p)) }
        default:
            break
        }
        return try dispatchBinary(op, a, b)
    }

    private func dispatchBinary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        let left = a.pythonClass
        let right = b.pythonClass
        // Python gives a subclass's reflected method the first try.
        if right !== left, right.isSubclass(of: left), let method = right.lookup("__r\(op.stem)__"),
            right.owner(of: "__r\(op.stem)__") !== left.owner(of: "__r\(op.stem)__")
        {
            let r = try callBound(method, receiver: b, Arguments([a]))
            if !r.isNotImplemented { return r }
        }
        if let method = left.lookup("__\(op.stem)__") {
            let r = try callBound(method, receiver: a, Arguments([b]))
            if !r.isNotImplemented { return r }
        }
        if left !== right, let method = right.lookup("__r\(op.stem)__") {
            let r = try callBound(method, receiver: b, Arguments([a]))
            if !r.isNotImplemented { return r }
        }
        throw binaryTypeError(op, a, b)
    }

    func binaryTypeError(_ op: BinaryOperator, _ a: Value, _ b: Value) -> PythonError {
        switch (a, op) {
        case (.str, .add): return .typeError("can only concatenate str (not \"\(b.typeName)\") to str")
        case (.list, .add): return .typeError("can only concatenate list (not \"\(b.typeName)\") to list")
        case (.tuple, .add): return .typeError("can only concatenate tuple (not \"\(b.typeName)\") to tuple")
        case (.str, .multiply), (.list, .multiply), (.tuple, .multiply):
            return .typeError("can't multiply sequence by non-int of type '\(b.typeName)'")
        default: break
        }
        if op == .multiply {
            switch b {
            case .str, .list, .tuple: return .typeError("can't multiply sequence by non-int of type '\(a.typeName)'")
            default: break
            }
        }
        let symbol = op == .power ? "** or pow()" : op.rawValue
        return .typeError("unsupported operand type(s) for \(symbol): '\(a.typeName)' and '\(b.typeName)'")
    }

    /// `a op= b`: lists extend in place; objects get `__iop__` first.
    public func inPlace(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        switch a {
        case .int, .float, .str, .tuple, .bool, .none:
            return try binary(op, a, b)
        case .list(let l) where op == .add:
            let items = try collect(b)
            l.items.append(contentsOf: items)
            return a
        case .list(let l) where op == .multiply:
            guard case .int(let n) = b else { throw binaryTypeError(op, a, b) }
            l.items = try repeatedItems(l.items, n)
            return a
        default:
            if let method = a.pythonClass.lookup("__i\(op.stem)__") {
                let r = try callBound(method, receiver: a, Arguments([b]))
                if !r.isNotImplemented { return r }
            }
            return try binary(op, a, b)
        }
    }

    func repeated(_ s: String, _ n: Int) throws -> String {
        if n <= 0 || s.isEmpty { return "" }
        let (total, overflow) = s.utf8.count.multipliedReportingOverflow(by: n)
        if overflow || total > 1 << 30 { throw PythonError(BuiltinTypes.memoryError, args: []) }
        return String(repeating: s, count: n)
    }

    func repeatedItems(_ items: [Value], _ n: Int) throws -> [Value] {
        if n <= 0 || items.isEmpty { return [] }
        let (total, overflow) = items.count.multipliedReportingOverflow(by: n)
        if overflow || total > 1 << 28 { throw PythonError(BuiltinTypes.memoryError, args: []) }
        var out: [Value] = []
        out.reserveCapacity(total)
        for _ in 0..<n { out.append(contentsOf: items) }
        return out
    }

    private func setOperation(_ op: BinaryOperator, _ x: PySet, _ y: PySet) throws -> PySet {
        let out = PySet()
        switch op {
        case .or:
            for v in x.table.live.map(\.key) + y.table.live.map(\.key) { try out.insert(v, self) }
        case .and:
            for v in x.table.live.map(\.key) where try y.contains(v, self) { try out.insert(v, self) }
        case .subtract:
            for v in x.table.live.map(\.key) where !(try y.contains(v, self)) { try out.insert(v, self) }
        default:
            for v in x.table.live.map(\.key) where !(try y.contains(v, self)) { try out.insert(v, self) }
            for v in y.table.live.map(\.key) where !(try x.contains(v, self)) { try out.insert(v, self) }
        }
        return out
    }

    // MARK: - Unary operators

    public func unary(_ op: UnaryOperator, _ v: Value) throws -> Value {
        switch (op, v) {
        case (.negate, .int(let i)):
            guard i != Int.min else { throw Arithmetic.overflow() }
            return .int(-i)
        case (.negate, .float(let d)): return .float(-d)
        case (.negate, .bool(let b)): return .int(b ? -1 : 0)
        case (.plus, .int), (.plus, .float): return v
        case (.plus, .bool(let b)): return .int(b ? 1 : 0)
        case (.invert, .int(let i)): return .int(~i)
        case (.invert, .bool(let b)): return .int(b ? -2 : -1)
        default: break
        }
        let name = op == .negate ? "__neg__" : op == .plus ? "__pos__" : "__invert__"
        if let method = v.pythonClass.lookup(name) { return try callBound(method, receiver: v, Arguments()) }
        throw PythonError.typeError("bad operand type for unary \(op.rawValue): '\(v.typeName)'")
    }

    // MARK: - Comparisons

    func compare(_ op: ComparisonOperator, _ a: Value, _ b: Value) throws -> Value {
        switch op {
        case .is: return .bool(a.isIdentical(to: b))
        case .isNot: return .bool(!a.isIdentical(to: b))
        case .in: return .bool(try contains(b, a))
        case .notIn: return .bool(!(try contains(b, a)))
        default: return try richCompare(op, a, b)
        }
    }

    /// `a < b`, `a == b`, …: numbers, strings and sequences directly, else
    /// `__lt__`/`__eq__`… with the reflected method on the right operand.
    public func richCompare(_ op: ComparisonOperator, _ a: Value, _ b: Value) throws -> Value {
        if let result = try primitiveCompare(op, a, b) { return .bool(result) }
        let (name, reflected) = Interpreter.comparisonMethods(op)
        if let method = a.pythonClass.lookup(name) {
            let r = try callBound(method, receiver: a, Arguments([b]))
            if !r.isNotImplemented { return r }
        }
        if let method = b.pythonClass.lookup(reflected) {
            let r = try callBound(method, receiver: b, Arguments([a]))
            if !r.isNotImplemented { return r }
        }
        switch op {
        case .equal: return .bool(a.isIdentical(to: b))
        case .notEqual:
            if let method = a.pythonClass.lookup("__eq__") {
                let r = try callBound(method, receiver: a, Arguments([b]))
                if !r.isNotImplemented { return .bool(!(try isTruthy(r))) }
            }
            return .bool(!a.isIdentical(to: b))
        default:
            throw PythonError.typeError("'\(op.rawValue)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
        }
    }

    static func comparisonMethods(_ op: ComparisonOperator) -> (String, String) {
        switch op {
        case .less: return ("__lt__", "__gt__")
        case .lessEqual: return ("__le__", "__ge__")
        case .greater: return ("__gt__", "__lt__")
        case .greaterEqual: return ("__ge__", "__le__")
        case .equal: return ("__eq__", "__eq__")
        default: return ("__ne__", "__ne__")
        }
    }

    /// Comparisons that need no dunder call; nil when `a`/`b` are not such values.
    private func primitiveCompare(_ op: ComparisonOperator, _ a: Value, _ b: Value) throws -> Bool? {
        switch (a, b) {
        case let (.int(x), .int(y)): return Arithmetic.compare(op, x, y)
        case let (.float(x), .float(y)): return Arithmetic.compare(op, x, y)
        case let (.int(x), .float(y)): return Arithmetic.compareMixed(op, x, y)
        case let (.float(x), .int(y)): return Arithmetic.compareMixed(op, y, x, swapped: true)
        case let (.str(x), .str(y)):
            let c = Interpreter.compareStrings(x, y)
            return Arithmetic.compare(op, c, 0)
        case (.bool, _), (_, .bool):
            if let x = a.numericPromotingBool, let y = b.numericPromotingBool { return try primitiveCompare(op, x, y) }
        case (.none, .none):
            if op == .equal { return true }
            if op == .notEqual { return false }
        case let (.tuple(x), .tuple(y)):
            return try compareSequences(op, x, y)
        case let (.list(x), .list(y)):
            return try compareSequences(op, x.items, y.items)
        case let (.dict(x), .dict(y)) where op == .equal || op == .notEqual:
            var same = x.count == y.count
            if same {
                for (k, v) in x.items {
                    guard let w = try y.get(k, self), try equals(v, w) else {
                        same = false
                        break
                    }
                }
            }
            return op == .equal ? same : !same
        case (.object(let o), .object(let p)):
            if let x = o as? PySet, let y = p as? PySet, op == .equal || op == .notEqual {
                var same = x.count == y.count
                if same { for v in x.elements where !(try y.contains(v, self)) { same = false; break } }
                return op == .equal ? same : !same
            }
            if o is PyClass || o is PyModule || o is PyFunction || o is NativeFunction, op == .equal || op == .notEqual {
                return op == .equal ? o === p : o !== p
            }
            if let r1 = o as? PyRange, let r2 = p as? PyRange, op == .equal || op == .notEqual {
                let same = r1.elementsEqual(r2)
                return op == .equal ? same : !same
            }
        default:
            break
        }
        if op == .equal || op == .notEqual {
            // Builtin values of different kinds are never equal; objects decide for themselves.
            if case .object = a { return nil }
            if case .object = b { return nil }
            return op == .notEqual
        }
        return nil
    }

    static func compareStrings(_ x: String, _ y: String) -> Int {
        // Python orders strings by code point, not by Swift's Unicode canonical ordering.
        var i = x.unicodeScalars.makeIterator()
        var j = y.unicodeScalars.makeIterator()
        while true {
            switch (i.next(), j.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case let (a?, b?): if a != b { return a.value < b.value ? -1 : 1 }
            }
        }
    }

    private func compareSequences(_ op: ComparisonOperator, _ x: [Value], _ y: [Value]) throws -> Bool {
        try nested {
            for i in 0..<min(x.count, y.count) where !x[i].isIdentical(to: y[i]) {
                if try !equals(x[i], y[i]) {
                    if op == .equal { return false }
                    if op == .notEqual { return true }
                    return try isTruthy(try richCompare(op, x[i], y[i]))
                }
            }
            return Arithmetic.compare(op, x.count, y.count)
        }
    }

    // MARK: - Equality, truth, hashing

    /// Python's `a == b` as a Swift Bool (container lookups, `list.index`, …).
    public func equals(_ a: Value, _ b: Value) throws -> Bool {
        if a.isIdentical(to: b) { if case .float(let d) = a, d.isNaN { return false }; return true }
        if let r = try primitiveCompare(.equal, a, b) { return r }
        return try isTruthy(try richCompare(.equal, a, b))
    }

    /// Python's truth test: `bool(value)`.
    public func isTruthy(_ v: Value) throws -> Bool {
        switch v {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .dict(let d): return d.count > 0
        case .object(let o):
            if let s = o as? PySet { return s.count > 0 }
            if let r = o as? PyRange { return r.count > 0 }
            if o is PyClass || o is PyFunction || o is NativeFunction || o is PyModule { return true }
            let cls = o.pythonClass
            if let method = cls.lookup("__bool__") {
                let r = try callBound(method, receiver: v, Arguments())
                guard case .bool(let b) = r else { throw PythonError.typeError("__bool__ should return bool, returned \(r.typeName)") }
                return b
            }
            if let method = cls.lookup("__len__") {
                let r = try callBound(method, receiver: v, Arguments())
                guard case .int(let n) = r else { throw PythonError.typeError("'\(r.typeName)' object cannot be interpreted as an integer") }
                return n != 0
            }
            return true
        }
    }

    /// Python's `hash(value)`; deterministic across runs.
    public func hash(_ v: Value) throws -> Int {
        switch v {
        case .none: return 0x5EED
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return i
        case .float(let d): return Hashing.double(d)
        case .str(let s): return Hashing.string(s)
        case .tuple(let items): return try nested { Hashing.combine(try items.map { try hash($0) }) }
        case .list, .dict: throw PythonError.typeError("unhashable type: '\(v.typeName)'")
        case .object(let o):
            if o is PySet { throw PythonError.typeError("unhashable type: 'set'") }
            let cls = o.pythonClass
            if let method = cls.lookup("__hash__") {
                if method.isNone { throw PythonError.typeError("unhashable type: '\(cls.name)'") }
                let r = try callBound(method, receiver: v, Arguments())
                guard case .int(let h) = r else { throw PythonError.typeError("__hash__ method should return an integer") }
                return h
            }
            if cls.owner(of: "__eq__").map({ $0.moduleName == "__main__" }) == true {
                throw PythonError.typeError("unhashable type: '\(cls.name)'")
            }
            return identity(of: o)
        }
    }

    /// `id(object)`: a deterministic counter per object, never an address.
    func identity(of object: AnyObject) -> Int {
        let key = ObjectIdentifier(object)
        if let known = objectIDs[key] { return known.id }
        let id = 0x7f00_0000_1000 + objectIDs.count * 0x40
        objectIDs[key] = (id, object)
        return id
    }
}

extension BinaryOperator {
    /// The operators defined on floats (the bitwise ones are not).
    var isArithmetic: Bool {
        switch self {
        case .add, .subtract, .multiply, .trueDivide, .floorDivide, .modulo, .power: return true
        default: return false
        }
    }
}

extension Value {
    /// str, list or tuple: the sequences that `*` repeats.
    var isSequence: Bool {
        switch self {
        case .str, .list, .tuple: return true
        default: return false
        }
    }

    var isNotImplemented: Bool {
        if case .object(let o) = self { return o === BuiltinTypes.notImplemented }
        return false
    }

    /// Bools as ints for arithmetic (`True + True == 2`); other numbers unchanged.
    var numericPromotingBool: Value? {
        switch self {
        case .bool(let b): return .int(b ? 1 : 0)
        case .int, .float: return self
        default: return nil
        }
    }
}
