/// A spatial setting as the user wrote it — one int or a (height, width)
/// pair — because pooling layers print their settings unchanged
/// (`MaxPool2d(kernel_size=3, …)` but `MaxPool2d(kernel_size=(2, 3), …)`).
public struct WrittenSize: Hashable, Sendable, CustomStringConvertible {
    public var value: IntOrPair
    public var isPair: Bool

    /// One number for both dimensions.
    public init(_ both: Int) {
        value = IntOrPair(both)
        isPair = false
    }

    /// A (height, width) pair.
    public init(_ height: Int, _ width: Int) {
        value = IntOrPair(height, width)
        isPair = true
    }

    public var description: String { isPair ? value.description : String(value.first) }
}

extension WrittenSize: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}
