import Diagnostics

extension Parser {
    // MARK: - Compound statements

    /// `if`/`elif`/`else`; an `elif` chain is read in a loop (not by recursion)
    /// and becomes nested `if`s in the `else` branch.
    mutating func parseIf() throws -> Stmt {
        var branches: [(test: Expr, body: [Stmt], location: SourceLocation)] = []
        var orElse: [Stmt] = []
        repeat {
            let start = advance()
            let test = try parseNamedTest()
            let body = try parseBlock(after: "'\(start.text)' statement", line: location(of: start).line)
            branches.append((test, body, location(of: start)))
        } while current.isKeyword("elif")
        if current.isKeyword("else") {
            let e = advance()
            orElse = try parseBlock(after: "'else' statement", line: location(of: e).line)
        }
        var statement: Stmt?
        for branch in branches.reversed() {
            statement = Stmt(.if(branch.test, body: branch.body, orElse: statement.map { [$0] } ?? orElse), branch.location)
        }
        guard let statement else { throw fail("invalid syntax") }
        return statement
    }

    mutating func parseWhile() throws -> Stmt {
        let start = advance()
        let test = try parseNamedTest()
        let body = try parseBlock(after: "'while' statement", line: location(of: start).line)
        var orElse: [Stmt] = []
        if current.isKeyword("else") {
            let e = advance()
            orElse = try parseBlock(after: "'else' statement", line: location(of: e).line)
        }
        return Stmt(.while(test, body: body, orElse: orElse), location(of: start))
    }

    mutating func parseFor() throws -> Stmt {
        let start = advance()
        let target = try parseTargetList()
        guard accept(keyword: "in") else { throw fail("invalid syntax") }
        let iterable = try parseTestList(allowStar: true)
        let body = try parseBlock(after: "'for' statement", line: location(of: start).line)
        var orElse: [Stmt] = []
        if current.isKeyword("else") {
            let e = advance()
            orElse = try parseBlock(after: "'else' statement", line: location(of: e).line)
        }
        return Stmt(.for(target: target, iterable: iterable, body: body, orElse: orElse), location(of: start))
    }

    mutating func parseTry() throws -> Stmt {
        let start = advance()
        let body = try parseBlock(after: "'try' statement", line: location(of: start).line)
        var handlers: [ExceptHandler] = []
        while current.isKeyword("except") {
            let e = advance()
            var type: Expr?
            var name: String?
            if !current.isOp(":") {
                type = try parseTest()
                if current.isOp(",") {
                    var items = [type!]
                    while accept(op: ",") { items.append(try parseTest()) }
                    type = Expr(.tuple(items), type!.location)
                }
                if accept(keyword: "as") { name = try expectName() }
            }
            let handlerBody = try parseBlock(after: "'except' statement", line: location(of: e).line)
            handlers.append(ExceptHandler(type: type, name: name, body: handlerBody, location: location(of: e)))
        }
        var orElse: [Stmt] = []
        if !handlers.isEmpty && current.isKeyword("else") {
            let e = advance()
            orElse = try parseBlock(after: "'else' statement", line: location(of: e).line)
        }
        var finally: [Stmt] = []
        if current.isKeyword("finally") {
            let f = advance()
            finally = try parseBlock(after: "'finally' statement", line: location(of: f).line)
        }
        if handlers.isEmpty && finally.isEmpty {
            throw fail("expected 'except' or 'finally' block")
        }
        return Stmt(.try(body: body, handlers: handlers, orElse: orElse, finally: finally), location(of: start))
    }

    mutating func parseWith() throws -> Stmt {
        let start = advance()
        var items: [(context: Expr, target: Expr?)] = []
        repeat {
            let context = try parseTest()
            var target: Expr?
            if accept(keyword: "as") {
                target = try parseTarget()
            }
            items.append((context, target))
        } while accept(op: ",")
        let body = try parseBlock(after: "'with' statement", line: location(of: start).line)
        return Stmt(.with(items: items, body: body), location(of: start))
    }

    mutating func parseDecorated() throws -> Stmt {
        var decorators: [Expr] = []
        while accept(op: "@") {
            decorators.append(try parseNamedTest())
            guard current.kind == .newline else { throw fail("invalid syntax") }
            advance()
        }
        if current.isKeyword("def") { return try parseFunctionDef(decorators: decorators) }
        if current.isKeyword("class") { return try parseClassDef(decorators: decorators) }
        throw fail("invalid syntax")
    }

    mutating func parseFunctionDef(decorators: [Expr]) throws -> Stmt {
        let start = advance()
        let name = try expectName()
        try expect(op: "(", "expected '('")
        let parameters = try parseParameters(closing: ")")
        try expect(op: ")", "expected ')'")
        if accept(op: "->") { _ = try parseTest() }
        let qualified = qualifiedPrefix + name
        let saved = qualifiedPrefix
        qualifiedPrefix = qualified + ".<locals>."
        defer { qualifiedPrefix = saved }
        let body = try parseBlock(after: "function definition", line: location(of: start).line)
        let code = FunctionCode(name: name, qualifiedName: qualified, parameters: parameters, body: body, isLambda: false, location: location(of: start))
        return Stmt(.functionDef(code, decorators: decorators), location(of: start))
    }

