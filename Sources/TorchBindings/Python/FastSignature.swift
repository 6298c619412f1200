import CellLanguage

/// A Python signature for the hot native functions (tensor methods, `torch`
/// and `nn.functional` functions), bound into an array in parameter order
/// instead of a dictionary: a call hashes no strings.
///
/// Calls that do not bind (a missing, unexpected or duplicate argument) are
/// handed to CellLanguage's `Signature`, which raises Python's exact TypeError.
///
///     let sum = FastSignature("sum(dim=None, keepdim=False, *, dtype=None)")
///     let a = try sum.bind(args)      // a["dim"], a["keepdim"]
struct FastSignature {
    let name: String
    /// Positional parameters, then keyword-only ones.
    let names: [String]
    let positionalCount: Int
    /// The default of each parameter; nil when it is required.
    let defaults: [Value?]
    let acceptsRest: Bool
    let acceptsKeywords: Bool
    /// Raises the precise TypeError for calls that do not bind.
    let fallback: Signature

    init(_ spec: String) {
        fallback = Signature(spec)
        name = fallback.name
        guard let open = spec.firstIndex(of: "("), let close = spec.lastIndex(of: ")") else {
            preconditionFailure("invalid signature \(spec)")
        }
        var names: [String] = []
        var defaults: [Value?] = []
        var positional = 0
        var keywordOnly = false
        var rest = false
        var keywords = false
        for part in Self.topLevelParts(String(spec[spec.index(after: open)..<close])) {
            if part == "*" {
                keywordOnly = true
            } else if part.hasPrefix("**") {
                keywords = true
            } else if part.hasPrefix("*") {
                rest = true
                keywordOnly = true
            } else if part == "/" {
                continue
            } else {
                let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                names.append(pieces[0])
                defaults.append(pieces.count == 2 ? Self.literal(pieces[1]) : nil)
                if !keywordOnly { positional += 1 }
            }
        }
        self.names = names
        self.defaults = defaults
        self.positionalCount = positional
        self.acceptsRest = rest
        self.acceptsKeywords = keywords
    }

    /// Binds a call; parameters not given take their defaults.
    @inline(__always)
    func bind(_ args: Arguments) throws -> CallArguments {
        var values = defaults
        let given = args.positional.count
        if given > positionalCount && !acceptsRest { return try fallbackBind(args) }
        for index in 0..<min(given, positionalCount) { values[index] = args.positional[index] }
        let rest = given > positionalCount ? Array(args.positional[positionalCount...]) : []
        var extra: [(name: String, value: Value)] = []
        for (key, value) in args.keywords {
            guard let index = names.firstIndex(of: key) else {
                guard acceptsKeywords else { return try fallbackBind(args) }
                extra.append((key, value))
                continue
            }
            if index < given { return try fallbackBind(args) }
            values[index] = value
        }
        var bound: [Value] = []
        bound.reserveCapacity(values.count)
        for value in values {
            guard let value else { return try fallbackBind(args) }
            bound.append(value)
        }
        return CallArguments(signature: self, values: bound, rest: rest, extraKeywords: extra)
    }

    /// The exact TypeError for a call that does not bind.
    private func fallbackBind(_ args: Arguments) throws -> CallArguments {
        _ = try fallback.bind(args)
        throw PythonError.typeError("\(name)() received an invalid combination of arguments")
    }

    // MARK: - Parsing the spec

    /// Splits `a, b=(1, 2), c='x'` at the commas outside brackets and quotes.
    private static func topLevelParts(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "(" {
                depth += 1
            } else if character == ")" {
                depth -= 1
            } else if character == "," && depth == 0 {
                parts.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
                continue
            }
            current.append(character)
        }
        let last = current.trimmingCharacters(in: .whitespaces)
        if !last.isEmpty { parts.append(last) }
        return parts
    }

    /// A default value: None, True, False, a number, a quoted string or a tuple of these.
    private static func literal(_ text: String) -> Value {
        switch text {
        case "None": return .none
        case "True": return .bool(true)
        case "False": return .bool(false)
        default: break
        }
        if text.hasPrefix("("), text.hasSuffix(")") {
            return .tuple(topLevelParts(String(text.dropFirst().dropLast())).map(literal))
        }
        if let first = text.first, first == "'" || first == "\"" { return .str(String(text.dropFirst().dropLast())) }
        if let number = Int(text) { return .int(number) }
        if let number = Double(text) { return .float(number) }
        preconditionFailure("unsupported default \(text)")
    }
}

/// Arguments bound by a `FastSignature`, read by parameter name.
struct CallArguments {
    let signature: FastSignature
    let values: [Value]
    /// Surplus positional arguments (the `*args` parameter).
    let rest: [Value]
    /// Keywords collected by a `**kwargs` parameter.
    let extraKeywords: [(name: String, value: Value)]

    var functionName: String { signature.name }

    /// The argument `name` (None if the signature has no such parameter).
    @inline(__always)
    subscript(name: String) -> Value {
        guard let index = signature.names.firstIndex(of: name) else { return .none }
        return values[index]
    }

    /// The argument, or nil when it is None.
    func optional(_ name: String) -> Value? {
        let value = self[name]
        return value.isNone ? nil : value
    }

    func string(_ name: String) throws -> String {
        let value = self[name]
        if case .str(let text) = value { return text }
        throw PythonError.typeError("\(functionName)(): argument '\(name)' must be str, not \(value.typeName)")
    }
}
