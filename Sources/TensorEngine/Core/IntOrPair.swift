/// A spatial size given as one number for both dimensions or as a
/// (height, width) pair: `stride: 2` or `padding: [2, 1]`, like PyTorch's
/// `int or tuple` arguments.
public struct IntOrPair: Hashable, Sendable, CustomStringConvertible {
    /// The vertical (height) value.
    public var first: Int
    /// The horizontal (width) value.
    public var second: Int

    public init(_ first: Int, _ second: Int) {
        self.first = first
        self.second = second
    }

    public init(_ both: Int) { self.init(both, both) }

    /// `(2, 3)`, as module reprs print a normalised pair.
    public var description: String { "(\(first), \(second))" }
}

extension IntOrPair: ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral {
    public init(integerLiteral value: Int) { self.init(value) }

    /// `[h, w]`; a one-element array means both (anything else keeps the
    /// first two values — the bindings validate tuple lengths).
    public init(arrayLiteral elements: Int...) {
        self.init(elements.first ?? 0, elements.count > 1 ? elements[1] : elements.first ?? 0)
    }
}
