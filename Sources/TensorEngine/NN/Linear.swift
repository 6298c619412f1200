/// `nn.Linear(in_features, out_features, bias)`: y = x·Wᵀ + b.
///
/// Shapes: input `[…, in]` → `[…, out]`; weight `[out, in]`, bias `[out]`,
/// initialised as PyTorch does (Kaiming-uniform with a = √5, bias ±1/√in).
///
/// ```swift
/// let layer = try Linear(400, 120, generator: g)
/// try layer.forward(x)            // [256, 400] → [256, 120]
/// ```
public final class Linear: Module {
    public let inFeatures: Int
    public let outFeatures: Int

    public init(
        _ inFeatures: Int, _ outFeatures: Int, bias: Bool = true, dtype: DType = .float32, generator: RandomGenerator
    ) throws {
        guard inFeatures >= 0 else {
            throw TensorError.negativeDimension(size: inFeatures, shape: [outFeatures, inFeatures])
        }
        guard outFeatures >= 0 else {
            throw TensorError.negativeDimension(size: outFeatures, shape: [outFeatures, inFeatures])
        }
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        super.init()
        let weight = try Tensor.empty([outFeatures, inFeatures], dtype: dtype).asParameter()
        let biasTensor = bias ? try Tensor.empty([outFeatures], dtype: dtype).asParameter() : nil
        registerParameter("weight", weight)
        registerParameter("bias", biasTensor)
        try Init.resetLayer(weight: weight, bias: biasTensor, generator: generator)
    }

    /// The current weight (a slot the user may replace), and bias.
    public var weight: Tensor? { parameter(named: "weight") ?? nil }
    public var bias: Tensor? { parameter(named: "bias") ?? nil }

    public override func forward(_ input: Tensor) throws -> Tensor {
        guard let weight else { throw LayerError.missingParameter(module: typeName, name: "weight") }
        return try input.linear(weight: weight, bias: bias)
    }

    public override var extraRepr: String {
        "in_features=\(inFeatures), out_features=\(outFeatures), bias=\(bias == nil ? "False" : "True")"
    }
}
