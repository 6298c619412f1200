import Diagnostics

extension Interpreter {
    /// Evaluates an expression in a frame.
    func eval(_ e: Expr, _ frame: Frame) throws -> Value {
        switch e.kind {
        case .constant(let v):
            return v
        case .name(let ref):
            return try load(ref, frame, e.location)
        case .binary(let op, let l, let r):
            let a = try eval(l, frame)
            let b = try eval(r, frame)
            do {
                return try binary(op, a, b)
            } catch {
                throw located(error, e.location)
            }
        case .call(let callee, let args):
            return try evalCall(callee, args, frame, e.location)
        case .attribute(let object, let name):
            let o = try eval(object, frame)
            do {
                return try getAttribute(o, name)
            } catch {
                throw located(error, e.location)
            }
        case .item(let object, let index):
            let o = try eval(object, frame)
            let i = try eval(index, frame)
            do {
                return try getItem(o, i)
            } catch {
                throw located(error, e.location)
            }
        case .compare(let first, let rest):
            var left = try eval(first, frame)
            for (i, (op, rightExpr)) in rest.enumerated() {
                let right = try eval(rightExpr, frame)
                let result: Value
                do {
                    result = try compare(op, left, right)
                } catch {
                    throw located(error, e.location)
                }
                if i == rest.count - 1 { return result }
                if !(try isTruthy(result)) { return result }
                left = right
            }
            return .bool(true)
        case .logical(let isAnd, let items):
            var value = Value.none
            for item in items {
                value = try eval(item, frame)
                let truth = try isTruthy(value)
                if isAnd != truth { return value }
            }
            return value
        case .not(let x):
            return .bool(!(try isTruthy(try eval(x, frame))))
        case .unary(let op, let x):
            let v = try eval(x, frame)
            do {
                return try unary(op, v)
            } catch {
                throw located(error, e.location)
            }
        case .conditional(let test, let body, let orElse):
            return try isTruthy(try eval(test, frame)) ? try eval(body, frame) : try eval(orElse, frame)
        case .formattedString(let parts):
            return .str(try formatParts(parts, frame))
        case .tuple(let items):
            return .tuple(try evalItems(items, frame))
        case .list(let items):
            return .list(PyList(try evalItems(items, frame)))
        case .set(let items):
            let set = PySet()
            for v in try evalItems(items, frame) { try set.insert(v, self) }
            return .object(set)
        case .dict(let pairs):
            let dict = PyDict()
            for pair in pairs {
                if let k = pair.key {
                    let key = try eval(k, frame)
                    try dict.set(key, try eval(pair.value, frame), self)
                } else {
                    let mapping = try eval(pair.value, frame)
                    try mergeMapping(mapping, into: dict)
                }
            }
            return .dict(dict)
        case .slice(let a, let b, let c):
            return .object(PySlice(
                start: try a.map { try eval($0, frame) } ?? .none,
                stop: try b.map { try eval($0, frame) } ?? .none,
                step: try c.map { try eval($0, frame) } ?? .none))
        case .lambda(let code):
            return try makeFunction(code, frame)
        case .comprehension(let comp):
            return try evalComprehension(comp, frame)
        case .starred:
            throw PythonError(BuiltinTypes.syntaxError, "can't use starred expression here")
        case .yield(let valueExpr):
            let value = try valueExpr.map { try eval($0, frame) } ?? .none
            guard let coroutine = frame.coroutine else { throw PythonError.runtimeError("'yield' outside a running generator") }
            return try coroutine.suspend(yielding: value)
        case .yieldFrom(let iterableExpr):
            let iterator = try makeIterator(try eval(iterableExpr, frame))
            guard let coroutine = frame.coroutine else { throw PythonError.runtimeError("'yield' outside a running generator") }
            while let item = try iterator.next(self) { _ = try coroutine.suspend(yielding: item) }
            return .none
        }
    }

    /// Items of a display, expanding `*iterable`.
    func evalItems(_ items: [Expr], _ frame: Frame) throws -> [Value] {
        var out: [Value] = []
        out.reserveCapacity(items.count)
        for item in items {
            if case .starred(let inner) = item.kind {
                out.append(contentsOf: try collect(try eval(inner, frame)))
            } else {
                out.append(try eval(item, frame))
            }
        }
        return out
    }

    func mergeMapping(_ mapping: Value, into dict: PyDict) throws {
        if case .dict(let other) = mapping {
            for (k, v) in other.items { try dict.set(k, v, self) }
            return
        }
        let keys = try collect(try callMethod(mapping, "keys", []))
        for k in keys { try dict.set(k, try getItem(mapping, k), self) }
    }

