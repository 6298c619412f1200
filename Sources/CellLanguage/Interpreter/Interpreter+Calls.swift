import Diagnostics

extension Interpreter {
    // MARK: - Call expressions

    func evalCall(_ calleeExpr: Expr, _ argExprs: [CallArgument], _ frame: Frame, _ location: SourceLocation) throws -> Value {
        var positional: [Value] = []
        positional.reserveCapacity(argExprs.count)
        var keywords: [(name: String, value: Value)] = []
        // Zero-argument super() needs the calling frame.
        if argExprs.isEmpty, case .name(let ref) = calleeExpr.kind, ref.name == "super", case .global = ref.scope,
            frame.globals["super"] == nil
        {
            do { return try makeSuper(frame) } catch { throw located(error, location) }
        }
        var receiver: Value?
        var methodName = ""
        var callee = Value.none
        if case .attribute(let objectExpr, let name) = calleeExpr.kind {
            receiver = try eval(objectExpr, frame)
            methodName = name
        } else {
            callee = try eval(calleeExpr, frame)
        }
        for arg in argExprs {
            switch arg {
            case .positional(let e):
                positional.append(try eval(e, frame))
            case .starred(let e):
                let v = try eval(e, frame)
                do { positional.append(contentsOf: try collect(v)) } catch { throw located(error, e.location) }
            case .keyword(let name, let e):
                let v = try eval(e, frame)
                if keywords.contains(where: { $0.name == name }) {
                    throw located(PythonError(BuiltinTypes.syntaxError, "keyword argument repeated: \(name)"), e.location)
                }
                keywords.append((name, v))
            case .doubleStarred(let e):
                let mapping = try eval(e, frame)
                do {
                    let dict = PyDict()
                    try mergeMapping(mapping, into: dict)
                    for (k, v) in dict.items {
                        guard case .str(let name) = k else { throw PythonError.typeError("keywords must be strings") }
                        if keywords.contains(where: { $0.name == name }) {
                            throw PythonError.typeError("got multiple values for keyword argument '\(name)'")
                        }
                        keywords.append((name, v))
                    }
                } catch { throw located(error, e.location) }
            }
        }
        do {
            let args = Arguments(positional, keywords: keywords)
            if let receiver { return try callMethod(receiver, methodName, args) }
            return try call(callee, args)
        } catch {
            throw located(error, location)
        }
    }

    // MARK: - Calling values

    /// Calls any callable value: a function, a class, a bound method, a native
    /// function, or an object whose class defines `__call__`.
    public func call(_ callee: Value, _ args: Arguments) throws -> Value {
        try checkDeadline()
        guard case .object(let object) = callee else {
            throw PythonError.typeError("'\(callee.typeName)' object is not callable")
        }
        switch object {
        case let f as PyFunction:
            return try callFunction(f, args)
        case let f as NativeFunction:
            return try callNative(f, args)
        case let m as PyBoundMethod:
            var bound = args
            bound.positional.insert(m.receiver, at: 0)
            return try call(m.function, bound)
        case let cls as PyClass:
            return try construct(cls, args)
        default:
            if let method = object.pythonClass.lookup("__call__") {
                return try callBound(method, receiver: callee, args)
            }
            throw PythonError.typeError("'\(callee.typeName)' object is not callable")
        }
    }

    /// Calls with positional arguments only.
    public func call(_ callee: Value, _ positional: [Value]) throws -> Value {
        try call(callee, Arguments(positional))
    }

    /// Calls `receiver.name(...)` without allocating a bound method when the
    /// attribute is a plain method of the class.
    public func callMethod(_ receiver: Value, _ name: String, _ args: Arguments) throws -> Value {
        switch receiver {
        case .object(let o) where o is PyClass || o is PyModule || o is PySuper:
            return try call(try getAttribute(receiver, name), args)
        default:
            break
        }
        let cls = receiver.pythonClass
        if let attribute = cls.lookup(name) {
            if case .object(let o) = receiver, let instance = o as? PyInstance, let own = instance.attributes[name] {
                if !(attribute.isDataDescriptor) { return try call(own, args) }
            }
            if let result = try callIfMethod(attribute, receiver: receiver, args) { return result }
        }
        return try call(try getAttribute(receiver, name), args)
    }

    public func callMethod(_ receiver: Value, _ name: String, _ positional: [Value]) throws -> Value {
        try callMethod(receiver, name, Arguments(positional))
    }