    mutating func parseClassDef(decorators: [Expr]) throws -> Stmt {
        let start = advance()
        let name = try expectName()
        var bases: [Expr] = []
        var keywords: [(String, Expr)] = []
        if accept(op: "(") {
            while !current.isOp(")") {
                if current.kind == .name && peek().isOp("=") {
                    let key = advance().text
                    advance()
                    keywords.append((key, try parseTest()))
                } else {
                    bases.append(try parseTest())
                }
                if !accept(op: ",") { break }
            }
            try expect(op: ")", "expected ')'")
        }
        let qualified = qualifiedPrefix + name
        let saved = qualifiedPrefix
        qualifiedPrefix = qualified + "."
        defer { qualifiedPrefix = saved }
        let body = try parseBlock(after: "class definition", line: location(of: start).line)
        let code = ClassCode(name: name, qualifiedName: qualified, bases: bases, keywords: keywords, body: body, location: location(of: start))
        return Stmt(.classDef(code, decorators: decorators), location(of: start))
    }

    /// A parameter list up to `closing` (`)` for def, `:` for lambda).
    mutating func parseParameters(closing: String) throws -> Parameters {
        var p = Parameters()
        var seenStar = false
        var names = Set<String>()
        func add(_ name: String, _ parser: inout Parser, _ token: Token) throws {
            if names.contains(name) {
                throw parser.fail("duplicate argument '\(name)' in function definition", at: token)
            }
            names.insert(name)
        }
        while !current.isOp(closing) {
            let token = current
            if accept(op: "**") {
                let name = try expectName()
                try add(name, &self, token)
                p.varkw = name
                _ = accept(op: ",")
                break
            } else if accept(op: "*") {
                if seenStar { throw fail("* argument may appear only once") }
                seenStar = true
                if current.kind == .name {
                    let name = advance().text
                    try add(name, &self, token)
                    p.varargs = name
                }
            } else if accept(op: "/") {
                // positional-only marker: accepted, not enforced
            } else {
                let name = try expectName()
                try add(name, &self, token)
                if closing == ")" && accept(op: ":") { _ = try parseTest() }
                if seenStar {
                    p.keywordOnly.append(name)
                    if accept(op: "=") { p.keywordDefaults[name] = try parseTest() }
                } else {
                    p.positional.append(name)
                    if accept(op: "=") {
                        p.defaults.append(try parseTest())
                    } else if !p.defaults.isEmpty {
                        throw fail("non-default argument follows default argument", at: token)
                    }
                }
            }
            if !accept(op: ",") { break }
        }
        return p
    }

    // MARK: - Simple statements

    mutating func parseSmallStatement() throws -> Stmt {
        let t = current
        let loc = here
        if t.kind == .keyword {
            switch t.text {
            case "pass":
                advance()
                return Stmt(.pass, loc)
            case "break":
                advance()
                return Stmt(.break, loc)
            case "continue":
                advance()
                return Stmt(.continue, loc)
            case "return":
                advance()
                let value = atEndOfSimpleStatement ? nil : try parseTestList(allowStar: true)
                return Stmt(.return(value), loc)
            case "raise":
                advance()
                if atEndOfSimpleStatement { return Stmt(.raise(nil, cause: nil), loc) }
                let exc = try parseTest()
                let cause = accept(keyword: "from") ? try parseTest() : nil
                return Stmt(.raise(exc, cause: cause), loc)
            case "global", "nonlocal":
                advance()
                var names = [try expectName()]
                while accept(op: ",") { names.append(try expectName()) }
                return Stmt(t.text == "global" ? .global(names) : .nonlocal(names), loc)
            case "del":
                advance()
                var targets = [try parseBitOr()]
                while accept(op: ",") {
                    if atEndOfSimpleStatement { break }
                    targets.append(try parseBitOr())
                }
                for target in targets { try checkTarget(target, verb: "delete") }
                return Stmt(.delete(targets), loc)
            case "assert":
                advance()
                let test = try parseTest()
                let message = accept(op: ",") ? try parseTest() : nil
                return Stmt(.assert(test, message: message), loc)
            case "import":
                advance()
                var items: [(module: String, alias: String?)] = []
                repeat {
                    let module = try parseDottedName()
                    let alias = accept(keyword: "as") ? try expectName() : nil
                    items.append((module, alias))
                } while accept(op: ",")
                return Stmt(.import(items), loc)
            case "from":
                return try parseFromImport()
            case "yield":
                return Stmt(.expression(try parseYield()), loc)
            case "async", "await":
                throw fail("'\(t.text)' is not supported in notebook cells")
            default:
                break
            }
        }
        return try parseExpressionStatement()
    }

    /// `yield`, `yield value`, `yield a, b`, `yield from iterable`.
    mutating func parseYield() throws -> Expr {
        let loc = here
        advance()
        if accept(keyword: "from") { return Expr(.yieldFrom(try parseTest()), loc) }
        if atEndOfSimpleStatement || current.isOp(")") || current.isOp("=") { return Expr(.yield(nil), loc) }
        return Expr(.yield(try parseTestList(allowStar: true)), loc)
    }

