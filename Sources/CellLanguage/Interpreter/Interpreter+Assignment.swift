extension Interpreter {
    /// Binds `value` to an assignment target: a name, attribute, subscript, or a
    /// (nested, possibly starred) tuple/list of targets.
    func assign(_ target: Expr, _ value: Value, _ frame: Frame) throws {
        switch target.kind {
        case .name(let ref):
            store(ref, value, frame)
        case .attribute(let objectExpr, let name):
            let object = try eval(objectExpr, frame)
            do { try setAttribute(object, name, value) } catch { throw located(error, target.location) }
        case .item(let objectExpr, let indexExpr):
            let object = try eval(objectExpr, frame)
            let index = try eval(indexExpr, frame)
            do { try setItem(object, index, value) } catch { throw located(error, target.location) }
        case .tuple(let targets), .list(let targets):
            let values: [Value]
            do { values = try unpack(value, into: targets) } catch { throw located(error, target.location) }
            for (t, v) in zip(targets, values) {
                if case .starred(let inner) = t.kind { try assign(inner, v, frame) } else { try assign(t, v, frame) }
            }
        case .starred(let inner):
            try assign(inner, value, frame)
        default:
            throw PythonError(BuiltinTypes.syntaxError, "cannot assign to expression")
        }
    }

    /// Splits `value` into one value per target; a starred target takes a list of the rest.
    private func unpack(_ value: Value, into targets: [Expr]) throws -> [Value] {
        let items: [Value]
        switch value {
        case .tuple(let t): items = t
        case .list(let l): items = l.items
        default:
            do {
                items = try collect(value)
            } catch let e as PythonError where e.exceptionClass === BuiltinTypes.typeError {
                throw PythonError.typeError("cannot unpack non-iterable \(value.typeName) object")
            }
        }
        let starIndex = targets.firstIndex { if case .starred = $0.kind { return true } else { return false } }
        guard let star = starIndex else {
            if items.count > targets.count {
                throw PythonError.valueError("too many values to unpack (expected \(targets.count))")
            }
            if items.count < targets.count {
                throw PythonError.valueError("not enough values to unpack (expected \(targets.count), got \(items.count))")
            }
            return items
        }
        let after = targets.count - star - 1
        guard items.count >= targets.count - 1 else {
            throw PythonError.valueError("not enough values to unpack (expected at least \(targets.count - 1), got \(items.count))")
        }
        var out = Array(items[..<star])
        out.append(.list(PyList(Array(items[star..<(items.count - after)]))))
        out.append(contentsOf: items[(items.count - after)...])
        return out
    }

    /// `a op= b` with Python's semantics: the target's container and index are
    /// evaluated once, and `__iop__` is tried before `__op__`.
    func augmentedAssign(_ target: Expr, _ op: BinaryOperator, _ valueExpr: Expr, _ frame: Frame) throws {
        switch target.kind {
        case .name(let ref):
            let current = try load(ref, frame, target.location)
            let value = try eval(valueExpr, frame)
            do { store(ref, try inPlace(op, current, value), frame) } catch { throw located(error, target.location) }
        case .attribute(let objectExpr, let name):
            let object = try eval(objectExpr, frame)
            do {
                let current = try getAttribute(object, name)
                let value = try eval(valueExpr, frame)
                try setAttribute(object, name, try inPlace(op, current, value))
            } catch { throw located(error, target.location) }
        case .item(let objectExpr, let indexExpr):
            let object = try eval(objectExpr, frame)
            let index = try eval(indexExpr, frame)
            do {
                let current = try getItem(object, index)
                let value = try eval(valueExpr, frame)
                try setItem(object, index, try inPlace(op, current, value))
            } catch { throw located(error, target.location) }
        default:
            throw PythonError(BuiltinTypes.syntaxError, "illegal expression for augmented assignment")
        }
    }

    func deleteTarget(_ target: Expr, _ frame: Frame) throws {
        switch target.kind {
        case .name(let ref):
            try delete(ref, frame, target.location)
        case .attribute(let objectExpr, let name):
            let object = try eval(objectExpr, frame)
            do { try deleteAttribute(object, name) } catch { throw located(error, target.location) }
        case .item(let objectExpr, let indexExpr):
            let object = try eval(objectExpr, frame)
            let index = try eval(indexExpr, frame)
            do { try deleteItem(object, index) } catch { throw located(error, target.location) }
        case .tuple(let items), .list(let items):
            for item in items { try deleteTarget(item, frame) }
        default:
            throw PythonError(BuiltinTypes.syntaxError, "cannot delete expression")
        }
    }

    // MARK: - Imports

    /// The module `name`; Python names the first missing package of a dotted name.
    func importModule(_ name: String) throws -> PyModule {
        if let module = modules[name] { return module }
        var prefix = ""
        for part in name.split(separator: ".") {
            prefix += prefix.isEmpty ? String(part) : "." + part
            if modules[prefix] == nil { break }
        }
        throw PythonError(BuiltinTypes.moduleNotFoundError, "No module named '\(prefix)'")
    }
}
