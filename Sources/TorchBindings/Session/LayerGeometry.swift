/// One layer of a model as a receptive-field figure sees it: a convolution or
/// pooling window with its kernel, stride, padding and dilation, or another
/// layer (activation, flatten, linear, …) that the figure does not slide.
///
///     LayerGeometry(label: "conv 5×5", kind: .conv, kernel: .init(5, 5), padding: .init(2, 2))
public struct LayerGeometry: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// `nn.Conv2d`.
        case conv
        /// `nn.MaxPool2d`, `nn.AvgPool2d`.
        case pool
        /// Any other layer; it ends the spatial stack for the figure.
        case other
    }

    /// A (height, width) pair, as PyTorch normalises `kernel_size=5` to `(5, 5)`.
    public struct Pair: Sendable, Equatable, CustomStringConvertible {
        public var height: Int
        public var width: Int

        public init(_ height: Int, _ width: Int) {
            self.height = height
            self.width = width
        }

        public var description: String { "(\(height), \(width))" }
    }

    /// `conv 5×5`, `pool 2×2`, or the class name of another layer (`Sigmoid`).
    public var label: String
    public var kind: Kind
    public var kernel: Pair
    public var stride: Pair
    public var padding: Pair
    public var dilation: Pair

    public init(
        label: String, kind: Kind, kernel: Pair = Pair(1, 1), stride: Pair = Pair(1, 1),
        padding: Pair = Pair(0, 0), dilation: Pair = Pair(1, 1)
    ) {
        self.label = label
        self.kind = kind
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
    }
}
