/// A notebook value that a figure directive cannot use, with a sentence that
/// says what was expected and what was found.
public struct FigureValueError: Error, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
