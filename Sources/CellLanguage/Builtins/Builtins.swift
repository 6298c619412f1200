/// The builtin namespace: functions like `print`, `len`, `sorted`, and every
/// builtin class and exception under its Python name. (A catalogue.)
enum Builtins {
    static func makeNamespace() -> Namespace {
        let ns = Namespace()
        for cls in BuiltinTypes.allClasses { ns[cls.name] = .object(cls) }
        ns["NotImplemented"] = .notImplemented
        ns["Ellipsis"] = .object(BuiltinTypes.ellipsis)
        ns["__name__"] = .str("__main__")
        func add(_ name: String, _ body: @escaping NativeFunction.Body) {
            ns[name] = .object(NativeFunction(name, bindsToInstance: false, body))
        }
        func add(_ name: String, _ spec: String, _ body: @escaping (Interpreter, BoundArguments) throws -> Value) {
            let sig = Signature(spec)
            ns[name] = .object(NativeFunction(name, bindsToInstance: false) { interpreter, args in try body(interpreter, try sig.bind(args)) })
        }

        // MARK: - Output
        add("print") { interpreter, args in
            var sep = " ", end = "\n"
            for (key, value) in args.keywords {
                switch key {
                case "sep": if case .str(let s) = value { sep = s } else if !value.isNone { throw PythonError.typeError("sep must be None or a string, not \(value.typeName)") }
                case "end": if case .str(let s) = value { end = s } else if !value.isNone { throw PythonError.typeError("end must be None or a string, not \(value.typeName)") }
                case "file", "flush": break
                default: throw PythonError.typeError("'\(key)' is an invalid keyword argument for print()")
                }
            }
            // `str` may run user code that prints: finish it before touching the buffer.
            let text = (try args.positional.map { try interpreter.str($0) }).joined(separator: sep) + end
            interpreter.output += text
            return .none
        }

        // MARK: - Conversions and introspection
        add("repr", "repr(obj)") { i, a in .str(try i.repr(a["obj"])) }
        add("ascii", "ascii(obj)") { i, a in .str(Repr.ascii(try i.repr(a["obj"]))) }
        add("format", "format(value, format_spec='')") { i, a in .str(try i.format(a["value"], try a.string("format_spec"))) }
        add("len", "len(obj)") { i, a in .int(try i.length(a["obj"])) }
        add("id", "id(obj)") { i, a in
            guard let o = a["obj"].objectIdentity else { return .int(try i.hash(a["obj"])) }
            return .int(i.identity(of: o))
        }
        add("hash", "hash(obj)") { i, a in .int(try i.hash(a["obj"])) }
        add("callable", "callable(obj)") { _, a in
            switch a["obj"] {
            case .object(let o): return .bool(o is PyFunction || o is NativeFunction || o is PyBoundMethod || o is PyClass || o.pythonClass.lookup("__call__") != nil)
            default: return .bool(false)
            }
        }
        add("isinstance", "isinstance(obj, class_or_tuple)") { i, a in .bool(try i.isInstance(a["obj"], a["class_or_tuple"], "isinstance")) }
        add("issubclass", "issubclass(cls, class_or_tuple)") { i, a in
            guard case .object(let cls as PyClass) = a["cls"] else { throw PythonError.typeError("issubclass() arg 1 must be a class") }
            return .bool(try i.isInstance(.object(cls), a["class_or_tuple"], "issubclass", subclassCheck: true))
        }
        add("getattr") { i, args in
            guard args.positional.count >= 2, case .str(let name) = args.positional[1] else {
                throw PythonError.typeError("getattr expected 2 or 3 arguments with a string name")
            }
            if args.positional.count > 2 { return try i.attributeIfPresent(args.positional[0], name) ?? args.positional[2] }
            return try i.getAttribute(args.positional[0], name)
        }
        add("setattr", "setattr(obj, name, value)") { i, a in
            try i.setAttribute(a["obj"], try a.string("name"), a["value"])
            return .none
        }
        add("delattr", "delattr(obj, name)") { i, a in
            try i.deleteAttribute(a["obj"], try a.string("name"))
            return .none
        }
        add("vars", "vars(obj)") { i, a in try i.getAttribute(a["obj"], "__dict__") }
        add("dir", "dir(obj)") { _, a in
            var names = Set<String>()
            if case .object(let instance as PyInstance) = a["obj"] { names.formUnion(instance.attributes.names) }
            if case .object(let module as PyModule) = a["obj"] { names.formUnion(module.attributes.names) }
            var cls: PyClass? = a["obj"].as(PyClass.self) ?? a["obj"].pythonClass
            while let c = cls {
                names.formUnion(c.attributes.names)
                cls = c.base
            }
            return .list(PyList(names.sorted().map(Value.str)))
        }
        add("hasattr", "hasattr(obj, name)") { i, a in .bool(try i.attributeIfPresent(a["obj"], try a.string("name")) != nil) }
        add("chr", "chr(i)") { i, a in
            guard let n = try i.indexValue(a["i"]) else {
                throw PythonError.typeError("'\(a["i"].typeName)' object cannot be interpreted as an integer")
            }
            guard n >= 0, n <= 0x10FFFF, let s = Unicode.Scalar(UInt32(n)) else { throw PythonError.valueError("chr() arg not in range(0x110000)") }
            return .str(String(Character(s)))
        }
        add("ord", "ord(c)") { _, a in
            guard case .str(let s) = a["c"] else {
                throw PythonError.typeError("ord() expected string of length 1, but \(a["c"].typeName) found")
            }
            let scalars = Array(s.unicodeScalars)
            guard scalars.count == 1 else { throw PythonError.typeError("ord() expected a character, but string of length \(scalars.count) found") }
            return .int(Int(scalars[0].value))
        }

        // MARK: - Numbers
        add("abs", "abs(x)") { i, a in
            switch a["x"] {
            case .int(let n):
                guard n != Int.min else { throw Arithmetic.overflow() }
                return .int(Swift.abs(n))
            case .float(let d): return .float(Swift.abs(d))
            case .bool(let b): return .int(b ? 1 : 0)
            default:
                guard let m = a["x"].pythonClass.lookup("__abs__") else { throw PythonError.typeError("bad operand type for abs(): '\(a["x"].typeName)'") }
                return try i.callBound(m, receiver: a["x"], Arguments())
            }
        }
        add("round", "round(number, ndigits=None)") { i, a in try i.round(a["number"], a.optional("ndigits")) }
        add("divmod", "divmod(a, b)") { i, a in
            let (x, y) = (a["a"], a["b"])
            if x.doubleValue != nil && y.doubleValue != nil {
                return .tuple([try i.binary(.floorDivide, x, y), try i.binary(.modulo, x, y)])
            }
            if let m = x.pythonClass.lookup("__divmod__") { return try i.callBound(m, receiver: x, Arguments([y])) }
            if let m = y.pythonClass.lookup("__rdivmod__") { return try i.callBound(m, receiver: y, Arguments([x])) }
            throw PythonError.typeError("unsupported operand type(s) for divmod(): '\(x.typeName)' and '\(y.typeName)'")
        }
        add("pow", "pow(base, exp, mod=None)") { i, a in
            if let m = a.optional("mod") {
                guard case .int(var base) = a["base"], case .int(var e) = a["exp"], case .int(let mod) = m, e >= 0, mod != 0, mod != Int.min else {
                    throw PythonError.typeError("pow() 3rd argument requires integers and a non-negative exponent")
                }
                let m = UInt64(mod.magnitude)
                var result: UInt64 = 1 % m
                var b = UInt64(Arithmetic.modulo(base, Int(m)).magnitude)
                func mulmod(_ x: UInt64, _ y: UInt64) -> UInt64 {
                    let product = x.multipliedFullWidth(by: y)
                    return m.dividingFullWidth((product.high, product.low)).remainder
                }
                while e > 0 {
                    if e & 1 == 1 { result = mulmod(result, b) }
                    b = mulmod(b, b)
                    e >>= 1
                }
                let r = Int(result)
                _ = base
                base = 0
                return .int(mod < 0 && r != 0 ? r + mod : r)
            }
            return try i.binary(.power, a["base"], a["exp"])
        }
        add("sum", "sum(iterable, /, start=0)") { i, a in
            var total = a["start"]
            if case .str = total { throw PythonError.typeError("sum() can't sum strings [use ''.join(seq) instead]") }
            try i.forEach(a["iterable"]) { total = try i.binary(.add, total, $0) }
            return total
        }
        add("min") { i, args in try i.extreme(args, name: "min", op: .less) }
        add("max") { i, args in try i.extreme(args, name: "max", op: .greater) }

        // MARK: - Iteration
        add("iter", "iter(obj)") { i, a in .object(try i.makeIterator(a["obj"])) }
        add("next") { i, args in
            guard let v = args.positional.first else { throw PythonError.typeError("next expected at least 1 argument, got 0") }
            guard case .object(let o) = v, o is NativeIterator || o.pythonClass.lookup("__next__") != nil else {
                throw PythonError.typeError("'\(v.typeName)' object is not an iterator")
            }
            if let it = o as? NativeIterator {
                if let item = try it.next(i) { return item }
            } else {
                do {
                    return try i.callMethod(v, "__next__", [])
                } catch let e as PythonError where e.exceptionClass.isSubclass(of: BuiltinTypes.stopIteration) && args.positional.count > 1 {
                    return args.positional[1]
                }
            }
            if args.positional.count > 1 { return args.positional[1] }
            throw PythonError(BuiltinTypes.stopIteration, args: [])
        }
        add("enumerate", "enumerate(iterable, start=0)") { i, a in
            let it = try i.makeIterator(a["iterable"])
            var n = try a.int("start")
            return .object(NativeIterator(name: "enumerate") { interp in
                guard let v = try it.next(interp) else { return nil }
                defer { n &+= 1 }
                return .tuple([.int(n), v])
            })
        }
        add("zip") { i, args in
            let its = try args.positional.map { try i.makeIterator($0) }
            return .object(NativeIterator(name: "zip") { interp in
                if its.isEmpty { return nil }
                var row: [Value] = []
                for it in its {
                    guard let v = try it.next(interp) else { return nil }
                    row.append(v)
                }
                return .tuple(row)
            })
        }
        add("map") { i, args in
            guard let f = args.positional.first, args.positional.count >= 2 else { throw PythonError.typeError("map() must have at least two arguments.") }
            let its = try args.positional.dropFirst().map { try i.makeIterator($0) }
            return .object(NativeIterator(name: "map") { interp in
                var row: [Value] = []
                for it in its {
                    guard let v = try it.next(interp) else { return nil }
                    row.append(v)
                }
                return try interp.call(f, row)
            })
        }
        add("filter", "filter(function, iterable)") { i, a in
            let it = try i.makeIterator(a["iterable"])
            let f = a["function"]
            return .object(NativeIterator(name: "filter") { interp in
                while let v = try it.next(interp) {
                    if try interp.isTruthy(f.isNone ? v : try interp.call(f, [v])) { return v }
                }
                return nil
            })
        }
        add("reversed", "reversed(sequence)") { i, a in
            let seq = a["sequence"]
            if case .object(let o) = seq, !(o is PyRange), let m = o.pythonClass.lookup("__reversed__") {
                return try i.callBound(m, receiver: seq, Arguments())
            }
            let items: [Value]
            switch seq {
            case .list, .tuple, .str, .dict: items = try i.collect(seq)
            case .object(let o) where o is PyRange || o is DictView: items = try i.collect(seq)
            default:
                guard seq.pythonClass.lookup("__getitem__") != nil, seq.pythonClass.lookup("__len__") != nil else {
                    throw PythonError.typeError("'\(seq.typeName)' object is not reversible")
                }
                let n = try i.length(seq)
                items = try (0..<n).map { try i.getItem(seq, .int($0)) }
            }
            return .object(Interpreter.arrayIterator(items.reversed(), name: "reversed"))
        }
        add("sorted", "sorted(iterable, /, *, key=None, reverse=False)") { i, a in
            .list(PyList(try i.sorted(try i.collect(a["iterable"]), key: a.optional("key"), reverse: try i.isTruthy(a["reverse"]))))
        }
        add("any", "any(iterable)") { i, a in
            let it = try i.makeIterator(a["iterable"])
            while let v = try it.next(i) { if try i.isTruthy(v) { return .bool(true) } }
            return .bool(false)
        }
        add("all", "all(iterable)") { i, a in
            let it = try i.makeIterator(a["iterable"])
            while let v = try it.next(i) { if !(try i.isTruthy(v)) { return .bool(false) } }
            return .bool(true)
        }
        add("super") { i, args in
            guard args.positional.count == 2 else { throw PythonError.runtimeError("super(): no arguments") }
            return try i.construct(BuiltinTypes.superType, args)
        }
        return ns
    }
}

