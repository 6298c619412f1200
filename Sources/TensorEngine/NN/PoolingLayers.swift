/// `nn.MaxPool2d(kernel_size, stride=kernel_size, padding, dilation, ceil_mode)`.
///
/// Shapes: `[N, C, H, W]` (or `[C, H, W]`) → `[N, C, H', W']`.
public final class MaxPool2d: Module {
    public let kernelSize: WrittenSize
    public let stride: WrittenSize
    public let padding: WrittenSize
    public let dilation: WrittenSize
    public let ceilMode: Bool

    public init(
        kernelSize: WrittenSize, stride: WrittenSize? = nil, padding: WrittenSize = 0, dilation: WrittenSize = 1,
        ceilMode: Bool = false
    ) throws {
        guard dilation.value == IntOrPair(1) else {
            throw LayerError.unsupported("MaxPool2d with dilation other than 1 is not supported")
        }
        self.kernelSize = kernelSize
        self.stride = stride ?? kernelSize
        self.padding = padding
        self.dilation = dilation
        self.ceilMode = ceilMode
        super.init()
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        try input.maxPool2d(
            kernelSize: kernelSize.value, stride: stride.value, padding: padding.value, ceilMode: ceilMode)
    }

    public override var extraRepr: String {
        "kernel_size=\(kernelSize), stride=\(stride), padding=\(padding), dilation=\(dilation), "
            + "ceil_mode=\(ceilMode ? "True" : "False")"
    }
}

/// `nn.AvgPool2d(kernel_size, stride=kernel_size, padding, ceil_mode, count_include_pad)`.
///
/// Shapes: `[N, C, H, W]` (or `[C, H, W]`) → `[N, C, H', W']`.
public final class AvgPool2d: Module {
    public let kernelSize: WrittenSize
    public let stride: WrittenSize
    public let padding: WrittenSize
    public let ceilMode: Bool
    public let countIncludePad: Bool

    public init(
        kernelSize: WrittenSize, stride: WrittenSize? = nil, padding: WrittenSize = 0, ceilMode: Bool = false,
        countIncludePad: Bool = true
    ) {
        self.kernelSize = kernelSize
        self.stride = stride ?? kernelSize
        self.padding = padding
        self.ceilMode = ceilMode
        self.countIncludePad = countIncludePad
        super.init()
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        try input.avgPool2d(
            kernelSize: kernelSize.value, stride: stride.value, padding: padding.value, ceilMode: ceilMode,
            countIncludePad: countIncludePad)
    }

    public override var extraRepr: String { "kernel_size=\(kernelSize), stride=\(stride), padding=\(padding)" }
}
