/// Python's `list`: a reference object so aliases see each other's changes.
public final class PyList {
    public var items: [Value]
    public init(_ items: [Value] = []) { self.items = items }
}

/// One slot of a `HashTable`: the key, its value, and the key's Python hash.
struct HashEntry {
    var key: Value
    var value: Value
    var hash: Int
}

/// An insertion-ordered hash table whose key equality is Python's `==`.
///
/// Equality and hashing may run user code (`__eq__`, `__hash__`), so they are
/// passed in by the interpreter instead of living in a `Hashable` conformance.
/// Deleted entries leave a hole that is compacted once holes outnumber entries.
struct HashTable {
    private(set) var entries: [HashEntry?] = []
    private var index: [Int: [Int]] = [:]
    private(set) var count = 0

    typealias Equality = (Value, Value) throws -> Bool

    func position(of key: Value, hash: Int, equals: Equality) rethrows -> Int? {
        guard let slots = index[hash] else { return nil }
        for slot in slots {
            if let entry = entries[slot], try entry.key.isIdentical(to: key) || equals(entry.key, key) {
                return slot
            }
        }
        return nil
    }

    func value(for key: Value, hash: Int, equals: Equality) rethrows -> Value? {
        guard let slot = try position(of: key, hash: hash, equals: equals) else { return nil }
        return entries[slot]?.value
    }

    /// Stores `value` under `key`: replaces the entry at `slot` (found beforehand
    /// with `position`) or appends a new one, so a replaced key keeps its place.
    ///
    /// Searching and storing are separate steps because the search may run user
    /// `__eq__` code that touches this very table; no access to the table may be
    /// open while it runs.
    mutating func store(_ key: Value, _ value: Value, hash: Int, at slot: Int?) {
        if let slot, slot < entries.count, entries[slot] != nil {
            entries[slot]?.value = value
            return
        }
        index[hash, default: []].append(entries.count)
        entries.append(HashEntry(key: key, value: value, hash: hash))
        count += 1
    }

    /// Removes the entry at `slot` (found with `position`); returns its value.
    @discardableResult
    mutating func removeEntry(at slot: Int?, hash: Int) -> Value? {
        guard let slot, slot < entries.count, let entry = entries[slot] else { return nil }
        entries[slot] = nil
        index[hash]?.removeAll { $0 == slot }
        if index[hash]?.isEmpty == true { index[hash] = nil }
        count -= 1
        if entries.count > 32 && count * 2 < entries.count { compact() }
        return entry.value
    }

    mutating func removeAll() {
        entries = []
        index = [:]
        count = 0
    }

    /// Live entries in insertion order.
    var live: [HashEntry] { entries.compactMap { $0 } }

    private mutating func compact() {
        let kept = live
        entries = []
        index = [:]
        for entry in kept {
            index[entry.hash, default: []].append(entries.count)
            entries.append(entry)
        }
    }
}

/// Python's `dict`: insertion-ordered, keys compared with `==` and `__hash__`.
///
/// Operations that may run user code take the interpreter; native code with
/// string keys can use `self[string]` without one.
public final class PyDict {
    var table = HashTable()
    public init() {}

    public var count: Int { table.count }
    public var keys: [Value] { table.live.map(\.key) }
    public var values: [Value] { table.live.map(\.value) }
    public var items: [(key: Value, value: Value)] { table.live.map { ($0.key, $0.value) } }

    public func get(_ key: Value, _ interpreter: Interpreter) throws -> Value? {
        let snapshot = table
        return try snapshot.value(for: key, hash: interpreter.hash(key), equals: interpreter.equals)
    }

    public func set(_ key: Value, _ value: Value, _ interpreter: Interpreter) throws {
        let hash = try interpreter.hash(key)
        let snapshot = table
        let slot = try snapshot.position(of: key, hash: hash, equals: interpreter.equals)
        table.store(key, value, hash: hash, at: slot)
    }

    @discardableResult
    public func remove(_ key: Value, _ interpreter: Interpreter) throws -> Value? {
        let hash = try interpreter.hash(key)
        let snapshot = table
        let slot = try snapshot.position(of: key, hash: hash, equals: interpreter.equals)
        return table.removeEntry(at: slot, hash: hash)
    }

    public func removeAll() { table.removeAll() }

    /// String-keyed access that needs no interpreter (strings hash without user code).
    public subscript(string key: String) -> Value? {
        get { table.value(for: .str(key), hash: Hashing.string(key), equals: Hashing.primitiveEquals) }
        set {
            let hash = Hashing.string(key)
            let slot = table.position(of: .str(key), hash: hash, equals: Hashing.primitiveEquals)
            if let newValue {
                table.store(.str(key), newValue, hash: hash, at: slot)
            } else {
                table.removeEntry(at: slot, hash: hash)
            }
        }
    }
}

/// Python's `set`: the keys of a `HashTable`.
public final class PySet: PythonObject {
    var table = HashTable()
    public init() {}
    public var pythonClass: PyClass { BuiltinTypes.set }
    public var count: Int { table.count }

    /// Members in iteration order. CPython orders a set of small non-negative
    /// ints by value (their hash is their slot); we match that for all-int sets
    /// and use insertion order otherwise (CPython's is hash-based and unspecified).
    public var elements: [Value] {
        let keys = table.live.map(\.key)
        var ints: [Int] = []
        for key in keys {
            guard case .int(let i) = key, i >= 0 else { return keys }
            ints.append(i)
        }
        return ints.sorted().map(Value.int)
    }

    public func contains(_ key: Value, _ interpreter: Interpreter) throws -> Bool {
        let snapshot = table
        return try snapshot.position(of: key, hash: interpreter.hash(key), equals: interpreter.equals) != nil
    }

    public func insert(_ key: Value, _ interpreter: Interpreter) throws {
        let hash = try interpreter.hash(key)
        let snapshot = table
        let slot = try snapshot.position(of: key, hash: hash, equals: interpreter.equals)
        table.store(key, .none, hash: hash, at: slot)
    }

    @discardableResult
    public func remove(_ key: Value, _ interpreter: Interpreter) throws -> Bool {
        let hash = try interpreter.hash(key)
        let snapshot = table
        let slot = try snapshot.position(of: key, hash: hash, equals: interpreter.equals)
        return table.removeEntry(at: slot, hash: hash) != nil
    }
}

// MARK: - Hashing that needs no user code

/// Deterministic hashes (Swift's `Hasher` is seeded per process, and output must
/// not change between runs).
enum Hashing {
    static func string(_ s: String) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in s.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: h)
    }

    static func double(_ d: Double) -> Int {
        if d.isFinite, d == d.rounded(), abs(d) < 9.2e18 { return Int(d) }
        return Int(truncatingIfNeeded: d.bitPattern &* 0x9E37_79B9_7F4A_7C15)
    }

    static func combine(_ hashes: [Int]) -> Int {
        var h: UInt64 = 0x345678
        for x in hashes {
            h = (h ^ UInt64(bitPattern: Int64(x))) &* 1_000_003
        }
        return Int(truncatingIfNeeded: h)
    }

    /// Equality for keys that are known to be strings (native string-keyed access).
    static func primitiveEquals(_ a: Value, _ b: Value) -> Bool {
        if case .str(let x) = a, case .str(let y) = b { return x == y }
        return false
    }
}
