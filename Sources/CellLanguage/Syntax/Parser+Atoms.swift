import Diagnostics

extension Parser {
    // MARK: - Atoms

    mutating func parseAtom() throws -> Expr {
        let t = current
        let loc = here
        switch t.kind {
        case .name:
            advance()
            return Expr(.name(NameReference(t.text)), loc)
        case .int:
            advance()
            guard let v = NumberLiteral.int(t.text) else {
                throw fail("integer literal too large (litbook ints are 64-bit)", at: t)
            }
            return Expr(.constant(.int(v)), loc)
        case .float:
            advance()
            return Expr(.constant(.float(NumberLiteral.float(t.text))), loc)
        case .string:
            return try parseStrings()
        case .keyword:
            switch t.text {
            case "None":
                advance()
                return Expr(.constant(.none), loc)
            case "True":
                advance()
                return Expr(.constant(.bool(true)), loc)
            case "False":
                advance()
                return Expr(.constant(.bool(false)), loc)
            default:
                throw fail("invalid syntax")
            }
        case .op:
            switch t.text {
            case "(": return try parseParenthesized()
            case "[": return try parseListDisplay()
            case "{": return try parseBraceDisplay()
            case "...":
                advance()
                return Expr(.constant(.object(BuiltinTypes.ellipsis)), loc)
            default:
                throw fail("invalid syntax")
            }
        case .indent:
            throw fail("unexpected indent", kind: "IndentationError")
        default:
            throw fail("invalid syntax")
        }
    }

    mutating func parseParenthesized() throws -> Expr {
        let loc = here
        advance()
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maximumNesting { throw fail("too many nested parentheses") }
        if accept(op: ")") { return Expr(.tuple([]), loc) }
        if current.isKeyword("yield") {
            let value = try parseYield()
            try expectClosing(")")
            return value
        }
        let first = try parseTestOrStar(allowStar: true)
        if current.isKeyword("for") {
            let gen = try parseComprehension(kind: .generator, element: first, value: nil, at: loc)
            try expectClosing(")")
            return gen
        }
        if accept(op: ")") {
            if case .starred = first.kind { throw fail("cannot use starred expression here") }
            return first
        }
        var items = [first]
        while accept(op: ",") {
            if current.isOp(")") { break }
            items.append(try parseTestOrStar(allowStar: true))
        }
        try expectClosing(")")
        return Expr(.tuple(items), loc)
    }

    mutating func parseListDisplay() throws -> Expr {
        let loc = here
        advance()
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maximumNesting { throw fail("too many nested parentheses") }
        if accept(op: "]") { return Expr(.list([]), loc) }
        let first = try parseTestOrStar(allowStar: true)
        if current.isKeyword("for") {
            let comp = try parseComprehension(kind: .list, element: first, value: nil, at: loc)
            try expectClosing("]")
            return comp
        }
        var items = [first]
        while accept(op: ",") {
            if current.isOp("]") { break }
            items.append(try parseTestOrStar(allowStar: true))
        }
        try expectClosing("]")
        return Expr(.list(items), loc)
    }

    mutating func parseBraceDisplay() throws -> Expr {
        let loc = here
        advance()
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maximumNesting { throw fail("too many nested parentheses") }
        if accept(op: "}") { return Expr(.dict([]), loc) }
        if accept(op: "**") {
            var pairs: [(key: Expr?, value: Expr)] = [(nil, try parseBitOr())]
            try parseDictRest(into: &pairs)
            return Expr(.dict(pairs), loc)
        }
        let first = try parseTestOrStar(allowStar: true)
        if accept(op: ":") {
            let value = try parseTest()
            if current.isKeyword("for") {
                let comp = try parseComprehension(kind: .dict, element: first, value: value, at: loc)
                try expectClosing("}")
                return comp
            }
            var pairs: [(key: Expr?, value: Expr)] = [(first, value)]
            try parseDictRest(into: &pairs)
            return Expr(.dict(pairs), loc)
        }
        if current.isKeyword("for") {
            let comp = try parseComprehension(kind: .set, element: first, value: nil, at: loc)
            try expectClosing("}")
            return comp
        }
        var items = [first]
        while accept(op: ",") {
            if current.isOp("}") { break }
            items.append(try parseTestOrStar(allowStar: true))
        }
        try expectClosing("}")
        return Expr(.set(items), loc)
    }

    mutating func parseDictRest(into pairs: inout [(key: Expr?, value: Expr)]) throws {
        while accept(op: ",") {
            if current.isOp("}") { break }
            if accept(op: "**") {
                pairs.append((nil, try parseBitOr()))
            } else {
                let key = try parseTest()
                try expect(op: ":", "expected ':'")
                pairs.append((key, try parseTest()))
            }
        }
        try expectClosing("}")
    }

    /// `for target in iterable [if cond]...` clauses after a comprehension's element.
    mutating func parseComprehension(kind: Comprehension.Kind, element: Expr, value: Expr?, at loc: SourceLocation) throws -> Expr {
        var clauses: [Comprehension.Clause] = []
        while accept(keyword: "for") {
            let target = try parseTargetList()
            guard accept(keyword: "in") else { throw fail("invalid syntax") }
            let iterable = try parseOr()
            var conditions: [Expr] = []
            while accept(keyword: "if") { conditions.append(try parseOr()) }
            clauses.append(Comprehension.Clause(target: target, iterable: iterable, conditions: conditions))
        }
        return Expr(.comprehension(Comprehension(kind: kind, element: element, value: value, clauses: clauses)), loc)
    }
}

/// Numeric literal text to values (underscores, hex/octal/binary prefixes).
enum NumberLiteral {
    static func int(_ text: String) -> Int? {
        let clean = text.replacingOccurrences(of: "_", with: "").lowercased()
        if clean.hasPrefix("0x") { return Int(clean.dropFirst(2), radix: 16) }
        if clean.hasPrefix("0o") { return Int(clean.dropFirst(2), radix: 8) }
        if clean.hasPrefix("0b") { return Int(clean.dropFirst(2), radix: 2) }
        return Int(clean, radix: 10)
    }

    static func float(_ text: String) -> Double {
        Double(text.replacingOccurrences(of: "_", with: "")) ?? .nan
    }
}
