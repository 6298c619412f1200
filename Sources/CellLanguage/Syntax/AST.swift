import Diagnostics

/// An expression node. Every node carries the `SourceLocation` of its first token.
public final class Expr {
    public let kind: Kind
    public let location: SourceLocation
    /// Depth of the tree below this node: evaluation recurses this deep, so the
    /// parser refuses absurdly deep expressions (`1+1+…` with 100 000 terms).
    let height: Int

    init(_ kind: Kind, _ location: SourceLocation) {
        self.kind = kind
        self.location = location
        self.height = Expr.height(of: kind)
    }

    private static func height(of kind: Kind) -> Int {
        func h(_ e: Expr?) -> Int { e?.height ?? 0 }
        func h(_ items: [Expr]) -> Int { items.reduce(0) { max($0, $1.height) } }
        switch kind {
        case .constant, .name, .lambda: return 1
        case .formattedString(let parts):
            return 1 + parts.reduce(0) { if case .field(let e, _, _, _) = $1 { return max($0, e.height) } else { return $0 } }
        case .unary(_, let x), .not(let x), .starred(let x), .attribute(let x, _), .yieldFrom(let x): return 1 + x.height
        case .yield(let x): return 1 + h(x)
        case .binary(_, let a, let b), .item(let a, let b): return 1 + max(a.height, b.height)
        case .logical(_, let items), .tuple(let items), .list(let items), .set(let items): return 1 + h(items)
        case .compare(let first, let rest): return 1 + max(first.height, h(rest.map(\.1)))
        case .conditional(let a, let b, let c): return 1 + max(a.height, b.height, c.height)
        case .call(let f, let args):
            let argHeights = args.map { a -> Int in
                switch a {
                case .positional(let x), .starred(let x), .keyword(_, let x), .doubleStarred(let x): return x.height
                }
            }
            return 1 + max(f.height, argHeights.max() ?? 0)
        case .slice(let a, let b, let c): return 1 + max(h(a), h(b), h(c))
        case .dict(let pairs): return 1 + pairs.reduce(0) { max($0, h($1.key), $1.value.height) }
        case .comprehension(let c):
            return 2 + max(c.element.height, h(c.value), h(c.clauses.flatMap { [$0.target, $0.iterable] + $0.conditions }))
        }
    }

    public indirect enum Kind {
        case constant(Value)
        case name(NameReference)
        case formattedString([FormattedPart])
        case unary(UnaryOperator, Expr)
        case binary(BinaryOperator, Expr, Expr)
        /// `and` (true) or `or` (false) over two or more operands.
        case logical(isAnd: Bool, [Expr])
        case not(Expr)
        case compare(Expr, [(ComparisonOperator, Expr)])
        case conditional(test: Expr, body: Expr, orElse: Expr)
        case lambda(FunctionCode)
        case call(Expr, [CallArgument])
        case attribute(Expr, String)
        case item(Expr, Expr)
        case slice(Expr?, Expr?, Expr?)
        case tuple([Expr])
        case list([Expr])
        case set([Expr])
        /// Key/value pairs; a `nil` key is a `**mapping` spread.
        case dict([(key: Expr?, value: Expr)])
        case starred(Expr)
        case comprehension(Comprehension)
        /// `yield value` (value nil: `yield`); makes the enclosing function a generator.
        case yield(Expr?)
        /// `yield from iterable`.
        case yieldFrom(Expr)
    }
}

/// A name use. The resolver fills in `scope` once, so evaluation never
/// searches scopes by string except for globals and builtins.
public final class NameReference {
    public let name: String
    var scope: NameScope = .global
    /// Cached slot of the name in the global namespace (slots never move).
    var globalSlot: Int = -1
    /// The namespace the cached slot belongs to. An identifier, not a weak
    /// reference: weak loads dominated the profile of simple loops, and a
    /// function's code never outlives the globals it runs in (functions hold them).
    var globalNamespace: ObjectIdentifier?

    init(_ name: String) { self.name = name }
}

enum NameScope {
    /// A plain local of the innermost function: `frame.fast[slot]`.
    case fast(Int)
    /// A local captured by an inner function, or a free variable: `frame.cells[index]`.
    case cell(Int)
    /// Module-level name (then builtins).
    case global
    /// Inside a class body: the class namespace, then globals and builtins.
    case classBody
}

public enum FormattedPart {
    case literal(String)
    /// `{expr!conversion:spec}`; `spec` is itself a sequence of parts (nested fields).
    /// `selfDocumenting` holds the `expr=` text for the `=` specifier.
    case field(Expr, conversion: Character?, spec: [FormattedPart]?, selfDocumenting: String?)
}

public enum UnaryOperator: String { case negate = "-", plus = "+", invert = "~" }

public enum BinaryOperator: String, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", trueDivide = "/", floorDivide = "//", modulo = "%"
    case power = "**", matrixMultiply = "@", leftShift = "<<", rightShift = ">>", and = "&", or = "|", xor = "^"

    /// The dunder stem: `add` for `__add__`, `__radd__`, `__iadd__`.
    var stem: String {
        switch self {
        case .add: return "add"
        case .subtract: return "sub"
        case .multiply: return "mul"
        case .trueDivide: return "truediv"
        case .floorDivide: return "floordiv"
        case .modulo: return "mod"
        case .power: return "pow"
        case .matrixMultiply: return "matmul"
        case .leftShift: return "lshift"
        case .rightShift: return "rshift"
        case .and: return "and"
        case .or: return "or"
        case .xor: return "xor"
        }
    }
}

