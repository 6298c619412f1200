/// A Python signature for a native function, written the way Python writes it:
///
///     let conv2d = Signature("conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)")
///     let bound = try conv2d.bind(arguments)        // Python's TypeErrors on bad calls
///     let stride = try bound.intTuple("stride", count: 2)   // stride=2 or stride=(2, 1)
///
/// Defaults must be literals (numbers, strings, None/True/False, tuples of them).
/// The spec is host code, not user input: a malformed spec is a programming error.
public struct Signature {
    public let name: String
    let positional: [String]
    let defaults: [String: Value]
    let varargs: String?
    let keywordOnly: [String]
    let varkw: String?

    public init(_ spec: String) {
        let parsed = Parser.parse("def \(spec): pass\n", file: "<signature>")
        guard case .functionDef(let code, _)? = parsed.statements.first?.kind else {
            preconditionFailure("invalid native signature: \(spec)")
        }
        let p = code.parameters
        name = code.name
        positional = p.positional
        varargs = p.varargs
        keywordOnly = p.keywordOnly
        varkw = p.varkw
        var defaults: [String: Value] = [:]
        for (name, expr) in zip(p.positional.suffix(p.defaults.count), p.defaults) {
            defaults[name] = Signature.literal(expr)
        }
        for (name, expr) in p.keywordDefaults { defaults[name] = Signature.literal(expr) }
        self.defaults = defaults
    }

    private static func literal(_ e: Expr) -> Value {
        switch e.kind {
        case .constant(let v): return v
        case .tuple(let items): return .tuple(items.map(literal))
        case .unary(.negate, let x):
            if case .constant(.int(let i)) = x.kind { return .int(-i) }
            if case .constant(.float(let d)) = x.kind { return .float(-d) }
        default: break
        }
        preconditionFailure("native signature defaults must be literals")
    }

    /// Binds a call's arguments, raising Python's TypeErrors for missing,
    /// unexpected, duplicate or surplus arguments.
    public func bind(_ args: Arguments) throws -> BoundArguments {
        var values: [String: Value] = [:]
        let given = args.positional.count
        for (i, v) in args.positional.enumerated() where i < positional.count { values[positional[i]] = v }
        let rest = given > positional.count ? Array(args.positional[positional.count...]) : []
        if !rest.isEmpty && varargs == nil {
            let required = positional.filter { defaults[$0] == nil }.count
            let takes = required == positional.count ? "\(positional.count)" : "from \(required) to \(positional.count)"
            let plural = positional.count == 1 && required == 1 ? "" : "s"
            throw PythonError.typeError("\(name)() takes \(takes) positional argument\(plural) but \(given) \(given == 1 ? "was" : "were") given")
        }
        var extra: [(name: String, value: Value)] = []
        for (key, value) in args.keywords {
            if positional.contains(key) || keywordOnly.contains(key) {
                if values[key] != nil { throw PythonError.typeError("\(name)() got multiple values for argument '\(key)'") }
                values[key] = value
            } else if varkw != nil {
                extra.append((key, value))
            } else {
                throw PythonError.typeError("\(name)() got an unexpected keyword argument '\(key)'")
            }
        }
        let missing = positional.filter { values[$0] == nil && defaults[$0] == nil }
        if !missing.isEmpty {
            throw PythonError.typeError("\(name)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(Interpreter.nameList(missing))")
        }
        let missingKeywords = keywordOnly.filter { values[$0] == nil && defaults[$0] == nil }
        if !missingKeywords.isEmpty {
            throw PythonError.typeError("\(name)() missing \(missingKeywords.count) required keyword-only argument\(missingKeywords.count == 1 ? "" : "s"): \(Interpreter.nameList(missingKeywords))")
        }
        for (key, value) in defaults where values[key] == nil { values[key] = value }
        return BoundArguments(functionName: name, values: values, rest: rest, extraKeywords: extra)
    }
}

/// Arguments bound to a `Signature`, with typed accessors whose errors read like PyTorch's.
public struct BoundArguments {
    public let functionName: String
    var values: [String: Value]
    /// Surplus positional arguments (the `*args` parameter).
    public let rest: [Value]
    /// Keywords collected by a `**kwargs` parameter, in call order.
    public let extraKeywords: [(name: String, value: Value)]

    public subscript(name: String) -> Value { values[name] ?? .none }

    private func mismatch(_ name: String, _ expected: String, _ v: Value) -> PythonError {
        .typeError("\(functionName)(): argument '\(name)' must be \(expected), not \(v.typeName)")
    }

    public func int(_ name: String) throws -> Int {
        let v = self[name]
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: throw mismatch(name, "int", v)
        }
    }

    public func double(_ name: String) throws -> Double {
        let v = self[name]
        switch v {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        default: throw mismatch(name, "float", v)
        }
    }

    public func bool(_ name: String) throws -> Bool {
        let v = self[name]
        switch v {
        case .bool(let b): return b
        case .int(let i): return i != 0
        default: throw mismatch(name, "bool", v)
        }
    }

    public func string(_ name: String) throws -> String {
        let v = self[name]
        if case .str(let s) = v { return s }
        throw mismatch(name, "str", v)
    }

    /// The argument, or nil when it is None.
    public func optional(_ name: String) -> Value? {
        let v = self[name]
        return v.isNone ? nil : v
    }

    /// An int given alone or as a tuple/list of `count` ints: `kernel_size=5` → [5, 5], `(1, 2)` → [1, 2].
    public func intTuple(_ name: String, count: Int) throws -> [Int] {
        let v = self[name]
        if case .int(let i) = v { return Array(repeating: i, count: count) }
        let items: [Value]
        switch v {
        case .tuple(let t): items = t
        case .list(let l): items = l.items
        default: throw mismatch(name, "int or tuple of \(count) ints", v)
        }
        guard items.count == count else {
            throw PythonError.valueError("\(functionName)(): argument '\(name)' must have \(count) elements, not \(items.count)")
        }
        return try items.map {
            guard case .int(let i) = $0 else { throw mismatch(name, "tuple of ints", $0) }
            return i
        }
    }

    /// A sequence of ints given as varargs (`f(2, 3)`), one tuple/list (`f((2, 3))`),
    /// or any iterable of ints (a `torch.Size`): the `*size` convention of PyTorch.
    public func ints(fromRestOr name: String? = nil, _ interpreter: Interpreter) throws -> [Int] {
        var source = rest
        if let name, let v = values[name], !v.isNone { source = [v] + rest }
        if source.count == 1, case .int = source[0] {} else if source.count == 1 {
            source = try interpreter.collect(source[0])
        }
        return try source.map {
            guard let i = try interpreter.indexValue($0) else {
                throw PythonError.typeError("\(functionName)(): argument 'size' must be tuple of ints, but found element of type \($0.typeName)")
            }
            return i
        }
    }
}