    var atEndOfSimpleStatement: Bool {
        current.kind == .newline || current.kind == .endOfFile || current.isOp(";")
    }

    mutating func parseDottedName() throws -> String {
        var name = try expectName()
        while accept(op: ".") { name += "." + (try expectName()) }
        return name
    }

    mutating func parseFromImport() throws -> Stmt {
        let loc = here
        advance()
        var dots = ""
        while current.isOp(".") || current.isOp("...") { dots += advance().text }
        let module = dots + (current.kind == .name ? try parseDottedName() : "")
        guard accept(keyword: "import") else { throw fail("invalid syntax") }
        var names: [(name: String, alias: String?)] = []
        if accept(op: "*") {
            names.append(("*", nil))
        } else {
            let parenthesized = accept(op: "(")
            repeat {
                if parenthesized && current.isOp(")") { break }
                let name = try expectName()
                let alias = accept(keyword: "as") ? try expectName() : nil
                names.append((name, alias))
            } while accept(op: ",")
            if parenthesized { try expect(op: ")", "expected ')'") }
        }
        return Stmt(.importFrom(module: module, names: names), loc)
    }

    static let augmentedOperators: [String: BinaryOperator] = [
        "+=": .add, "-=": .subtract, "*=": .multiply, "/=": .trueDivide, "//=": .floorDivide, "%=": .modulo,
        "**=": .power, "@=": .matrixMultiply, "<<=": .leftShift, ">>=": .rightShift, "&=": .and, "|=": .or, "^=": .xor,
    ]

    mutating func parseExpressionStatement() throws -> Stmt {
        let loc = here
        let first = try parseTestList(allowStar: true)
        if current.kind == .op, let op = Parser.augmentedOperators[current.text] {
            let opToken = advance()
            switch first.kind {
            case .name, .attribute, .item: break
            default:
                throw fail("'\(describe(first))' is an illegal expression for augmented assignment", at: opToken)
            }
            let value = current.isKeyword("yield") ? try parseYield() : try parseTestList(allowStar: true)
            return Stmt(.augmentedAssign(target: first, op: op, value: value), loc)
        }
        if current.isOp(":") {
            advance()
            _ = try parseTest()
            try checkTarget(first, verb: "assign to")
            let value = accept(op: "=") ? try parseTestList(allowStar: true) : nil
            return Stmt(.annotatedAssign(target: first, value: value), loc)
        }
        guard current.isOp("=") else { return Stmt(.expression(first), loc) }
        var targets = [first]
        var value = first
        while current.isOp("=") {
            let eq = advance()
            try checkTarget(value, verb: "assign to", at: eq)
            value = current.isKeyword("yield") ? try parseYield() : try parseTestList(allowStar: true)
            targets.append(value)
        }
        targets.removeLast()
        return Stmt(.assign(targets: targets, value: value), loc)
    }

    /// Rejects expressions that cannot be assigned to (or deleted), with Python's
    /// wording: a bad assignment target gets the "Maybe you meant '=='" hint,
    /// except the keywords None/True/False.
    mutating func checkTarget(_ e: Expr, verb: String, at token: Token? = nil, topLevel: Bool = true) throws {
        switch e.kind {
        case .name, .attribute, .item:
            return
        case .tuple(let items), .list(let items):
            var starred = 0
            for item in items {
                if case .starred(let inner) = item.kind {
                    starred += 1
                    try checkTarget(inner, verb: verb, at: token, topLevel: false)
                } else {
                    try checkTarget(item, verb: verb, at: token, topLevel: false)
                }
            }
            if starred > 1 { throw fail("multiple starred expressions in assignment", at: token) }
        case .starred:
            throw fail("starred assignment target must be in a list or tuple", at: token)
        default:
            let name = describe(e)
            let keyword = ["None", "True", "False"].contains(name)
            let hint = verb == "assign to" && !keyword ? " here. Maybe you meant '==' instead of '='?" : ""
            issues.append(SyntaxIssue(kind: "SyntaxError", message: "cannot \(verb) \(name)\(hint)", line: e.location.line, column: e.location.column))
            throw Failure()
        }
    }

    /// How Python's messages name an expression that cannot be a target.
    func describe(_ e: Expr) -> String {
        switch e.kind {
        case .call: return "function call"
        case .constant(.none): return "None"
        case .constant(.bool(let b)): return b ? "True" : "False"
        case .constant(.object): return "ellipsis"
        case .constant, .formattedString: return "literal"
        case .binary, .unary, .not, .logical: return "expression"
        case .compare: return "comparison"
        case .lambda: return "lambda"
        case .conditional: return "conditional expression"
        case .comprehension(let c):
            switch c.kind {
            case .list: return "list comprehension"
            case .set: return "set comprehension"
            case .dict: return "dict comprehension"
            case .generator: return "generator expression"
            }
        case .dict: return "dict literal"
        case .set: return "set display"
        default: return "expression"
        }
    }
}
