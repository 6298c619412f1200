/// A Python value as the interpreter sees it.
///
/// The common immutable kinds (None, bool, int, float, str, tuple) are stored
/// inline so arithmetic in loops allocates nothing; lists and dicts are
/// reference objects (Python's aliasing: `b = a; b.append(1)` changes `a`);
/// everything else — sets, functions, classes, instances, modules, and the
/// native objects of other modules — is an `.object` whose identity is the
/// Swift object's identity.
///
///     let v: Value = .int(42)
///     v.pythonClass.name   // "int"
public enum Value {
    case none
    case bool(Bool)
    /// A 64-bit int; arithmetic that leaves the range raises `OverflowError`.
    case int(Int)
    case float(Double)
    case str(String)
    case tuple([Value])
    case list(PyList)
    case dict(PyDict)
    case object(any PythonObject)
}

/// Anything with a Python class and an identity: the protocol that native
/// Swift objects adopt to appear in the cell language (see `NativeClass`).
public protocol PythonObject: AnyObject {
    /// What `type(x)` returns; dunder methods and attributes are looked up here.
    var pythonClass: PyClass { get }
}

// MARK: - Classification

extension Value {
    /// The Python class of the value (`type(v)`).
    public var pythonClass: PyClass {
        switch self {
        case .none: return BuiltinTypes.noneType
        case .bool: return BuiltinTypes.bool
        case .int: return BuiltinTypes.int
        case .float: return BuiltinTypes.float
        case .str: return BuiltinTypes.str
        case .tuple: return BuiltinTypes.tuple
        case .list: return BuiltinTypes.list
        case .dict: return BuiltinTypes.dict
        case .object(let o): return o.pythonClass
        }
    }

    /// The class name as Python's messages quote it (`'int'`, `'Tensor'`).
    public var typeName: String { pythonClass.name }

    public var isNone: Bool {
        if case Value.none = self { return true }
        return false
    }

    /// The reference object behind the value, if it has one.
    public var objectIdentity: AnyObject? {
        switch self {
        case .list(let l): return l
        case .dict(let d): return d
        case .object(let o): return o
        default: return nil
        }
    }

    /// `a is b`: identity for objects, value equality for the inline immutable kinds
    /// (CPython caches small ints and interns short strings; we treat equal
    /// immutable scalars, and tuples of identical items, as identical).
    public func isIdentical(to other: Value) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.float(a), .float(b)): return a.bitPattern == b.bitPattern
        case let (.str(a), .str(b)): return a == b
        case let (.tuple(a), .tuple(b)):
            // Tuples are stored by value: one whose items are the very same objects
            // counts as the same tuple (CPython folds equal constant tuples too).
            return a.count == b.count && zip(a, b).allSatisfy { $0.isIdentical(to: $1) }
        default:
            if let x = objectIdentity, let y = other.objectIdentity { return x === y }
            return false
        }
    }

    /// The object cast to a concrete Swift type, for native code.
    public func `as`<T: AnyObject>(_ type: T.Type) -> T? {
        if case .object(let o) = self { return o as? T }
        return nil
    }
}

// MARK: - Literal conveniences for native code

extension Value: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral
{
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(stringLiteral value: String) { self = .str(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    /// Wraps a native object as a value.
    public init(_ object: any PythonObject) { self = .object(object) }

    /// A list value holding `items`.
    public static func makeList(_ items: [Value]) -> Value { .list(PyList(items)) }
}

/// A mutable box for a variable captured by a closure (Python's cell).
final class Cell {
    var value: Value?
    init(_ value: Value? = nil) { self.value = value }
}
