/// Decides, once per cell, where every name lives: a fast local slot, a cell
/// shared with closures, the class namespace, or the globals.
///
/// Python's rule: a name assigned anywhere in a function is local to the whole
/// function unless declared `global`/`nonlocal`; a name used but not assigned
/// is looked up in enclosing function scopes (class bodies are skipped), then
/// globals, then builtins. Comprehensions are scopes of their own.
struct Resolver {
    final class Scope {
        enum Kind { case module, function, classBody, comprehension }
        let kind: Kind
        let parent: Scope?
        let layout: FunctionScope?
        /// The function this scope belongs to (to mark generators).
        var code: FunctionCode?
        var parameters: [String] = []
        var boundOrder: [String] = []
        var bound: Set<String> = []
        var globals: Set<String> = []
        var nonlocals: Set<String> = []
        /// Where each `nonlocal` name was declared, for the error when it binds nothing.
        var nonlocalLines: [String: (line: Int, column: Int)] = [:]
        var uses: [NameReference] = []
        var children: [Scope] = []
        var captured: Set<String> = []
        var free: [String] = []

        init(_ kind: Kind, parent: Scope?, layout: FunctionScope?) {
            self.kind = kind
            self.parent = parent
            self.layout = layout
        }

        func bind(_ name: String) {
            if bound.insert(name).inserted { boundOrder.append(name) }
        }

        func isLocal(_ name: String) -> Bool {
            !globals.contains(name) && !nonlocals.contains(name) && (bound.contains(name) || parameters.contains(name))
        }

        var isFunctionLike: Bool { kind == .function || kind == .comprehension }

        func addFree(_ name: String) {
            if !free.contains(name) { free.append(name) }
        }
    }

    var issues: [SyntaxIssue] = []
    private var current: Scope
    let module: Scope

    init() {
        module = Scope(.module, parent: nil, layout: nil)
        current = module
    }

    /// Resolves a parsed cell; returns the names it binds at top level, in order.
    static func resolve(_ statements: [Stmt]) -> (definedNames: [String], issues: [SyntaxIssue]) {
        var r = Resolver()
        r.visit(statements)
        r.link(r.module)
        r.layout(r.module)
        return (r.module.boundOrder, r.issues)
    }

    // MARK: - Pass 1: collect bindings and uses

    private mutating func visit(_ statements: [Stmt]) {
        for s in statements { visit(s) }
    }

    private mutating func visit(_ s: Stmt) {
        switch s.kind {
        case .expression(let e): visit(e)
        case .assign(let targets, let value):
            visit(value)
            for t in targets { store(t) }
        case .augmentedAssign(let target, _, let value):
            visit(value)
            if case .name = target.kind { store(target) }
            visit(target)
        case .annotatedAssign(let target, let value):
            if let value { visit(value) }
            store(target)
        case .pass, .break, .continue: break
        case .return(let e): if let e { visit(e) }
        case .raise(let e, let cause):
            if let e { visit(e) }
            if let cause { visit(cause) }
        case .global(let names):
            for n in names { current.globals.insert(n) }
        case .nonlocal(let names):
            if current.kind == .module {
                issues.append(SyntaxIssue(kind: "SyntaxError", message: "nonlocal declaration not allowed at module level", line: s.location.line, column: s.location.column))
            }
            for n in names {
                current.nonlocals.insert(n)
                current.nonlocalLines[n] = (s.location.line, s.location.column)
            }
        case .delete(let targets):
            for t in targets { store(t) }
        case .assert(let test, let message):
            visit(test)
            if let message { visit(message) }
        case .import(let items):
            for item in items {
                bindStatementName(item.alias ?? String(item.module.split(separator: ".").first ?? ""), s)
            }
        case .importFrom(_, let names):
            for n in names where n.name != "*" { bindStatementName(n.alias ?? n.name, s) }
        case .if(let test, let body, let orElse), .while(let test, let body, let orElse):
            visit(test)
            visit(body)
            visit(orElse)
        case .for(let target, let iterable, let body, let orElse):
            visit(iterable)
            store(target)
            visit(body)
            visit(orElse)
        case .try(let body, let handlers, let orElse, let finally):
            visit(body)
            for h in handlers {
                if let t = h.type { visit(t) }
                if let n = h.name { bindStatementName(n, s) }
                visit(h.body)
            }
            visit(orElse)
            visit(finally)
        case .with(let items, let body):
            for item in items {
                visit(item.context)
                if let t = item.target { store(t) }
            }
            visit(body)
        case .functionDef(let code, let decorators):
            for d in decorators { visit(d) }
            visitFunction(code)
            bindStatementName(code.name, s)
        case .classDef(let code, let decorators):
            for d in decorators { visit(d) }
            for b in code.bases { visit(b) }
            for (_, k) in code.keywords { visit(k) }
            let scope = Scope(.classBody, parent: current, layout: code.scope)
            current.children.append(scope)
            let saved = current
            current = scope
            visit(code.body)
            current = saved
            bindStatementName(code.name, s)
        }
    }

