/// An iterator implemented in Swift: list/range/dict iterators, `zip`,
/// `enumerate`, generator expressions, and native `__iter__` results.
///
///     NativeIterator(name: "batch_iterator") { interpreter in nextBatch() }  // nil ends it
public final class NativeIterator: PythonObject {
    public typealias Step = (Interpreter) throws -> Value?
    let step: Step
    public let pythonClass: PyClass
    private var finished = false

    public init(name: String = "iterator", _ step: @escaping Step) {
        self.step = step
        self.pythonClass = BuiltinTypes.iteratorClass(named: name)
    }

    /// The next item, or nil when exhausted (and on every call after that).
    public func next(_ interpreter: Interpreter) throws -> Value? {
        if finished { return nil }
        if let v = try step(interpreter) { return v }
        finished = true
        return nil
    }
}

extension Interpreter {
    // MARK: - The iteration protocol

    /// `iter(value)` as a Swift iterator.
    public func makeIterator(_ value: Value) throws -> NativeIterator {
        switch value {
        case .list(let list):
            var i = 0
            return NativeIterator(name: "list_iterator") { _ in
                guard i < list.items.count else { return nil }
                defer { i += 1 }
                return list.items[i]
            }
        case .tuple(let items):
            return Interpreter.arrayIterator(items, name: "tuple_iterator")
        case .str(let s):
            return Interpreter.arrayIterator(s.unicodeScalars.map { .str(String($0)) }, name: "str_iterator")
        case .dict(let d):
            return Interpreter.arrayIterator(d.keys, name: "dict_keyiterator")
        case .object(let o):
            switch o {
            case let it as NativeIterator:
                return it
            case let range as PyRange:
                var i = range.start
                var done = false
                return NativeIterator(name: "range_iterator") { _ in
                    guard !done, range.step > 0 ? i < range.stop : i > range.stop else { return nil }
                    let v = i
                    let (next, overflow) = i.addingReportingOverflow(range.step)
                    if overflow { done = true } else { i = next }
                    return .int(v)
                }
            case let set as PySet:
                return Interpreter.arrayIterator(set.elements, name: "set_iterator")
            default:
                break
            }
            if let iterMethod = o.pythonClass.lookup("__iter__") {
                let iterator = try callBound(iterMethod, receiver: value, Arguments())
                if case .object(let it as NativeIterator) = iterator { return it }
                guard iterator.pythonClass.lookup("__next__") != nil else {
                    throw PythonError.typeError("iter() returned non-iterator of type '\(iterator.typeName)'")
                }
                return NativeIterator(name: iterator.typeName) { interpreter in
                    do {
                        return try interpreter.callMethod(iterator, "__next__", [])
                    } catch let e as PythonError where e.exceptionClass.isSubclass(of: BuiltinTypes.stopIteration) {
                        return nil
                    }
                }
            }
            if o.pythonClass.lookup("__getitem__") != nil {
                var i = 0
                return NativeIterator(name: "iterator") { interpreter in
                    do {
                        defer { i += 1 }
                        return try interpreter.getItem(value, .int(i))
                    } catch let e as PythonError where e.exceptionClass.isSubclass(of: BuiltinTypes.indexError) || e.exceptionClass.isSubclass(of: BuiltinTypes.stopIteration) {
                        return nil
                    }
                }
            }
        default:
            break
        }
        throw PythonError.typeError("'\(value.typeName)' object is not iterable")
    }

    static func arrayIterator(_ items: [Value], name: String) -> NativeIterator {
        var i = 0
        return NativeIterator(name: name) { _ in
            guard i < items.count else { return nil }
            defer { i += 1 }
            return items[i]
        }
    }

    /// All items of an iterable, in order (`list(value)`).
    public func collect(_ value: Value) throws -> [Value] {
        switch value {
        case .list(let l): return l.items
        case .tuple(let t): return t
        case .object(let r as PyRange) where r.count > 1 << 28:
            throw PythonError(BuiltinTypes.memoryError, args: [])
        default:
            let it = try makeIterator(value)
            var out: [Value] = []
            while let v = try it.next(self) {
                try checkDeadline()
                out.append(v)
            }
            return out
        }
    }

