import Diagnostics

extension Interpreter {
    func exec(_ body: [Stmt], _ frame: Frame) throws -> Flow {
        for s in body {
            let flow = try exec(s, frame)
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }

    func exec(_ s: Stmt, _ frame: Frame) throws -> Flow {
        frame.current = s
        do {
            return try execUnlocated(s, frame)
        } catch let error as PythonError {
            if error.location == nil {
                var e = error
                e.location = s.location
                throw e
            }
            throw error
        }
    }

    private func execUnlocated(_ s: Stmt, _ frame: Frame) throws -> Flow {
        switch s.kind {
        case .expression(let e):
            _ = try eval(e, frame)
        case .assign(let targets, let value):
            let v = try eval(value, frame)
            for t in targets { try assign(t, v, frame) }
        case .augmentedAssign(let target, let op, let valueExpr):
            try augmentedAssign(target, op, valueExpr, frame)
        case .annotatedAssign(let target, let value):
            if let value { try assign(target, try eval(value, frame), frame) }
        case .pass, .global, .nonlocal:
            break
        case .break:
            return .breakLoop
        case .continue:
            return .continueLoop
        case .return(let e):
            return .returnValue(try e.map { try eval($0, frame) } ?? .none)
        case .if(let test, let body, let orElse):
            if try isTruthy(try eval(test, frame)) { return try exec(body, frame) }
            return try exec(orElse, frame)
        case .while(let test, let body, let orElse):
            while try isTruthy(try eval(test, frame)) {
                try checkDeadline()
                let flow = try exec(body, frame)
                switch flow {
                case .breakLoop: return .normal
                case .returnValue: return flow
                default: break
                }
                frame.current = s
            }
            return try exec(orElse, frame)
        case .for(let target, let iterableExpr, let body, let orElse):
            return try execFor(s, target, iterableExpr, body, orElse, frame)
        case .raise(let e, let cause):
            try execRaise(e, cause, frame)
        case .try(let body, let handlers, let orElse, let finally):
            return try execTry(s, body, handlers, orElse, finally, frame)
        case .with(let items, let body):
            return try execWith(items[...], body, frame)
        case .assert(let test, let message):
            if !(try isTruthy(try eval(test, frame))) {
                let args = try message.map { [try eval($0, frame)] } ?? []
                throw PythonError(BuiltinTypes.assertionError, args: args)
            }
        case .delete(let targets):
            for t in targets { try deleteTarget(t, frame) }
        case .import(let items):
            for item in items {
                let module = try importModule(item.module)
                if let alias = item.alias {
                    try assign(nameExpr(alias, s), .object(module), frame)
                } else {
                    let top = String(item.module.split(separator: ".").first ?? "")
                    try assign(nameExpr(top, s), .object(try importModule(top)), frame)
                }
            }
        case .importFrom(let moduleName, let names):
            let module = try importModule(moduleName)
            for (name, alias) in names {
                if name == "*" {
                    for (key, value) in module.attributes.entries where !key.hasPrefix("_") { frame.globals[key] = value }
                    continue
                }
                var value = module.attributes[name]
                if value == nil, let sub = modules["\(moduleName).\(name)"] { value = .object(sub) }
                guard let value else {
                    throw PythonError(BuiltinTypes.importError, "cannot import name '\(name)' from '\(moduleName)'")
                }
                try assign(nameExpr(alias ?? name, s), value, frame)
            }
        case .functionDef(let code, let decorators):
            let decoratorValues = try decorators.map { try eval($0, frame) }
            var function = try makeFunction(code, frame)
            for d in decoratorValues.reversed() { function = try call(d, [function]) }
            try assign(nameExpr(code.name, s), function, frame)
        case .classDef(let code, let decorators):
            let decoratorValues = try decorators.map { try eval($0, frame) }
            var cls = try makeClass(code, frame)
            for d in decoratorValues.reversed() { cls = try call(d, [cls]) }
            try assign(nameExpr(code.name, s), cls, frame)
        }
        return .normal
    }

    /// A name expression for binding statements (`def f`, `import x`); resolved
    /// like the assignment the resolver saw.
    private func nameExpr(_ name: String, _ s: Stmt) -> Expr {
        Expr(.name(s.bindings[name] ?? NameReference(name)), s.location)
    }

    // MARK: - Loops

    private func execFor(_ s: Stmt, _ target: Expr, _ iterableExpr: Expr, _ body: [Stmt], _ orElse: [Stmt], _ frame: Frame) throws -> Flow {
        let iterable = try eval(iterableExpr, frame)
        // Fast paths: range and list iterate without an iterator object.
        if case .object(let o) = iterable, let range = o as? PyRange {
            var i = range.start
            while range.step > 0 ? i < range.stop : i > range.stop {
                try checkDeadline()
                try assign(target, .int(i), frame)
                let flow = try exec(body, frame)
                switch flow {
                case .breakLoop: return .normal
                case .returnValue: return flow
                default: break
                }
                let (next, overflow) = i.addingReportingOverflow(range.step)
                if overflow { break }
                i = next
            }
            return try exec(orElse, frame)
        }
        let iterator = try makeIterator(iterable)
        do {
            while let item = try iterator.next(self) {
                try checkDeadline()
                try assign(target, item, frame)
                let flow = try exec(body, frame)
                switch flow {
                case .breakLoop: return .normal
                case .returnValue: return flow
                default: break
                }
            }
        } catch {
            throw located(error, iterableExpr.location)
        }
        return try exec(orElse, frame)
    }

    // MARK: - Exceptions

    private func execRaise(_ e: Expr?, _ cause: Expr?, _ frame: Frame) throws {
        guard let e else {
            if let current = handling.last { throw current }
            throw PythonError.runtimeError("No active exception to reraise")
        }
        let value = try eval(e, frame)
        if let cause { _ = try eval(cause, frame) }
        throw try exceptionToRaise(value)
    }

    /// `raise X` accepts an exception class (instantiated with no args) or instance.
    func exceptionToRaise(_ value: Value) throws -> PythonError {
        if case .object(let o) = value {
            if let cls = o as? PyClass, cls.isSubclass(of: BuiltinTypes.baseException) {
                let instance = try construct(cls, Arguments())
                if case .object(let i as PyInstance) = instance { return PythonError(exception: i) }
            }
            if let instance = o as? PyInstance, instance.pythonClass.isSubclass(of: BuiltinTypes.baseException) {
                return PythonError(exception: instance)
            }
        }
        return PythonError.typeError("exceptions must derive from BaseException")
    }

    private func execTry(_ s: Stmt, _ body: [Stmt], _ handlers: [ExceptHandler], _ orElse: [Stmt], _ finally: [Stmt], _ frame: Frame) throws -> Flow {
        var flow = Flow.normal
        var pending: Error?
        do {
            flow = try exec(body, frame)
            if case .normal = flow { flow = try exec(orElse, frame) }
        } catch {
            let raised = pythonError(from: error)
            var handled = false
            do {
                for handler in handlers where !raised.stopsTheCell {
                    if let typeExpr = handler.type {
                        let type = try eval(typeExpr, frame)
                        guard try exceptionMatches(raised, type) else { continue }
                    }
                    handled = true
                    if let name = handler.name {
                        try assign(nameExpr(name, s), .object(raised.exception), frame)
                    }
                    handling.append(raised)
                    defer { if !handling.isEmpty { handling.removeLast() } }
                    flow = try exec(handler.body, frame)
                    break
                }
            } catch {
                pending = error
            }
            if !handled && pending == nil { pending = raised }
            if raised.skipsCleanup { throw raised }
        }
        if !finally.isEmpty {
            let finalFlow = try exec(finally, frame)
            if case .normal = finalFlow {} else { return finalFlow }
        }
        if let pending { throw pending }
        return flow
    }

    func exceptionMatches(_ error: PythonError, _ type: Value) throws -> Bool {
        switch type {
        case .object(let cls as PyClass):
            return error.exceptionClass.isSubclass(of: cls)
        case .tuple(let items):
            for item in items where try exceptionMatches(error, item) { return true }
            return false
        default:
            throw PythonError.typeError("catching classes that do not inherit from BaseException is not allowed")
        }
    }

    // MARK: - with

    private func execWith(_ items: ArraySlice<(context: Expr, target: Expr?)>, _ body: [Stmt], _ frame: Frame) throws -> Flow {
        guard let item = items.first else { return try exec(body, frame) }
        let manager = try eval(item.context, frame)
        let exit: Value
        do {
            exit = try getAttribute(manager, "__exit__")
        } catch {
            throw located(PythonError.typeError("'\(manager.typeName)' object does not support the context manager protocol"), item.context.location)
        }
        let entered = try callMethod(manager, "__enter__", [])
        let flow: Flow
        do {
            if let target = item.target { try assign(target, entered, frame) }
            flow = try execWith(items.dropFirst(), body, frame)
        } catch {
            let raised = pythonError(from: error)
            if raised.skipsCleanup { throw raised }
            let suppress = try call(exit, [.object(raised.exception.pythonClass), .object(raised.exception), .none])
            if try isTruthy(suppress), !raised.stopsTheCell { return .normal }
            throw raised
        }
        _ = try call(exit, [.none, .none, .none])
        return flow
    }

    // MARK: - Classes

    func makeClass(_ code: ClassCode, _ frame: Frame) throws -> Value {
        let bases = try code.bases.map { try eval($0, frame) }
        guard bases.count <= 1 else {
            throw PythonError.typeError("multiple inheritance is not supported (class \(code.name))")
        }
        var base = BuiltinTypes.object
        if let b = bases.first {
            guard case .object(let cls as PyClass) = b else {
                throw PythonError.typeError("class base must be a class, not '\(b.typeName)'")
            }
            base = cls
        }
        let closure = code.scope.closureSources.map { $0 >= 0 && $0 < frame.cells.count ? frame.cells[$0] : Cell() }
        let bodyFrame = Frame(fastCount: 0, cells: closure, globals: frame.globals, function: nil, name: code.name)
        bodyFrame.classNamespace = AttributeTable()
        bodyFrame.classNamespace?["__module__"] = .str("__main__")
        bodyFrame.classNamespace?["__qualname__"] = .str(code.qualifiedName)
        do {
            _ = try exec(code.body, bodyFrame)
        } catch {
            var e = pythonError(from: error)
            if let stmt = bodyFrame.current { e.traceback.append(TracebackEntry(location: stmt.location, function: code.name)) }
            throw e
        }
        let cls = PyClass(name: code.name, base: base, moduleName: "__main__")
        for (name, value) in bodyFrame.classNamespace?.entries ?? [] {
            cls.attributes[name] = value
            if case .object(let f as PyFunction) = value, f.definingClass == nil { f.definingClass = cls }
            if case .object(let d as PyDescriptor) = value {
                for fv in [d.function, d.setter ?? .none] {
                    if case .object(let f as PyFunction) = fv, f.definingClass == nil { f.definingClass = cls }
                }
            }
        }
        if case .str(let doc)? = code.body.first.flatMap({ s -> Value? in
            if case .expression(let e) = s.kind, case .constant(let v) = e.kind { return v }
            return nil
        }) {
            cls.attributes["__doc__"] = .str(doc)
        }
        return .object(cls)
    }
}
