import Diagnostics

extension Parser {
    // MARK: - Lists of expressions

    /// The closing bracket of a display or call; a missing comma gets Python's hint.
    mutating func expectClosing(_ bracket: String) throws {
        guard !accept(op: bracket) else { return }
        throw fail(startsExpression ? "invalid syntax. Perhaps you forgot a comma?" : "invalid syntax")
    }

    /// `a, b, *c` → a tuple when there is a comma, else the single expression.
    mutating func parseTestList(allowStar: Bool) throws -> Expr {
        let loc = here
        let first = try parseTestOrStar(allowStar: allowStar)
        guard current.isOp(",") else {
            if case .starred = first.kind { throw fail("can't use starred expression here") }
            return first
        }
        var items = [first]
        while accept(op: ",") {
            if startsExpression { items.append(try parseTestOrStar(allowStar: allowStar)) } else { break }
        }
        return Expr(.tuple(items), loc)
    }

    mutating func parseTestOrStar(allowStar: Bool) throws -> Expr {
        if allowStar && current.isOp("*") {
            let loc = here
            advance()
            return Expr(.starred(try parseBitOr()), loc)
        }
        return try parseTest()
    }

    /// The target of a `for` loop: `x`, `i, (X, y)`, `*rest`.
    mutating func parseTargetList() throws -> Expr {
        let loc = here
        var items: [Expr] = []
        repeat {
            if !startsExpression { break }
            if current.isOp("*") {
                let l = here
                advance()
                items.append(Expr(.starred(try parseBitOr()), l))
            } else {
                items.append(try parseBitOr())
            }
        } while accept(op: ",") && !current.isKeyword("in")
        guard let first = items.first else { throw fail("invalid syntax") }
        let target = items.count == 1 && !tokens[max(0, index - 1)].isOp(",") ? first : Expr(.tuple(items), loc)
        try checkTarget(target, verb: "assign to")
        return target
    }

    mutating func parseTarget() throws -> Expr {
        let target = try parseBitOr()
        try checkTarget(target, verb: "assign to")
        return target
    }

    var startsExpression: Bool {
        let t = current
        switch t.kind {
        case .name, .int, .float, .string: return true
        case .keyword: return ["None", "True", "False", "not", "lambda", "await"].contains(t.text)
        case .op: return ["(", "[", "{", "-", "+", "~", "*", "..."].contains(t.text)
        default: return false
        }
    }

    // MARK: - Precedence levels, lowest first

    mutating func parseNamedTest() throws -> Expr { try parseTest() }

    mutating func parseTest() throws -> Expr {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maximumNesting { throw fail("too many nested parentheses") }
        let start = current
        let e = try parseTestUnchecked()
        if e.height > Parser.maximumHeight { throw fail("expression too deeply nested to evaluate", at: start) }
        return e
    }

    private mutating func parseTestUnchecked() throws -> Expr {
        if current.isKeyword("lambda") { return try parseLambda() }
        let loc = here
        let body = try parseOr()
        guard current.isKeyword("if") else { return body }
        advance()
        let test = try parseOr()
        guard accept(keyword: "else") else { throw fail("expected 'else' after 'if' expression") }
        let orElse = try parseTest()
        return Expr(.conditional(test: test, body: body, orElse: orElse), loc)
    }

    mutating func parseLambda() throws -> Expr {
        let loc = here
        advance()
        let parameters = try parseParameters(closing: ":")
        try expect(op: ":", "expected ':'")
        let body = try parseTest()
        let ret = Stmt(.return(body), body.location)
        let code = FunctionCode(name: "<lambda>", qualifiedName: qualifiedPrefix + "<lambda>", parameters: parameters, body: [ret], isLambda: true, location: loc)
        return Expr(.lambda(code), loc)
    }

    mutating func parseOr() throws -> Expr {
        let loc = here
        let first = try parseAnd()
        guard current.isKeyword("or") else { return first }
        var items = [first]
        while accept(keyword: "or") { items.append(try parseAnd()) }
        return Expr(.logical(isAnd: false, items), loc)
    }

    mutating func parseAnd() throws -> Expr {
        let loc = here
        let first = try parseNot()
        guard current.isKeyword("and") else { return first }
        var items = [first]
        while accept(keyword: "and") { items.append(try parseNot()) }
        return Expr(.logical(isAnd: true, items), loc)
    }

    mutating func parseNot() throws -> Expr {
        if current.isKeyword("not") {
            let loc = here
            advance()
            depth += 1
            defer { depth -= 1 }
            if depth > Parser.maximumNesting { throw fail("too many nested parentheses") }
            return Expr(.not(try parseNot()), loc)
        }
        return try parseComparison()
    }

    mutating func parseComparison() throws -> Expr {
        let loc = here
        let first = try parseBitOr()
        var rest: [(ComparisonOperator, Expr)] = []
        while true {
            let op: ComparisonOperator
            let t = current
            if t.kind == .op, let o = ComparisonOperator(rawValue: t.text) {
                op = o
                advance()
            } else if t.isKeyword("in") {
                op = .in
                advance()
            } else if t.isKeyword("not") && peek().isKeyword("in") {
                op = .notIn
                advance()
                advance()
            } else if t.isKeyword("is") {
                advance()
                op = accept(keyword: "not") ? .isNot : .is
            } else {
                break
            }
            rest.append((op, try parseBitOr()))
        }
        return rest.isEmpty ? first : Expr(.compare(first, rest), loc)
    }

