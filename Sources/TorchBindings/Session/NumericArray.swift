/// Numbers taken out of a notebook value for a figure: a shape and the values
/// in row-major order (a number has shape `[]` and one value).
///
///     NumericArray(shape: [2, 2], values: [19, 25, 37, 43])
public struct NumericArray: Sendable, Equatable {
    public var shape: [Int]
    public var values: [Double]

    public init(shape: [Int], values: [Double]) {
        self.shape = shape
        self.values = values
    }
}