    /// Calls `body` for each item of an iterable; native code's `for` loop.
    public func forEach(_ value: Value, _ body: (Value) throws -> Void) throws {
        let it = try makeIterator(value)
        while let v = try it.next(self) {
            try checkDeadline()
            try body(v)
        }
    }

    // MARK: - Comprehensions

    private func comprehensionFrame(_ comp: Comprehension, _ frame: Frame) -> Frame {
        let scope = comp.scope
        var cells: [Cell] = scope.cellNames.map { _ in Cell() }
        cells.append(contentsOf: scope.closureSources.map { $0 >= 0 && $0 < frame.cells.count ? frame.cells[$0] : Cell() })
        let inner = Frame(fastCount: scope.fastNames.count, cells: cells, globals: frame.globals, function: nil, name: "<comprehension>")
        inner.classNamespace = nil
        return inner
    }

    func evalComprehension(_ comp: Comprehension, _ frame: Frame) throws -> Value {
        guard let first = comp.clauses.first else { return .none }
        let firstIterable = try eval(first.iterable, frame)
        let inner = comprehensionFrame(comp, frame)
        inner.current = frame.current
        switch comp.kind {
        case .generator:
            return .object(generator(comp, firstIterable, inner))
        case .list:
            var out: [Value] = []
            try runClauses(comp, 0, firstIterable, inner) { out.append(try eval(comp.element, inner)) }
            return .list(PyList(out))
        case .set:
            let set = PySet()
            try runClauses(comp, 0, firstIterable, inner) { try set.insert(try eval(comp.element, inner), self) }
            return .object(set)
        case .dict:
            let dict = PyDict()
            try runClauses(comp, 0, firstIterable, inner) {
                let key = try eval(comp.element, inner)
                try dict.set(key, try eval(comp.value ?? comp.element, inner), self)
            }
            return .dict(dict)
        }
    }

    private func runClauses(_ comp: Comprehension, _ level: Int, _ iterable: Value, _ frame: Frame, _ emit: () throws -> Void) throws {
        let clause = comp.clauses[level]
        let it = try makeIterator(iterable)
        outer: while let item = try it.next(self) {
            try checkDeadline()
            try assign(clause.target, item, frame)
            for condition in clause.conditions where !(try isTruthy(try eval(condition, frame))) { continue outer }
            if level + 1 < comp.clauses.count {
                try runClauses(comp, level + 1, try eval(comp.clauses[level + 1].iterable, frame), frame, emit)
            } else {
                try emit()
            }
        }
    }

    /// A lazy generator expression: each `next` advances the clause iterators
    /// just far enough to produce one element.
    private func generator(_ comp: Comprehension, _ firstIterable: Value, _ frame: Frame) -> NativeIterator {
        var iterators: [NativeIterator?] = Array(repeating: nil, count: comp.clauses.count)
        var level = 0
        var started = false
        return NativeIterator(name: "generator") { interpreter in
            if !started {
                started = true
                iterators[0] = try interpreter.makeIterator(firstIterable)
            }
            while level >= 0 {
                try interpreter.checkDeadline()
                let clause = comp.clauses[level]
                if iterators[level] == nil {
                    iterators[level] = try interpreter.makeIterator(try interpreter.eval(clause.iterable, frame))
                }
                guard let iterator = iterators[level], let item = try iterator.next(interpreter) else {
                    iterators[level] = nil
                    level -= 1
                    continue
                }
                try interpreter.assign(clause.target, item, frame)
                var passes = true
                for condition in clause.conditions where !(try interpreter.isTruthy(try interpreter.eval(condition, frame))) {
                    passes = false
                    break
                }
                if !passes { continue }
                if level + 1 < comp.clauses.count {
                    level += 1
                    continue
                }
                return try interpreter.eval(comp.element, frame)
            }
            return nil
        }
    }
}
