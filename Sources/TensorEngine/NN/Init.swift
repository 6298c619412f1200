import Foundation

/// `torch.nn.init`: in-place initialisers, with PyTorch's formulas evaluated
/// in double precision in PyTorch's order, so the bounds (and therefore the
/// drawn numbers) are bit-identical.
///
/// All of them run without recording gradients, like PyTorch's `no_grad`
/// wrappers, so they may fill a parameter that requires grad.
///
/// ```swift
/// try Init.xavierUniform(weight, generator: g)   // U(−a, a), a = gain·√(6 / (fan_in + fan_out))
/// ```
public enum Init {
    /// How `calculate_gain` scales for an activation.
    public enum Nonlinearity: String, Sendable {
        case linear, conv2d, sigmoid, tanh, relu
        case leakyReLU = "leaky_relu"
        case selu
    }

    /// Whether Kaiming initialisation preserves the variance of the forward
    /// pass (`fan_in`) or of the backward pass (`fan_out`).
    public enum FanMode: String, Sendable {
        case fanIn = "fan_in"
        case fanOut = "fan_out"
    }

    // MARK: - Fans and gains

    /// `_calculate_fan_in_and_fan_out`: for a weight `[out, in, k…]`,
    /// fan_in = in·∏k and fan_out = out·∏k.
    public static func fans(of tensor: Tensor) throws -> (fanIn: Int, fanOut: Int) {
        guard tensor.rank >= 2 else { throw InitError.fanOfLowRank }
        let receptiveField = tensor.shape.dropFirst(2).reduce(1, *)
        return (tensor.shape[1] * receptiveField, tensor.shape[0] * receptiveField)
    }

    /// `nn.init.calculate_gain(nonlinearity, param)`.
    public static func gain(_ nonlinearity: Nonlinearity, parameter: Double? = nil) -> Double {
        switch nonlinearity {
        case .linear, .conv2d, .sigmoid: 1
        case .tanh: 5.0 / 3
        case .relu: 2.0.squareRoot()
        case .leakyReLU: (2.0 / (1 + pow(parameter ?? 0.01, 2))).squareRoot()
        case .selu: 3.0 / 4
        }
    }

    // MARK: - Distributions

    /// `nn.init.uniform_(t, a, b)`.
    @discardableResult
    public static func uniform(_ tensor: Tensor, from low: Double = 0, to high: Double = 1, generator: RandomGenerator)
        throws -> Tensor
    {
        try withoutGradients { try tensor.uniform_(from: low, to: high, generator: generator) }
    }

    /// `nn.init.normal_(t, mean, std)`.
    @discardableResult
    public static func normal(_ tensor: Tensor, mean: Double = 0, std: Double = 1, generator: RandomGenerator) throws
        -> Tensor
    {
        try withoutGradients { try tensor.normal_(mean: mean, std: std, generator: generator) }
    }

    /// `nn.init.constant_(t, value)`.
    @discardableResult
    public static func constant(_ tensor: Tensor, _ value: Scalar) throws -> Tensor {
        try withoutGradients { try tensor.fill_(value) }
    }

    /// `nn.init.zeros_(t)`.
    @discardableResult
    public static func zeros(_ tensor: Tensor) throws -> Tensor { try withoutGradients { try tensor.zero_() } }

    /// `nn.init.ones_(t)`.
    @discardableResult
    public static func ones(_ tensor: Tensor) throws -> Tensor { try constant(tensor, .int(1)) }

    // MARK: - Xavier (Glorot)

    /// `nn.init.xavier_uniform_(t, gain)`: U(−a, a) with a = gain·√3·√(2 / (fan_in + fan_out)).
    @discardableResult
    public static func xavierUniform(_ tensor: Tensor, gain: Double = 1, generator: RandomGenerator) throws -> Tensor {
        let (fanIn, fanOut) = try fans(of: tensor)
        let std = gain * (2.0 / Double(fanIn + fanOut)).squareRoot()
        let bound = 3.0.squareRoot() * std
        return try uniform(tensor, from: -bound, to: bound, generator: generator)
    }

    /// `nn.init.xavier_normal_(t, gain)`: N(0, gain²·2 / (fan_in + fan_out)).
    @discardableResult
    public static func xavierNormal(_ tensor: Tensor, gain: Double = 1, generator: RandomGenerator) throws -> Tensor {
        let (fanIn, fanOut) = try fans(of: tensor)
        let std = gain * (2.0 / Double(fanIn + fanOut)).squareRoot()
        return try normal(tensor, mean: 0, std: std, generator: generator)
    }

    // MARK: - Kaiming (He)

    /// `nn.init.kaiming_uniform_(t, a, mode, nonlinearity)`: U(−b, b) with
    /// b = √3 · gain / √fan. Layers call it with a = √5, which gives b = 1/√fan_in.
    @discardableResult
    public static func kaimingUniform(
        _ tensor: Tensor, a: Double = 0, mode: FanMode = .fanIn, nonlinearity: Nonlinearity = .leakyReLU,
        generator: RandomGenerator
    ) throws -> Tensor {
        let std = try kaimingStandardDeviation(tensor, a: a, mode: mode, nonlinearity: nonlinearity)
        let bound = 3.0.squareRoot() * std
        return try uniform(tensor, from: -bound, to: bound, generator: generator)
    }

    /// `nn.init.kaiming_normal_(t, a, mode, nonlinearity)`: N(0, (gain / √fan)²).
    @discardableResult
    public static func kaimingNormal(
        _ tensor: Tensor, a: Double = 0, mode: FanMode = .fanIn, nonlinearity: Nonlinearity = .leakyReLU,
        generator: RandomGenerator
    ) throws -> Tensor {
        let std = try kaimingStandardDeviation(tensor, a: a, mode: mode, nonlinearity: nonlinearity)
        return try normal(tensor, mean: 0, std: std, generator: generator)
    }

    private static func kaimingStandardDeviation(
        _ tensor: Tensor, a: Double, mode: FanMode, nonlinearity: Nonlinearity
    ) throws -> Double {
        if tensor.count == 0 { return 0 }
        let (fanIn, fanOut) = try fans(of: tensor)
        let fan = mode == .fanIn ? fanIn : fanOut
        return gain(nonlinearity, parameter: a) / Double(fan).squareRoot()
    }

    /// The default initialisation of `nn.Linear` and `nn.Conv2d`
    /// (`reset_parameters`): Kaiming-uniform weights with a = √5, then biases
    /// uniform in ±1/√fan_in — drawn in that order.
    static func resetLayer(weight: Tensor, bias: Tensor?, generator: RandomGenerator) throws {
        try kaimingUniform(weight, a: 5.0.squareRoot(), generator: generator)
        guard let bias else { return }
        let (fanIn, _) = try fans(of: weight)
        let bound = fanIn > 0 ? 1 / Double(fanIn).squareRoot() : 0
        try uniform(bias, from: -bound, to: bound, generator: generator)
    }
}

/// Errors of `torch.nn.init`.
public enum InitError: Error, Equatable, CustomStringConvertible {
    case fanOfLowRank

    public var kind: PythonExceptionKind { .valueError }

    public var message: String {
        switch self {
        case .fanOfLowRank: "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions"
        }
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
