/// The methods of `list`, `tuple`, `range` and `slice`.
enum SequenceMethods {
    static func list(_ v: Value) -> PyList {
        if case .list(let l) = v { return l }
        return PyList()
    }

    static func installList(_ c: PyClass) {
        c.constructor = { interpreter, _, args in
            guard let v = args.positional.first else { return .list(PyList()) }
            return .list(PyList(try interpreter.collect(v)))
        }
        let b = NativeClassBuilder(c)
        b.method("append") { _, l, args in
            guard args.positional.count == 1 else { throw PythonError.typeError("list.append() takes exactly one argument (\(args.positional.count) given)") }
            list(l).items.append(args.positional[0])
            return .none
        }
        b.method("extend") { interpreter, l, args in
            guard let v = args.positional.first else { throw PythonError.typeError("list.extend() takes exactly one argument (0 given)") }
            let items = try interpreter.collect(v)
            list(l).items.append(contentsOf: items)
            return .none
        }
        b.method("insert") { interpreter, l, args in
            guard args.positional.count == 2, let i = try interpreter.indexValue(args.positional[0]) else {
                throw PythonError.typeError("insert expected 2 arguments")
            }
            let items = list(l).items
            let n = items.count
            let position = i < 0 ? max(0, i &+ n) : min(i, n)
            list(l).items.insert(args.positional[1], at: position)
            return .none
        }
        b.method("pop") { interpreter, l, args in
            let target = list(l)
            guard !target.items.isEmpty else { throw PythonError.indexError("pop from empty list") }
            let i = try args.positional.first.map { try interpreter.indexValue($0) ?? 0 } ?? -1
            let position = i < 0 ? i &+ target.items.count : i
            guard position >= 0 && position < target.items.count else { throw PythonError.indexError("pop index out of range") }
            return target.items.remove(at: position)
        }
        b.method("remove") { interpreter, l, args in
            guard let x = args.positional.first else { throw PythonError.typeError("list.remove() takes exactly one argument (0 given)") }
            let target = list(l)
            for (i, v) in target.items.enumerated() where try interpreter.equals(v, x) {
                // `__eq__` may have changed the list; remove only what is still there.
                if i < target.items.count { target.items.remove(at: i) }
                return .none
            }
            throw PythonError.valueError("list.remove(x): x not in list")
        }
        b.method("index") { interpreter, l, args in
            guard let x = args.positional.first else { throw PythonError.typeError("index expected at least 1 argument, got 0") }
            for (i, v) in list(l).items.enumerated() where try interpreter.equals(v, x) { return .int(i) }
            throw PythonError.valueError("\(try interpreter.repr(x)) is not in list")
        }
        b.method("count") { interpreter, l, args in
            guard let x = args.positional.first else { throw PythonError.typeError("count() takes exactly one argument (0 given)") }
            return .int(try list(l).items.filter { try interpreter.equals($0, x) }.count)
        }
        b.method("sort", "sort(*, key=None, reverse=False)") { interpreter, l, a in
            let target = list(l)
            target.items = try interpreter.sorted(target.items, key: a.optional("key"), reverse: try interpreter.isTruthy(a["reverse"]))
            return .none
        }
        b.method("reverse") { _, l, _ in
            list(l).items.reverse()
            return .none
        }
        b.method("clear") { _, l, _ in
            list(l).items.removeAll()
            return .none
        }
        b.method("copy") { _, l, _ in .list(PyList(list(l).items)) }
    }

    static func installTuple(_ c: PyClass) {
        c.constructor = { interpreter, _, args in
            guard let v = args.positional.first else { return .tuple([]) }
            return .tuple(try interpreter.collect(v))
        }
        let b = NativeClassBuilder(c)
        b.method("index") { interpreter, t, args in
            guard case .tuple(let items) = t, let x = args.positional.first else { throw PythonError.typeError("index expected 1 argument") }
            for (i, v) in items.enumerated() where try interpreter.equals(v, x) { return .int(i) }
            throw PythonError.valueError("tuple.index(x): x not in tuple")
        }
        b.method("count") { interpreter, t, args in
            guard case .tuple(let items) = t, let x = args.positional.first else { throw PythonError.typeError("count expected 1 argument") }
            return .int(try items.filter { try interpreter.equals($0, x) }.count)
        }
    }