    /// Calls a class attribute found by lookup as a method of `receiver`.
    func callBound(_ attribute: Value, receiver: Value, _ args: Arguments) throws -> Value {
        if let result = try callIfMethod(attribute, receiver: receiver, args) { return result }
        return try call(try bindAttribute(attribute, to: receiver, owner: receiver.pythonClass), args)
    }

    /// Calls `attribute` with `receiver` as its first argument when it is a plain
    /// method (a Python function, or a native one that binds to instances) —
    /// without making a bound-method object; nil for anything else.
    @inline(__always)
    private func callIfMethod(_ attribute: Value, receiver: Value, _ args: Arguments) throws -> Value? {
        switch attribute {
        case .object(let f as PyFunction):
            var bound = args
            bound.positional.insert(receiver, at: 0)
            return try callFunction(f, bound)
        case .object(let f as NativeFunction) where f.bindsToInstance:
            var bound = args
            bound.positional.insert(receiver, at: 0)
            return try callNative(f, bound)
        default:
            return nil
        }
    }

    func callNative(_ f: NativeFunction, _ args: Arguments) throws -> Value {
        // Native calls may be slow (a convolution, a training step): check the
        // deadline before each one rather than every 1024th.
        if deadline != nil || isCancelled { try checkDeadlineNow() }
        return try nested {
            do {
                return try f.body(self, args)
            } catch let e as PythonError {
                throw e
            } catch {
                throw pythonError(from: error)
            }
        }
    }

    // MARK: - User functions

    func callFunction(_ f: PyFunction, _ args: Arguments) throws -> Value {
        let code = f.code
        let scope = code.scope
        var cells: [Cell] = []
        if scope.cellCount > 0 {
            cells.reserveCapacity(scope.cellCount)
            for _ in scope.cellNames { cells.append(Cell()) }
            cells.append(contentsOf: f.closure)
        }
        let frame = Frame(fastCount: scope.fastNames.count, cells: cells, globals: f.globals, function: f, name: code.name)
        try bindArguments(f, args, into: frame)
        if code.isGenerator { return makeGenerator(frame, code) }
        return try nested {
            let flow: Flow
            do {
                flow = try exec(code.body, frame)
            } catch {
                var e = pythonError(from: error)
                if let stmt = frame.current {
                    e.traceback.append(TracebackEntry(location: stmt.location, function: code.name))
                }
                throw e
            }
            if case .returnValue(let v) = flow { return v }
            return .none
        }
    }

    /// Python's argument binding, with its exact TypeError messages.
    func bindArguments(_ f: PyFunction, _ args: Arguments, into frame: Frame) throws {
        let p = f.code.parameters
        let scopes = f.code.scope.parameterScopes
        let name = f.code.qualifiedName + "()"
        let positionalCount = p.positional.count
        // Fast path: exactly the positional parameters, nothing else.
        if args.keywords.isEmpty && p.varargs == nil && p.varkw == nil && p.keywordOnly.isEmpty
            && args.positional.count == positionalCount
        {
            for i in 0..<positionalCount { put(args.positional[i], scopes[i], frame) }
            return
        }
        var values = [Value?](repeating: nil, count: positionalCount + p.keywordOnly.count)
        for i in 0..<min(args.positional.count, positionalCount) { values[i] = args.positional[i] }
        var extra: [Value] = []
        if args.positional.count > positionalCount {
            extra = Array(args.positional[positionalCount...])
            if p.varargs == nil {
                let given = args.positional.count
                let minimum = positionalCount - p.defaults.count
                let takes = minimum == positionalCount ? "\(positionalCount)" : "from \(minimum) to \(positionalCount)"
                let plural = positionalCount == 1 && minimum == positionalCount ? "" : "s"
                throw PythonError.typeError("\(name) takes \(takes) positional argument\(plural) but \(given) \(given == 1 ? "was" : "were") given")
            }
        }
        var keywordDict: PyDict?
        if p.varkw != nil { keywordDict = PyDict() }
        for (key, value) in args.keywords {
            if let i = p.positional.firstIndex(of: key) {
                if values[i] != nil { throw PythonError.typeError("\(name) got multiple values for argument '\(key)'") }
                values[i] = value
            } else if let i = p.keywordOnly.firstIndex(of: key) {
                values[positionalCount + i] = value
            } else if let dict = keywordDict {
                dict[string: key] = value
            } else {
                throw PythonError.typeError("\(name) got an unexpected keyword argument '\(key)'")
            }
        }
        var missing: [String] = []
        let firstDefault = positionalCount - p.defaults.count
        for i in 0..<positionalCount where values[i] == nil {
            if i >= firstDefault { values[i] = f.defaults[i - firstDefault] } else { missing.append(p.positional[i]) }
        }
        if !missing.isEmpty {
            throw PythonError.typeError("\(name) missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(Interpreter.nameList(missing))")
        }
        for (i, key) in p.keywordOnly.enumerated() where values[positionalCount + i] == nil {
            if let d = f.keywordDefaults[key] { values[positionalCount + i] = d } else { missing.append(key) }
        }
        if !missing.isEmpty {
            throw PythonError.typeError("\(name) missing \(missing.count) required keyword-only argument\(missing.count == 1 ? "" : "s"): \(Interpreter.nameList(missing))")
        }
        var scopeIndex = 0
        for i in 0..<positionalCount {
            put(values[i] ?? .none, scopes[scopeIndex], frame)
            scopeIndex += 1
        }
        if p.varargs != nil {
            put(.tuple(extra), scopes[scopeIndex], frame)
            scopeIndex += 1
        }
        for i in 0..<p.keywordOnly.count {
            put(values[positionalCount + i] ?? .none, scopes[scopeIndex], frame)
            scopeIndex += 1
        }
        if let keywordDict { put(.dict(keywordDict), scopes[scopeIndex], frame) }
    }

