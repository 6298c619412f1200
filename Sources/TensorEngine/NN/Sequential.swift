/// `nn.Sequential(*layers)`: runs its children in order, each on the
/// previous one's output. Children are named `0`, `1`, ….
///
/// ```swift
/// let net = Sequential([Conv2d(1, 6, kernelSize: 5, padding: 2, generator: g), Sigmoid()])
/// ```
public final class Sequential: Module {
    public init(_ layers: [Module] = []) {
        super.init()
        for (index, layer) in layers.enumerated() { registerChild(String(index), layer) }
    }

    /// Adds a layer at the end, named by its position.
    public func append(_ layer: Module) {
        registerChild(String(childSlots.count), layer)
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        var value = input
        for layer in children { value = try layer.forward(value) }
        return value
    }
}
