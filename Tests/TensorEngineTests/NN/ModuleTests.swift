import Testing

@testable import TensorEngine

/// The module system: registration order, traversal, reprs, default
/// initialisation (values PyTorch 2.15 printed for the same seeds).
@Suite("Modules")
struct ModuleTests {
    func lenet(_ g: RandomGenerator) throws -> Sequential {
        Sequential([
            try Conv2d(1, 6, kernelSize: 5, padding: 2, generator: g), Sigmoid(),
            AvgPool2d(kernelSize: 2, stride: 2),
            try Conv2d(6, 16, kernelSize: 5, generator: g), Sigmoid(),
            AvgPool2d(kernelSize: 2, stride: 2),
            Flatten(),
            try Linear(400, 120, generator: g), Sigmoid(),
            try Linear(120, 84, generator: g), Sigmoid(),
            try Linear(84, 10, generator: g),
        ])
    }

    @Test func lenetReprMatchesPyTorch() throws {
        let net = try lenet(RandomGenerator(seed: 0))
        #expect(
            net.description == """
                Sequential(
                  (0): Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2))
                  (1): Sigmoid()
                  (2): AvgPool2d(kernel_size=2, stride=2, padding=0)
                  (3): Conv2d(6, 16, kernel_size=(5, 5), stride=(1, 1))
                  (4): Sigmoid()
                  (5): AvgPool2d(kernel_size=2, stride=2, padding=0)
                  (6): Flatten(start_dim=1, end_dim=-1)
                  (7): Linear(in_features=400, out_features=120, bias=True)
                  (8): Sigmoid()
                  (9): Linear(in_features=120, out_features=84, bias=True)
                  (10): Sigmoid()
                  (11): Linear(in_features=84, out_features=10, bias=True)
                )
                """)
    }

    @Test func nestedReprsIndentChildren() throws {
        let g = RandomGenerator(seed: 0)
        let net = Sequential([Sequential([try Linear(2, 3, generator: g), ReLU()]), try Linear(3, 1, generator: g)])
        #expect(
            net.description == """
                Sequential(
                  (0): Sequential(
                    (0): Linear(in_features=2, out_features=3, bias=True)
                    (1): ReLU()
                  )
                  (1): Linear(in_features=3, out_features=1, bias=True)
                )
                """)
    }

    @Test func layerReprsShowOnlyNonDefaultSettings() throws {
        let g = RandomGenerator(seed: 0)
        #expect(
            try Conv2d(1, 1, kernelSize: [1, 2], bias: false, generator: g).description
                == "Conv2d(1, 1, kernel_size=(1, 2), stride=(1, 1), bias=False)")
        #expect(
            try Conv2d(
                4, 4, kernelSize: [3, 5], stride: [2, 1], padding: [0, 1], dilation: 2, groups: 2, generator: g
            )
            .description == "Conv2d(4, 4, kernel_size=(3, 5), stride=(2, 1), padding=(0, 1), dilation=(2, 2), groups=2)"
        )
        #expect(
            try MaxPool2d(kernelSize: WrittenSize(2, 3), stride: WrittenSize(2, 3), padding: WrittenSize(0, 1))
                .description
                == "MaxPool2d(kernel_size=(2, 3), stride=(2, 3), padding=(0, 1), dilation=1, ceil_mode=False)")
        #expect(
            try MaxPool2d(kernelSize: 3, stride: 2, padding: 1).description
                == "MaxPool2d(kernel_size=3, stride=2, padding=1, dilation=1, ceil_mode=False)")
        #expect(try Dropout(probability: 0.25, generator: g).description == "Dropout(p=0.25, inplace=False)")
        #expect(MSELoss().description == "MSELoss()" && CrossEntropyLoss().description == "CrossEntropyLoss()")
    }

    @Test func parametersComeInRegistrationOrderWithDottedNames() throws {
        let net = try lenet(RandomGenerator(seed: 0))
        #expect(
            net.namedParameters().map(\.name) == [
                "0.weight", "0.bias", "3.weight", "3.bias", "7.weight", "7.bias", "9.weight", "9.bias", "11.weight",
                "11.bias",
            ])
        #expect(net.parameters().map(\.count).reduce(0, +) == 61706)
        #expect(net.parameters().allSatisfy { $0.isParameter && $0.requiresGrad && $0.isLeaf })
    }

    @Test func applyVisitsChildrenBeforeTheirParent() throws {
        let g = RandomGenerator(seed: 0)
        let net = Sequential([try Linear(4, 3, generator: g), ReLU(), Sequential([Tanh()])])
        var names: [String] = []
        net.apply { names.append($0.typeName) }
        #expect(names == ["Linear", "ReLU", "Tanh", "Sequential", "Sequential"])
        #expect(net.modules.map(\.typeName) == ["Sequential", "Linear", "ReLU", "Sequential", "Tanh"])
    }

    @Test func defaultInitialisationDrawsWeightThenBias() throws {
        let linear = try Linear(4, 3, generator: RandomGenerator(seed: 0))
        expectValues(
            try #require(linear.weight), shape: [3, 4],
            [
                -0.0037, 0.2682, -0.4115, -0.3680, -0.1926, 0.1341, -0.0099, 0.3964, -0.0444, 0.1323, -0.1511, -0.0983,
            ], tolerance: 5e-5)
        expectValues(try #require(linear.bias), shape: [3], [-0.4777, -0.3311, -0.2061], tolerance: 5e-5)
        let conv = try Conv2d(1, 1, kernelSize: [1, 2], bias: false, generator: RandomGenerator(seed: 0))
        #expect(
            try #require(conv.weight).doubles() == [
                Double(Float(-0.005293981172144413)), Double(Float(0.37932288646698)),
            ])
        #expect(conv.bias == nil)
    }

    @Test func xavierUniformUsesBothFans() throws {
        let weight = try Tensor.empty([3, 5])
        try Init.xavierUniform(weight, generator: RandomGenerator(seed: 0))
        expectValues(
            weight, shape: [3, 5],
            [
                -0.0065, 0.4646, -0.7128, -0.6373, -0.3336, 0.2322, -0.0172, 0.6867, -0.0769, 0.2292,
                -0.2617, -0.1702, -0.8274, -0.5736, -0.3570,
            ], tolerance: 5e-5)
        #expect(throws: InitError.fanOfLowRank) {
            try Init.xavierUniform(Tensor.empty([3]), generator: RandomGenerator(seed: 0))
        }
    }

    @Test func trainAndEvalReachEverySubmodule() throws {
        let g = RandomGenerator(seed: 0)
        let dropout = try Dropout(probability: 0.5, generator: g)
        let net = Sequential([Sequential([dropout])])
        net.eval()
        #expect(!dropout.isTraining)
        let x = try Tensor.ones([8])
        #expect(try net.forward(x) === x)
        net.train()
        #expect(dropout.isTraining)
        let kept = try net.forward(x).doubles()
        #expect(kept.allSatisfy { $0 == 0 || $0 == 2 })
    }

    @Test func lossesNeedATarget() throws {
        #expect(throws: ModuleError.needsTarget("MSELoss")) { try MSELoss().forward(Tensor.ones([2])) }
        let loss = try MSELoss().loss(t([[1.0, 2.0], [3.0, 4.0]]), t([[1.5, 2.0], [2.0, 5.0]]))
        expectValues(loss, shape: [], [0.5625])
    }

    @Test func zeroGradForgetsGradients() throws {
        let conv = try Conv2d(1, 1, kernelSize: [1, 2], bias: false, generator: RandomGenerator(seed: 0))
        try conv.forward(Tensor.ones([1, 1, 2, 3])).sum().backward()
        expectValues(try #require(conv.weight?.grad), shape: [1, 1, 1, 2], [4, 4])
        try conv.zeroGrad()
        #expect(conv.weight?.grad == nil)
    }
}