    static func installRange(_ c: PyClass) {
        c.constructor = { interpreter, _, args in
            guard args.keywords.isEmpty else { throw PythonError.typeError("range() takes no keyword arguments") }
            let ints = try args.positional.map { v -> Int in
                guard let i = try interpreter.indexValue(v) else {
                    throw PythonError.typeError("'\(v.typeName)' object cannot be interpreted as an integer")
                }
                return i
            }
            switch ints.count {
            case 1: return .object(PyRange(start: 0, stop: ints[0], step: 1))
            case 2: return .object(PyRange(start: ints[0], stop: ints[1], step: 1))
            case 3:
                if ints[2] == 0 { throw PythonError.valueError("range() arg 3 must not be zero") }
                return .object(PyRange(start: ints[0], stop: ints[1], step: ints[2]))
            default:
                throw PythonError.typeError("range expected at most 3 arguments, got \(ints.count)")
            }
        }
        let b = NativeClassBuilder(c)
        b.property("start") { _, r in .int((r.as(PyRange.self))?.start ?? 0) }
        b.property("stop") { _, r in .int((r.as(PyRange.self))?.stop ?? 0) }
        b.property("step") { _, r in .int((r.as(PyRange.self))?.step ?? 1) }
    }

    static func installSlice(_ c: PyClass) {
        c.constructor = { _, _, args in
            let p = args.positional
            switch p.count {
            case 1: return .object(PySlice(start: .none, stop: p[0], step: .none))
            case 2: return .object(PySlice(start: p[0], stop: p[1], step: .none))
            case 3: return .object(PySlice(start: p[0], stop: p[1], step: p[2]))
            default: throw PythonError.typeError("slice expected at least 1 argument, got \(p.count)")
            }
        }
        let b = NativeClassBuilder(c)
        b.property("start") { _, s in s.as(PySlice.self)?.start ?? .none }
        b.property("stop") { _, s in s.as(PySlice.self)?.stop ?? .none }
        b.property("step") { _, s in s.as(PySlice.self)?.step ?? .none }
        b.method("indices") { interpreter, s, args in
            guard let slice = s.as(PySlice.self), let n = try args.positional.first.flatMap({ try interpreter.indexValue($0) }) else {
                throw PythonError.typeError("indices() takes one integer argument")
            }
            let (start, stop, step, _) = try slice.indices(length: n, interpreter)
            return .tuple([.int(start), .int(stop), .int(step)])
        }
    }
}

extension Interpreter {
    /// A stable merge sort whose comparisons may run user code (`key`, `__lt__`).
    public func sorted(_ items: [Value], key: Value?, reverse: Bool) throws -> [Value] {
        let keys = try key.map { k in try items.map { try call(k, [$0]) } } ?? items
        var order = Array(items.indices)
        var buffer = order
        func less(_ a: Int, _ b: Int) throws -> Bool {
            let (x, y) = reverse ? (keys[b], keys[a]) : (keys[a], keys[b])
            return try isTruthy(try richCompare(.less, x, y))
        }
        var width = 1
        while width < order.count {
            var start = 0
            while start < order.count {
                let mid = min(start + width, order.count), end = min(start + 2 * width, order.count)
                var i = start, j = mid, k = start
                while i < mid && j < end {
                    if try less(order[j], order[i]) {
                        buffer[k] = order[j]
                        j += 1
                    } else {
                        buffer[k] = order[i]
                        i += 1
                    }
                    k += 1
                }
                while i < mid { buffer[k] = order[i]; i += 1; k += 1 }
                while j < end { buffer[k] = order[j]; j += 1; k += 1 }
                start += 2 * width
            }
            swap(&order, &buffer)
            width *= 2
            try checkDeadline()
        }
        return order.map { items[$0] }
    }
}