public enum ComparisonOperator: String {
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">=", equal = "==", notEqual = "!="
    case `in` = "in", notIn = "not in", `is` = "is", isNot = "is not"
}

public enum CallArgument {
    case positional(Expr)
    case starred(Expr)
    case keyword(String, Expr)
    case doubleStarred(Expr)
}

/// `[elt for target in iter if cond ...]` and its dict/set/generator forms.
/// Each comprehension is its own scope, like a nested function.
public final class Comprehension {
    public enum Kind { case list, set, dict, generator }
    public struct Clause {
        var target: Expr
        var iterable: Expr
        var conditions: [Expr]
    }
    let kind: Kind
    let element: Expr
    /// The value expression of a dict comprehension (`element` is the key).
    let value: Expr?
    let clauses: [Clause]
    let scope = FunctionScope()

    init(kind: Kind, element: Expr, value: Expr?, clauses: [Clause]) {
        self.kind = kind
        self.element = element
        self.value = value
        self.clauses = clauses
    }
}

/// A statement node with its location.
public final class Stmt {
    public let kind: Kind
    public let location: SourceLocation
    /// References for names the statement itself binds (`def f`, `import x as y`,
    /// `except E as e`), resolved like assignment targets.
    var bindings: [String: NameReference] = [:]

    init(_ kind: Kind, _ location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    public indirect enum Kind {
        case expression(Expr)
        /// `a = b = value`: every target gets the value, left to right.
        case assign(targets: [Expr], value: Expr)
        case augmentedAssign(target: Expr, op: BinaryOperator, value: Expr)
        case annotatedAssign(target: Expr, value: Expr?)
        case pass
        case `break`
        case `continue`
        case `return`(Expr?)
        case raise(Expr?, cause: Expr?)
        case global([String])
        case nonlocal([String])
        case delete([Expr])
        case assert(Expr, message: Expr?)
        /// `import a.b.c as x`: (dotted name, alias).
        case `import`([(module: String, alias: String?)])
        case importFrom(module: String, names: [(name: String, alias: String?)])
        case `if`(Expr, body: [Stmt], orElse: [Stmt])
        case `while`(Expr, body: [Stmt], orElse: [Stmt])
        case `for`(target: Expr, iterable: Expr, body: [Stmt], orElse: [Stmt])
        case `try`(body: [Stmt], handlers: [ExceptHandler], orElse: [Stmt], finally: [Stmt])
        case with(items: [(context: Expr, target: Expr?)], body: [Stmt])
        case functionDef(FunctionCode, decorators: [Expr])
        case classDef(ClassCode, decorators: [Expr])
    }
}

public struct ExceptHandler {
    var type: Expr?
    var name: String?
    var body: [Stmt]
    var location: SourceLocation
}

/// A parameter list: `def f(a, b=2, *args, c, d=4, **kw)`.
public struct Parameters {
    var positional: [String] = []
    /// Default expressions for the last `defaults.count` positional parameters.
    var defaults: [Expr] = []
    var varargs: String?
    var keywordOnly: [String] = []
    var keywordDefaults: [String: Expr] = [:]
    var varkw: String?

    var allNames: [String] {
        positional + (varargs.map { [$0] } ?? []) + keywordOnly + (varkw.map { [$0] } ?? [])
    }
}

/// The compiled form of a `def` or `lambda`: what every call of it shares.
public final class FunctionCode {
    let name: String
    var qualifiedName: String
    let parameters: Parameters
    let body: [Stmt]
    let isLambda: Bool
    let location: SourceLocation
    let docstring: String?
    let scope = FunctionScope()
    /// Set by the resolver when the body contains `yield`.
    var isGenerator = false

    init(name: String, qualifiedName: String, parameters: Parameters, body: [Stmt], isLambda: Bool, location: SourceLocation) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.parameters = parameters
        self.body = body
        self.isLambda = isLambda
        self.location = location
        if let first = body.first, case .expression(let e) = first.kind, case .constant(.str(let s)) = e.kind {
            docstring = s
        } else {
            docstring = nil
        }
    }
}

/// A `class` statement.
public final class ClassCode {
    let name: String
    let qualifiedName: String
    let bases: [Expr]
    let keywords: [(String, Expr)]
    let body: [Stmt]
    let location: SourceLocation
    let scope = FunctionScope()

    init(name: String, qualifiedName: String, bases: [Expr], keywords: [(String, Expr)], body: [Stmt], location: SourceLocation) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.bases = bases
        self.keywords = keywords
        self.body = body
        self.location = location
    }
}

/// Slot layout of a function or comprehension scope, filled in by the resolver.
final class FunctionScope {
    /// Locals stored in `frame.fast`, by slot.
    var fastNames: [String] = []
    /// Locals captured by inner scopes (fresh cells per call), then free variables
    /// (cells taken from the function's closure), by cell index.
    var cellNames: [String] = []
    var freeNames: [String] = []
    /// For each parameter (in `Parameters.allNames` order): where it lives.
    var parameterScopes: [NameScope] = []
    /// For each free name: its cell index in the frame that creates the function.
    var closureSources: [Int] = []
    var cellCount: Int { cellNames.count + freeNames.count }
}
