/// `nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding,
/// dilation, groups, bias)`: a 2-D cross-correlation layer.
///
/// Shapes: input `[N, C_in, H, W]` (or `[C_in, H, W]`) → `[N, C_out, H', W']`;
/// weight `[C_out, C_in / groups, kH, kW]`, bias `[C_out]`, initialised as
/// PyTorch does (Kaiming-uniform with a = √5, bias ±1/√fan_in).
///
/// ```swift
/// let conv = try Conv2d(1, 6, kernelSize: 5, padding: 2, generator: g)
/// try conv.forward(x)             // [256, 1, 28, 28] → [256, 6, 28, 28]
/// ```
public final class Conv2d: Module {
    public let inChannels: Int
    public let outChannels: Int
    public let kernelSize: IntOrPair
    public let stride: IntOrPair
    public let padding: IntOrPair
    public let dilation: IntOrPair
    public let groups: Int

    public init(
        _ inChannels: Int, _ outChannels: Int, kernelSize: IntOrPair, stride: IntOrPair = 1, padding: IntOrPair = 0,
        dilation: IntOrPair = 1, groups: Int = 1, bias: Bool = true, dtype: DType = .float32, generator: RandomGenerator
    ) throws {
        guard groups > 0 else { throw LayerError.groupsNotPositive }
        guard inChannels % groups == 0 else { throw LayerError.channelsNotDivisible(name: "in_channels") }
        guard outChannels % groups == 0 else { throw LayerError.channelsNotDivisible(name: "out_channels") }
        guard padding.first >= 0 && padding.second >= 0 else { throw TensorError.negativePadding }
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.groups = groups
        super.init()
        let shape = [outChannels, inChannels / groups, kernelSize.first, kernelSize.second]
        let weight = try Tensor.empty(shape, dtype: dtype).asParameter()
        let biasTensor = bias ? try Tensor.empty([outChannels], dtype: dtype).asParameter() : nil
        registerParameter("weight", weight)
        registerParameter("bias", biasTensor)
        try Init.resetLayer(weight: weight, bias: biasTensor, generator: generator)
    }

    public var weight: Tensor? { parameter(named: "weight") ?? nil }
    public var bias: Tensor? { parameter(named: "bias") ?? nil }

    public override func forward(_ input: Tensor) throws -> Tensor {
        guard let weight else { throw LayerError.missingParameter(module: typeName, name: "weight") }
        return try input.conv2d(
            weight: weight, bias: bias, stride: stride, padding: padding, dilation: dilation, groups: groups)
    }

    /// `1, 6, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2)`: only
    /// settings that differ from their defaults appear after the stride.
    public override var extraRepr: String {
        var text = "\(inChannels), \(outChannels), kernel_size=\(kernelSize), stride=\(stride)"
        if padding != IntOrPair(0) { text += ", padding=\(padding)" }
        if dilation != IntOrPair(1) { text += ", dilation=\(dilation)" }
        if groups != 1 { text += ", groups=\(groups)" }
        if bias == nil { text += ", bias=False" }
        return text
    }
}

/// Invalid layer settings, with PyTorch's messages.
public enum LayerError: Error, Equatable, CustomStringConvertible {
    case groupsNotPositive
    case channelsNotDivisible(name: String)
    case unsupported(String)
    case missingParameter(module: String, name: String)

    public var kind: PythonExceptionKind {
        switch self {
        case .groupsNotPositive, .channelsNotDivisible: .valueError
        case .unsupported: .notImplementedError
        case .missingParameter: .runtimeError
        }
    }

    public var message: String {
        switch self {
        case .groupsNotPositive: "groups must be a positive integer"
        case .channelsNotDivisible(let name): "\(name) must be divisible by groups"
        case .unsupported(let what): what
        case .missingParameter(let module, let name): "\(module) has no \(name) (it was set to None)"
        }
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