extension Interpreter {
    /// `len(value)`.
    public func length(_ v: Value) throws -> Int {
        switch v {
        case .str(let s): return s.unicodeScalars.count
        case .tuple(let t): return t.count
        case .list(let l): return l.items.count
        case .dict(let d): return d.count
        case .object(let o):
            if let s = o as? PySet { return s.count }
            if let r = o as? PyRange { return r.count }
            if let m = o.pythonClass.lookup("__len__") {
                let r = try callBound(m, receiver: v, Arguments())
                guard case .int(let n) = r else { throw PythonError.typeError("'\(r.typeName)' object cannot be interpreted as an integer") }
                if n < 0 { throw PythonError.valueError("__len__() should return >= 0") }
                return n
            }
        default: break
        }
        throw PythonError.typeError("object of type '\(v.typeName)' has no len()")
    }

    /// `isinstance(obj, cls)` / `issubclass` with a class or a tuple of classes.
    public func isInstance(_ v: Value, _ classes: Value, _ name: String = "isinstance", subclassCheck: Bool = false) throws -> Bool {
        switch classes {
        case .object(let cls as PyClass):
            if subclassCheck, case .object(let c as PyClass) = v { return c.isSubclass(of: cls) }
            return v.pythonClass.isSubclass(of: cls)
        case .tuple(let items):
            for item in items where try isInstance(v, item, name, subclassCheck: subclassCheck) { return true }
            return false
        default:
            throw PythonError.typeError("\(name)() arg 2 must be a type, a tuple of types, or a union")
        }
    }