    private mutating func bindStatementName(_ name: String, _ s: Stmt) {
        let ref = s.bindings[name] ?? NameReference(name)
        s.bindings[name] = ref
        current.bind(name)
        current.uses.append(ref)
    }

    private mutating func visitFunction(_ code: FunctionCode) {
        let p = code.parameters
        for d in p.defaults { visit(d) }
        for (_, d) in p.keywordDefaults.sorted(by: { $0.key < $1.key }) { visit(d) }
        let scope = Scope(.function, parent: current, layout: code.scope)
        scope.code = code
        scope.parameters = p.allNames
        current.children.append(scope)
        let saved = current
        current = scope
        visit(code.body)
        current = saved
    }

    private mutating func visit(_ e: Expr) {
        switch e.kind {
        case .constant: break
        case .name(let ref): current.uses.append(ref)
        case .formattedString(let parts): visit(parts)
        case .unary(_, let x), .not(let x), .starred(let x), .attribute(let x, _): visit(x)
        case .binary(_, let a, let b), .item(let a, let b):
            visit(a)
            visit(b)
        case .logical(_, let items), .tuple(let items), .list(let items), .set(let items):
            for i in items { visit(i) }
        case .compare(let first, let rest):
            visit(first)
            for (_, r) in rest { visit(r) }
        case .conditional(let test, let body, let orElse):
            visit(test)
            visit(body)
            visit(orElse)
        case .lambda(let code): visitFunction(code)
        case .call(let f, let args):
            visit(f)
            for a in args {
                switch a {
                case .positional(let x), .starred(let x), .keyword(_, let x), .doubleStarred(let x): visit(x)
                }
            }
        case .slice(let a, let b, let c):
            for x in [a, b, c] { if let x { visit(x) } }
        case .dict(let pairs):
            for p in pairs {
                if let k = p.key { visit(k) }
                visit(p.value)
            }
        case .yield(let value):
            if let value { visit(value) }
            markGenerator(e)
        case .yieldFrom(let value):
            visit(value)
            markGenerator(e)
        case .comprehension(let comp):
            guard let first = comp.clauses.first else { return }
            visit(first.iterable)
            let scope = Scope(.comprehension, parent: current, layout: comp.scope)
            current.children.append(scope)
            let saved = current
            current = scope
            for (i, clause) in comp.clauses.enumerated() {
                if i > 0 { visit(clause.iterable) }
                store(clause.target)
                for c in clause.conditions { visit(c) }
            }
            visit(comp.element)
            if let v = comp.value { visit(v) }
            current = saved
        }
    }

    /// `yield` turns the enclosing function into a generator; elsewhere it is an error.
    private mutating func markGenerator(_ e: Expr) {
        switch current.kind {
        case .function:
            current.code?.isGenerator = true
        case .comprehension:
            issues.append(SyntaxIssue(kind: "SyntaxError", message: "'yield' inside list comprehension", line: e.location.line, column: e.location.column))
        case .module, .classBody:
            issues.append(SyntaxIssue(kind: "SyntaxError", message: "'yield' outside function", line: e.location.line, column: e.location.column))
        }
    }

