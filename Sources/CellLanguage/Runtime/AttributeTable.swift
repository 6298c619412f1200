/// A string-keyed, insertion-ordered table: instance `__dict__`s, class
/// namespaces and module namespaces. Python keeps attribute order, and
/// `net.named_children()`-style bindings rely on it.
public struct AttributeTable {
    private var positions: [String: Int] = [:]
    private var slots: [(name: String, value: Value)?] = []

    public init() {}

    public subscript(name: String) -> Value? {
        get {
            guard let p = positions[name] else { return nil }
            return slots[p]?.value
        }
        set {
            if let newValue {
                if let p = positions[name] {
                    slots[p] = (name, newValue)
                } else {
                    positions[name] = slots.count
                    slots.append((name, newValue))
                }
            } else if let p = positions.removeValue(forKey: name) {
                slots[p] = nil
            }
        }
    }

    /// Names in the order they were first set.
    public var names: [String] { slots.compactMap { $0?.name } }
    /// Name/value pairs in insertion order.
    public var entries: [(name: String, value: Value)] { slots.compactMap { $0 } }
    public var count: Int { positions.count }
}