    func round(_ number: Value, _ ndigits: Value?) throws -> Value {
        switch number {
        case .int, .bool:
            let n = try builtinInt(number)
            var digits = 0
            if let nd = ndigits {
                guard let d = try indexValue(nd) else {
                    throw PythonError.typeError("'\(nd.typeName)' object cannot be interpreted as an integer")
                }
                digits = d
            }
            guard digits < 0 else { return .int(n) }
            if digits < -18 { return .int(0) }
            var p = 1
            for _ in 0..<(-digits) { p *= 10 }
            let q = Double(n) / Double(p)
            let (rounded, overflow) = Int(q.rounded(.toNearestOrEven)).multipliedReportingOverflow(by: p)
            if overflow { throw Arithmetic.overflow() }
            return .int(rounded)
        case .float(let d):
            guard let nd = ndigits else {
                return .int(try Conversions.truncate(d.rounded(.toNearestOrEven)))
            }
            guard let digits = try indexValue(nd) else { throw PythonError.typeError("'\(nd.typeName)' object cannot be interpreted as an integer") }
            if !d.isFinite { return .float(d) }
            if digits >= 0 {
                // Correctly rounded, like CPython: format to `digits` decimals, read back.
                return .float(Double(FormatSpec.printf("%.\(min(digits, 340))f", d)) ?? d)
            }
            if digits < -308 { return .float(d.sign == .minus ? -0.0 : 0.0) }
            let scale = Foundation_pow10(-digits)
            return .float((d / scale).rounded(.toNearestOrEven) * scale)
        default:
            if case .object(let o) = number, let m = o.pythonClass.lookup("__round__") {
                return try callBound(m, receiver: number, Arguments(ndigits.map { [$0] } ?? []))
            }
            throw PythonError.typeError("type \(number.typeName) doesn't define __round__ method")
        }
    }

