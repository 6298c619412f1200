/// Elementwise activation layers and `Flatten`, `Softmax`, `Dropout`: layers
/// without parameters.

/// `nn.Sigmoid()`.
public final class Sigmoid: Module {
    public override func forward(_ input: Tensor) throws -> Tensor { try input.sigmoid() }
}

/// `nn.Tanh()`.
public final class Tanh: Module {
    public override func forward(_ input: Tensor) throws -> Tensor { try input.tanh() }
}

/// `nn.ReLU(inplace)`.
public final class ReLU: Module {
    public let inPlace: Bool

    public init(inPlace: Bool = false) {
        self.inPlace = inPlace
        super.init()
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        inPlace ? try input.relu_() : try input.relu()
    }

    public override var extraRepr: String { inPlace ? "inplace=True" : "" }
}

/// `nn.Identity()`.
public final class Identity: Module {
    public override func forward(_ input: Tensor) throws -> Tensor { input }
}

/// `nn.Flatten(start_dim=1, end_dim=-1)`: keeps the batch dimension.
public final class Flatten: Module {
    public let startDimension: Int
    public let endDimension: Int

    public init(startDimension: Int = 1, endDimension: Int = -1) {
        self.startDimension = startDimension
        self.endDimension = endDimension
        super.init()
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        try input.flattened(from: startDimension, to: endDimension)
    }

    public override var extraRepr: String { "start_dim=\(startDimension), end_dim=\(endDimension)" }
}

/// `nn.Softmax(dim)` and `nn.LogSoftmax(dim)`.
public final class Softmax: Module {
    public let dimension: Int?
    public let logarithm: Bool

    public init(dimension: Int?, logarithm: Bool = false) {
        self.dimension = dimension
        self.logarithm = logarithm
        super.init()
    }

    public override var typeName: String { logarithm ? "LogSoftmax" : "Softmax" }

    /// Without a dimension PyTorch picks one from the rank (0 for 0-, 1- and
    /// 3-d inputs, else 1), as its legacy `_get_softmax_dim` does.
    public override func forward(_ input: Tensor) throws -> Tensor {
        let axis = dimension ?? ((input.rank == 0 || input.rank == 1 || input.rank == 3) ? 0 : 1)
        return logarithm ? try input.logSoftmax(dimension: axis) : try input.softmax(dimension: axis)
    }

    public override var extraRepr: String { "dim=\(dimension.map(String.init) ?? "None")" }
}

/// `nn.Dropout(p, inplace)`: zeroes elements with probability `p` while training.
public final class Dropout: Module {
    public let probability: Double
    public let inPlace: Bool
    let generator: RandomGenerator

    public init(probability: Double = 0.5, inPlace: Bool = false, generator: RandomGenerator) throws {
        guard probability >= 0 && probability <= 1 else { throw TensorError.invalidProbability(probability) }
        self.probability = probability
        self.inPlace = inPlace
        self.generator = generator
        super.init()
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        let output = try input.dropout(probability: probability, training: isTraining, generator: generator)
        if inPlace && output !== input {
            try input.copy_(output)
            return input
        }
        return output
    }

    /// `p=0.5, inplace=False` (for a probability, Swift's shortest
    /// round-trip text is Python's float repr).
    public override var extraRepr: String {
        "p=\(probability), inplace=\(inPlace ? "True" : "False")"
    }
}
