extension Interpreter {
    /// An int from an int, bool, or object with `__index__`; nil for anything else.
    public func indexValue(_ v: Value) throws -> Int? {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            guard let method = o.pythonClass.lookup("__index__") else { return nil }
            let r = try callBound(method, receiver: v, Arguments())
            if case .int(let i) = r { return i }
            throw PythonError.typeError("__index__ returned non-int (type \(r.typeName))")
        default: return nil
        }
    }

    private func normalized(_ index: Int, count: Int, _ what: String) throws -> Int {
        let i = index < 0 ? index &+ count : index
        guard i >= 0 && i < count else { throw PythonError.indexError("\(what) index out of range") }
        return i
    }

    private func sliced<T>(_ items: [T], _ slice: PySlice) throws -> [T] {
        let (start, _, step, count) = try slice.indices(length: items.count, self)
        if step == 1 { return Array(items[start..<(start + count)]) }
        var out: [T] = []
        out.reserveCapacity(count)
        var i = start
        for _ in 0..<count {
            out.append(items[i])
            i += step
        }
        return out
    }

    // MARK: - Reading items

    /// `container[index]`.
    public func getItem(_ container: Value, _ index: Value) throws -> Value {
        switch container {
        case .list(let l):
            if let i = try indexValue(index) { return l.items[try normalized(i, count: l.items.count, "list")] }
            if case .object(let s as PySlice) = index { return .list(PyList(try sliced(l.items, s))) }
            throw PythonError.typeError("list indices must be integers or slices, not \(index.typeName)")
        case .tuple(let t):
            if let i = try indexValue(index) { return t[try normalized(i, count: t.count, "tuple")] }
            if case .object(let s as PySlice) = index { return .tuple(try sliced(t, s)) }
            throw PythonError.typeError("tuple indices must be integers or slices, not \(index.typeName)")
        case .str(let str):
            let scalars = Array(str.unicodeScalars)
            if let i = try indexValue(index) { return .str(String(scalars[try normalized(i, count: scalars.count, "string")])) }
            if case .object(let s as PySlice) = index {
                var out = String.UnicodeScalarView()
                out.append(contentsOf: try sliced(scalars, s))
                return .str(String(out))
            }
            throw PythonError.typeError("string indices must be integers, not '\(index.typeName)'")
        case .dict(let d):
            if let v = try d.get(index, self) { return v }
            throw PythonError(BuiltinTypes.keyError, args: [index])
        case .object(let o):
            if let r = o as? PyRange {
                if let i = try indexValue(index) {
                    guard let v = r.element(i < 0 ? i &+ r.count : i) else { throw PythonError.indexError("range object index out of range") }
                    return .int(v)
                }
                if case .object(let s as PySlice) = index {
                    let (start, _, step, count) = try s.indices(length: r.count, self)
                    let first = r.element(start) ?? r.stop
                    let (newStep, o) = r.step.multipliedReportingOverflow(by: step)
                    if o { throw Arithmetic.overflow() }
                    return .object(PyRange(start: first, stop: first &+ newStep &* count, step: newStep))
                }
            }
            if let method = o.pythonClass.lookup("__getitem__") {
                return try callBound(method, receiver: container, Arguments([index]))
            }
            if let cls = o as? PyClass, let method = cls.lookup("__class_getitem__") {
                return try call(method, [container, index])
            }
        default:
            break
        }
        throw PythonError.typeError("'\(container.typeName)' object is not subscriptable")
    }

    // MARK: - Writing items

    /// `container[index] = value`, including slice assignment on lists.
    public func setItem(_ container: Value, _ index: Value, _ value: Value) throws {
        switch container {
        case .list(let l):
            if let i = try indexValue(index) {
                l.items[try normalized(i, count: l.items.count, "list assignment")] = value
                return
            }
            if case .object(let s as PySlice) = index {
                let replacement = try collect(value)
                let (start, stop, step, count) = try s.indices(length: l.items.count, self)
                if step == 1 {
                    l.items.replaceSubrange(start..<max(start, stop), with: replacement)
                    return
                }
                guard replacement.count == count else {
                    throw PythonError.valueError("attempt to assign sequence of size \(replacement.count) to extended slice of size \(count)")
                }
                var i = start
                for v in replacement {
                    l.items[i] = v
                    i += step
                }
                return
            }
            throw PythonError.typeError("list indices must be integers or slices, not \(index.typeName)")
        case .dict(let d):
            try d.set(index, value, self)
            return
        case .object(let o):
            if let method = o.pythonClass.lookup("__setitem__") {
                _ = try callBound(method, receiver: container, Arguments([index, value]))
                return
            }
        default:
            break
        }
        throw PythonError.typeError("'\(container.typeName)' object does not support item assignment")
    }

    /// `del container[index]`.
    public func deleteItem(_ container: Value, _ index: Value) throws {
        switch container {
        case .list(let l):
            if let i = try indexValue(index) {
                l.items.remove(at: try normalized(i, count: l.items.count, "list assignment"))
                return
            }
            if case .object(let s as PySlice) = index {
                let (start, _, step, count) = try s.indices(length: l.items.count, self)
                var doomed = Set<Int>()
                var i = start
                for _ in 0..<count {
                    doomed.insert(i)
                    i += step
                }
                l.items = l.items.enumerated().filter { !doomed.contains($0.offset) }.map(\.element)
                return
            }
            throw PythonError.typeError("list indices must be integers or slices, not \(index.typeName)")
        case .dict(let d):
            if try d.remove(index, self) == nil { throw PythonError(BuiltinTypes.keyError, args: [index]) }
            return
        case .object(let o):
            if let method = o.pythonClass.lookup("__delitem__") {
                _ = try callBound(method, receiver: container, Arguments([index]))
                return
            }
        default:
            break
        }
        throw PythonError.typeError("'\(container.typeName)' object doesn't support item deletion")
    }

    // MARK: - Membership

    /// `item in container`.
    public func contains(_ container: Value, _ item: Value) throws -> Bool {
        switch container {
        case .list(let l):
            for v in l.items where try v.isIdentical(to: item) || equals(v, item) { return true }
            return false
        case .tuple(let t):
            for v in t where try v.isIdentical(to: item) || equals(v, item) { return true }
            return false
        case .str(let s):
            guard case .str(let sub) = item else {
                throw PythonError.typeError("'in <string>' requires string as left operand, not \(item.typeName)")
            }
            return sub.isEmpty || s.contains(sub)
        case .dict(let d):
            return try d.get(item, self) != nil
        case .object(let o):
            if let set = o as? PySet { return try set.contains(item, self) }
            if let r = o as? PyRange {
                guard case .int(let i) = item else { break }
                if r.step > 0 ? (i < r.start || i >= r.stop) : (i > r.start || i <= r.stop) { return false }
                return (i &- r.start) % r.step == 0
            }
            if let method = o.pythonClass.lookup("__contains__") {
                return try isTruthy(try callBound(method, receiver: container, Arguments([item])))
            }
        default:
            break
        }
        let cls = container.pythonClass
        guard cls.lookup("__iter__") != nil || cls.lookup("__getitem__") != nil || container.objectIdentity is NativeIterator else {
            throw PythonError.typeError("argument of type '\(container.typeName)' is not iterable")
        }
        let it = try makeIterator(container)
        while let v = try it.next(self) {
            if try v.isIdentical(to: item) || equals(v, item) { return true }
        }
        return false
    }
}