    @inline(__always)
    private func put(_ value: Value, _ scope: NameScope, _ frame: Frame) {
        switch scope {
        case .fast(let slot): frame.fast[slot] = value
        case .cell(let index): frame.cells[index].value = value
        default: break
        }
    }

    /// `'x'`, `'x' and 'y'`, `'x', 'y', and 'z'` — Python's list of missing names.
    static func nameList(_ names: [String]) -> String {
        let quoted = names.map { "'\($0)'" }
        switch quoted.count {
        case 1: return quoted[0]
        case 2: return "\(quoted[0]) and \(quoted[1])"
        default: return quoted.dropLast().joined(separator: ", ") + ", and " + (quoted.last ?? "")
        }
    }

    // MARK: - Classes

    /// `cls(*args)`: the native constructor (if any) or a fresh instance, then `__init__`.
    func construct(_ cls: PyClass, _ args: Arguments) throws -> Value {
        let object: Value
        if let constructor = cls.nearestConstructor {
            object = try nested { try constructor(self, cls, args) }
            guard case .object(let o) = object, let instance = o as? PyInstance, instance.pythonClass.isSubclass(of: cls) else {
                return object
            }
        } else {
            object = .object(PyInstance(of: cls))
        }
        if let initializer = cls.lookup("__init__") {
            let result = try callBound(initializer, receiver: object, args)
            if !result.isNone { throw PythonError.typeError("__init__() should return None, not '\(result.typeName)'") }
        }
        return object
    }

    func makeSuper(_ frame: Frame) throws -> Value {
        guard let function = frame.function, let cls = function.definingClass else {
            throw PythonError.runtimeError("super(): no arguments")
        }
        guard let firstScope = function.code.scope.parameterScopes.first else {
            throw PythonError.runtimeError("super(): no arguments")
        }
        let receiver: Value?
        switch firstScope {
        case .fast(let slot): receiver = frame.fast[slot]
        case .cell(let index): receiver = frame.cells[index].value
        default: receiver = nil
        }
        guard let receiver else { throw PythonError.runtimeError("super(): arg[0] deleted") }
        return .object(PySuper(startClass: cls, receiver: receiver))
    }
}

extension Value {
    /// Properties with setters take priority over instance attributes (Python's data descriptors).
    var isDataDescriptor: Bool {
        if case .object(let o) = self {
            if o is NativeProperty { return true }
            if let d = o as? PyDescriptor, d.kind == .property { return true }
        }
        return false
    }
}

extension Interpreter {
    /// A generator function's call: a lazy iterator over what its body yields.
    func makeGenerator(_ frame: Frame, _ code: FunctionCode) -> Value {
        let coroutine = Coroutine(interpreter: self, frame: frame, code: code)
        coroutines.removeAll { $0.coroutine == nil }
        coroutines.append(WeakCoroutine(coroutine: coroutine))
        let handle = CoroutineHandle(coroutine)
        return .object(NativeIterator(name: "generator") { interpreter in try handle.coroutine.resume(interpreter) })
    }
}