    /// Gives an exception without a location the location of the expression.
    func located(_ error: Error, _ location: SourceLocation) -> Error {
        var e = pythonError(from: error)
        if e.location == nil { e.location = location }
        return e
    }

    // MARK: - Names

    @inline(__always)
    func load(_ ref: NameReference, _ frame: Frame, _ location: SourceLocation) throws -> Value {
        switch ref.scope {
        case .fast(let slot):
            if let v = frame.fast[slot] { return v }
            throw unboundLocal(ref.name, location)
        case .cell(let index):
            if let v = frame.cells[index].value { return v }
            var e = frame.function?.code.scope.freeNames.contains(ref.name) == true
                ? PythonError(BuiltinTypes.nameError, "cannot access free variable '\(ref.name)' where it is not associated with a value in enclosing scope")
                : PythonError(BuiltinTypes.unboundLocalError, "cannot access local variable '\(ref.name)' where it is not associated with a value")
            e.location = location
            throw e
        case .global:
            return try loadGlobal(ref, frame.globals, location)
        case .classBody:
            if let v = frame.classNamespace?[ref.name] { return v }
            return try loadGlobal(ref, frame.globals, location)
        }
    }

    private func unboundLocal(_ name: String, _ location: SourceLocation) -> PythonError {
        var e = PythonError(BuiltinTypes.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value")
        e.location = location
        return e
    }

    @inline(__always)
    func loadGlobal(_ ref: NameReference, _ globals: Namespace, _ location: SourceLocation) throws -> Value {
        if ref.globalNamespace != ObjectIdentifier(globals) {
            ref.globalSlot = globals.slot(for: ref.name)
            ref.globalNamespace = ObjectIdentifier(globals)
        }
        if let v = globals.slots[ref.globalSlot] { return v }
        if let v = builtins[ref.name] { return v }
        var e = PythonError(BuiltinTypes.nameError, "name '\(ref.name)' is not defined")
        e.location = location
        throw e
    }

    @inline(__always)
    func store(_ ref: NameReference, _ value: Value, _ frame: Frame) {
        switch ref.scope {
        case .fast(let slot): frame.fast[slot] = value
        case .cell(let index): frame.cells[index].value = value
        case .global:
            if ref.globalNamespace != ObjectIdentifier(frame.globals) {
                ref.globalSlot = frame.globals.slot(for: ref.name)
                ref.globalNamespace = ObjectIdentifier(frame.globals)
            }
            frame.globals.slots[ref.globalSlot] = value
        case .classBody:
            if frame.classNamespace != nil {
                frame.classNamespace?[ref.name] = value
            } else {
                frame.globals[ref.name] = value
            }
        }
    }

    func delete(_ ref: NameReference, _ frame: Frame, _ location: SourceLocation) throws {
        _ = try load(ref, frame, location)
        switch ref.scope {
        case .fast(let slot): frame.fast[slot] = nil
        case .cell(let index): frame.cells[index].value = nil
        case .global: frame.globals[ref.name] = nil
        case .classBody:
            if frame.classNamespace?[ref.name] != nil { frame.classNamespace?[ref.name] = nil } else { frame.globals[ref.name] = nil }
        }
    }

    // MARK: - Functions

    func makeFunction(_ code: FunctionCode, _ frame: Frame) throws -> Value {
        let defaults = try code.parameters.defaults.map { try eval($0, frame) }
        var keywordDefaults: [String: Value] = [:]
        for name in code.parameters.keywordOnly {
            if let d = code.parameters.keywordDefaults[name] { keywordDefaults[name] = try eval(d, frame) }
        }
        let closure = code.scope.closureSources.map { $0 >= 0 && $0 < frame.cells.count ? frame.cells[$0] : Cell() }
        return .object(PyFunction(code: code, defaults: defaults, keywordDefaults: keywordDefaults, closure: closure, globals: frame.globals))
    }

    // MARK: - f-strings

    func formatParts(_ parts: [FormattedPart], _ frame: Frame) throws -> String {
        var out = ""
        for part in parts {
            switch part {
            case .literal(let s):
                out += s
            case .field(let e, let conversion, let spec, let selfDocumenting):
                var value = try eval(e, frame)
                if let selfDocumenting { out += selfDocumenting }
                switch conversion {
                case "r": value = .str(try repr(value))
                case "s": value = .str(try str(value))
                case "a": value = .str(Repr.ascii(try repr(value)))
                default: break
                }
                let specText = try spec.map { try formatParts($0, frame) } ?? ""
                do {
                    out += try format(value, specText)
                } catch {
                    throw located(error, e.location)
                }
            }
        }
        return out
    }
}