    /// `min`/`max` over one iterable or several arguments, with `key` and `default`.
    func extreme(_ args: Arguments, name: String, op: ComparisonOperator) throws -> Value {
        var key: Value?
        var defaultValue: Value?
        for (k, v) in args.keywords {
            switch k {
            case "key": key = v.isNone ? nil : v
            case "default": defaultValue = v
            default: throw PythonError.typeError("'\(k)' is an invalid keyword argument for \(name)()")
            }
        }
        let items: [Value]
        if args.positional.count == 1 {
            items = try collect(args.positional[0])
        } else if args.positional.isEmpty {
            throw PythonError.typeError("\(name) expected at least 1 argument, got 0")
        } else {
            if defaultValue != nil { throw PythonError.typeError("Cannot specify a default for \(name)() with multiple positional arguments") }
            items = args.positional
        }
        guard var best = items.first else {
            if let defaultValue { return defaultValue }
            throw PythonError.valueError("\(name)() arg is an empty sequence")
        }
        var bestKey = try key.map { try call($0, [best]) } ?? best
        for item in items.dropFirst() {
            let k = try key.map { try call($0, [item]) } ?? item
            if try isTruthy(try richCompare(op, k, bestKey)) {
                best = item
                bestKey = k
            }
        }
        return best
    }
}

import Foundation

func Foundation_pow10(_ n: Int) -> Double { Foundation.pow(10.0, Double(n)) }