    private mutating func visit(_ parts: [FormattedPart]) {
        for part in parts {
            if case .field(let e, _, let spec, _) = part {
                visit(e)
                if let spec { visit(spec) }
            }
        }
    }

    /// A target being assigned: names become bound in the current scope.
    private mutating func store(_ e: Expr) {
        switch e.kind {
        case .name(let ref):
            current.bind(ref.name)
            current.uses.append(ref)
        case .tuple(let items), .list(let items):
            for i in items { store(i) }
        case .starred(let inner):
            store(inner)
        default:
            visit(e)
        }
    }

    // MARK: - Pass 2: find captured and free names

    /// For every use that is not local, finds the enclosing function scope that
    /// binds it, marks it captured there and free in every scope in between.
    private mutating func link(_ scope: Scope) {
        for child in scope.children { link(child) }
        guard scope.kind != .module else { return }
        var names = Set(scope.uses.map(\.name))
        names.formUnion(scope.nonlocals)
        for child in scope.children { names.formUnion(child.free) }
        for name in names.sorted() {
            if scope.globals.contains(name) { continue }
            if scope.isFunctionLike && scope.isLocal(name) { continue }
            if scope.kind == .classBody && scope.bound.contains(name) && !scope.nonlocals.contains(name) { continue }
            var chain: [Scope] = [scope]
            var candidate = scope.parent
            var binder: Scope?
            while let c = candidate, c.kind != .module {
                if c.isFunctionLike && c.isLocal(name) && !c.globals.contains(name) {
                    binder = c
                    break
                }
                chain.append(c)
                candidate = c.parent
            }
            if let binder {
                binder.captured.insert(name)
                for s in chain { s.addFree(name) }
            } else if scope.nonlocals.contains(name) {
                let place = scope.nonlocalLines[name] ?? (0, 0)
                issues.append(SyntaxIssue(kind: "SyntaxError", message: "no binding for nonlocal '\(name)' found", line: place.line, column: place.column))
            }
        }
    }

    // MARK: - Pass 3: slots

    private mutating func layout(_ scope: Scope) {
        if let layout = scope.layout {
            if scope.isFunctionLike {
                var locals = scope.parameters
                for name in scope.boundOrder where scope.isLocal(name) && !locals.contains(name) { locals.append(name) }
                layout.fastNames = locals.filter { !scope.captured.contains($0) }
                layout.cellNames = locals.filter { scope.captured.contains($0) }
            }
            layout.freeNames = scope.free
            layout.parameterScopes = scope.parameters.map { resolved($0, in: scope) }
            if let parent = scope.parent, let parentLayout = parent.layout {
                let parentCells = parentLayout.cellNames + parentLayout.freeNames
                layout.closureSources = scope.free.map { parentCells.firstIndex(of: $0) ?? -1 }
            }
        }
        for ref in scope.uses { ref.scope = resolved(ref.name, in: scope) }
        for child in scope.children { layout(child) }
    }

    private func resolved(_ name: String, in scope: Scope) -> NameScope {
        if scope.globals.contains(name) { return .global }
        switch scope.kind {
        case .module:
            return .global
        case .classBody:
            if scope.bound.contains(name) && !scope.nonlocals.contains(name) { return .classBody }
            if let i = scope.free.firstIndex(of: name) { return .cell(i) }
            return .classBody
        case .function, .comprehension:
            guard let layout = scope.layout else { return .global }
            if let slot = layout.fastNames.firstIndex(of: name) { return .fast(slot) }
            if let i = layout.cellNames.firstIndex(of: name) { return .cell(i) }
            if let i = layout.freeNames.firstIndex(of: name) { return .cell(layout.cellNames.count + i) }
            return .global
        }
    }
}