    mutating func parseBitOr() throws -> Expr { try parseBinaryLevel(0) }

    static let binaryLevels: [[String: BinaryOperator]] = [
        ["|": .or],
        ["^": .xor],
        ["&": .and],
        ["<<": .leftShift, ">>": .rightShift],
        ["+": .add, "-": .subtract],
        ["*": .multiply, "/": .trueDivide, "//": .floorDivide, "%": .modulo, "@": .matrixMultiply],
    ]

    /// Left-associative binary operators, one precedence level per entry of `binaryLevels`.
    mutating func parseBinaryLevel(_ level: Int) throws -> Expr {
        if level == Parser.binaryLevels.count { return try parseFactor() }
        var left = try parseBinaryLevel(level + 1)
        while current.kind == .op, let op = Parser.binaryLevels[level][current.text] {
            advance()
            let right = try parseBinaryLevel(level + 1)
            left = Expr(.binary(op, left, right), left.location)
            try checkHeight(left)
        }
        return left
    }

    /// Unary `-x`, `+x`, `~x`: binds looser than `**` on its right (`-2 ** 2 == -4`).
    mutating func parseFactor() throws -> Expr {
        let t = current
        if t.kind == .op, let op = UnaryOperator(rawValue: t.text) {
            let loc = here
            advance()
            depth += 1
            defer { depth -= 1 }
            if depth > Parser.maximumNesting { throw fail("too many nested parentheses") }
            let operand = try parseFactor()
            if op == .negate, case .constant(let v) = operand.kind {
                if case .int(let i) = v, i != Int.min { return Expr(.constant(.int(-i)), loc) }
                if case .float(let d) = v { return Expr(.constant(.float(-d)), loc) }
            }
            return Expr(.unary(op, operand), loc)
        }
        return try parsePower()
    }

    /// `primary ** factor`, right-associative.
    mutating func parsePower() throws -> Expr {
        let base = try parsePrimary()
        guard current.isOp("**") else { return base }
        advance()
        let exponent = try parseFactor()
        return Expr(.binary(.power, base, exponent), base.location)
    }

    // MARK: - Primaries: atoms with calls, subscripts and attributes

    /// Stops a left-deep chain as soon as it is too deep, before the tree grows
    /// (building and freeing such a tree would itself recurse that deep).
    mutating func checkHeight(_ e: Expr) throws {
        if e.height > Parser.maximumHeight { throw fail("expression too deeply nested to evaluate") }
    }

    mutating func parsePrimary() throws -> Expr {
        var e = try parseAtom()
        while true {
            try checkHeight(e)
            if current.isOp("(") {
                let loc = here
                advance()
                let args = try parseCallArguments()
                e = Expr(.call(e, args), loc.line == e.location.line ? e.location : loc)
            } else if current.isOp("[") {
                advance()
                let index = try parseSubscriptList()
                try expect(op: "]", "expected ']'")
                e = Expr(.item(e, index), e.location)
            } else if current.isOp(".") {
                advance()
                guard current.kind == .name || current.kind == .keyword else { throw fail("invalid syntax") }
                let name = advance().text
                e = Expr(.attribute(e, name), e.location)
            } else {
                return e
            }
        }
    }

    mutating func parseCallArguments() throws -> [CallArgument] {
        var args: [CallArgument] = []
        var sawKeyword = false
        while !current.isOp(")") {
            if accept(op: "**") {
                args.append(.doubleStarred(try parseTest()))
                sawKeyword = true
            } else if accept(op: "*") {
                args.append(.starred(try parseTest()))
            } else if current.kind == .name && peek().isOp("=") {
                let name = advance().text
                advance()
                args.append(.keyword(name, try parseTest()))
                sawKeyword = true
            } else {
                let start = current
                var value = try parseTest()
                if current.isKeyword("for") {
                    value = try parseComprehension(kind: .generator, element: value, value: nil, at: value.location)
                }
                if sawKeyword { throw fail("positional argument follows keyword argument", at: start) }
                args.append(.positional(value))
            }
            if !accept(op: ",") { break }
        }
        try expectClosing(")")
        return args
    }

    mutating func parseSubscriptList() throws -> Expr {
        let loc = here
        let first = try parseSubscriptItem()
        guard current.isOp(",") else { return first }
        var items = [first]
        while accept(op: ",") {
            if current.isOp("]") { break }
            items.append(try parseSubscriptItem())
        }
        return Expr(.tuple(items), loc)
    }

    mutating func parseSubscriptItem() throws -> Expr {
        let loc = here
        var lower: Expr?
        if !current.isOp(":") {
            lower = try parseTestOrStar(allowStar: true)
            if !current.isOp(":") { return lower! }
        }
        advance()
        let upper = current.isOp(":") || current.isOp("]") || current.isOp(",") ? nil : try parseTest()
        var step: Expr?
        if accept(op: ":") {
            step = current.isOp("]") || current.isOp(",") ? nil : try parseTest()
        }
        return Expr(.slice(lower, upper, step), loc)
    }
}
