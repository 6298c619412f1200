import Testing

@testable import TensorEngine

/// Every backward rule against central finite differences, in float64.
@Suite("Gradients vs finite differences")
struct GradientCheckTests {
    /// Distinct values in [low, high), reproducible per seed.
    func random(_ shape: [Int], seed: UInt64, low: Double = -1, high: Double = 1) throws -> Tensor {
        try Tensor.rand(shape, dtype: .float64, generator: RandomGenerator(seed: seed))
            .multiplied(by: .float(high - low)).adding(.float(low)).detach()
    }

    // MARK: - Elementwise

    @Test func arithmeticWithBroadcasting() throws {
        let a = try random([3, 1], seed: 1)
        let b = try random([4], seed: 2, low: 0.5, high: 2)
        try expectGradientsMatchFiniteDifferences([a, b]) { try $0[0].adding($0[1]) }
        try expectGradientsMatchFiniteDifferences([a, b]) { try $0[0].subtracting($0[1]) }
        try expectGradientsMatchFiniteDifferences([a, b]) { try $0[0].multiplied(by: $0[1]) }
        try expectGradientsMatchFiniteDifferences([a, b]) { try $0[0].divided(by: $0[1]) }
        try expectGradientsMatchFiniteDifferences([a, b]) { try $0[0].adding($0[1], alpha: .float(-0.3)) }
        try expectGradientsMatchFiniteDifferences([a, b]) { try $0[0].maximum($0[1].subtracting(.int(1))) }
        try expectGradientsMatchFiniteDifferences([a, b]) { try $0[0].minimum($0[1].subtracting(.int(1))) }
        try expectGradientsMatchFiniteDifferences([a, b]) { try $0[1].remainder(dividingBy: $0[0].adding(.int(3))) }
    }

    @Test func powers() throws {
        let base = try random([5], seed: 3, low: 0.5, high: 2)
        let exponent = try random([5], seed: 4)
        try expectGradientsMatchFiniteDifferences([base]) { try $0[0].raised(toPower: .float(3)) }
        try expectGradientsMatchFiniteDifferences([base]) { try $0[0].raised(toPower: .float(-0.5)) }
        try expectGradientsMatchFiniteDifferences([base, exponent]) { try $0[0].raised(toPower: $0[1]) }
        try expectGradientsMatchFiniteDifferences([exponent]) { try $0[0].raising(.float(2.5)) }
        try expectGradientsMatchFiniteDifferences([base]) { try $0[0].divided(into: .int(3)) }
        try expectGradientsMatchFiniteDifferences([exponent]) { try $0[0].subtracted(from: .int(10)) }
    }

    @Test func unaryFunctions() throws {
        let x = try random([6], seed: 5)
        let positive = try random([6], seed: 6, low: 0.2, high: 3)
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].negated() }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].absolute() }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].exp() }
        try expectGradientsMatchFiniteDifferences([positive]) { try $0[0].log() }
        try expectGradientsMatchFiniteDifferences([positive]) { try $0[0].sqrt() }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].sigmoid() }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].tanh() }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].relu() }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].clamped(min: -0.3, max: 0.4) }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].reciprocal() }
        try expectGradientsMatchFiniteDifferences([x]) { try Tensor.selecting($0[0].greater(.int(0)), $0[0], $0[0].exp()) }
    }

    // MARK: - Reductions

    @Test func reductions() throws {
        let x = try random([3, 4], seed: 7)
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].sum() }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].sum(dimension: 0) }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].sum(dimension: 1, keepDim: true) }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].mean() }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].mean(dimensions: [0, 1], keepDim: true) }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].product() }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].product(dimension: 1) }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].max() }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].max(dimension: 0).values }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].min(dimension: 1, keepDim: true).values }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].norm() }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].norm(p: 3, dimensions: [1]) }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].norm(p: 1, dimensions: [0], keepDim: true) }
    }

    @Test func productWithAZero() throws {
        let x = try t([[2.0, 0.0, 3.0], [1.0, 4.0, 0.5]], .float64)
        try x.requiresGrad_()
        try x.product(dimension: 1).sum().backward()
        expectValues(try #require(x.grad), shape: [2, 3], [0, 6, 0, 2, 0.5, 4])
    }

    // MARK: - Views, indexing, joining

    @Test func views() throws {
        let x = try random([2, 3, 4], seed: 8)
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].reshaped([4, 6]).multiplied(by: $0[0].reshaped([4, 6])) }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].transposed(0, 2).exp() }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].permuted([1, 2, 0]).select(0, index: 1) }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].unsqueezed(at: 1).squeezed().flattened(from: 1) }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].narrowed(2, start: 1, length: 2).sigmoid() }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].transposed(1, 2).reshaped([-1]) }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].select(2, index: 0).unsqueezed(at: 2).expanded(to: [2, 3, 5]) }
        try expectGradientsMatchFiniteDifferences([x]) {
            try $0[0].index([.ellipsis, .slice(start: 1, stop: nil, step: 2), .newAxis])
        }
    }

    @Test func advancedIndexing() throws {
        let x = try random([4, 3], seed: 9)
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].index([.tensor(t([0, 2, 0]))]) }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].index([.tensor($0[0].detach().greater(.int(0)))]) }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].index([.all, .tensor(t([2, -1]))]).exp() }
    }

    @Test func writesThroughIndexingAreDifferentiable() throws {
        let x = try random([3, 4], seed: 10)
        let v = try random([4], seed: 11)
        try expectGradientsMatchFiniteDifferences([x, v]) { inputs in
            let y = try inputs[0].multiplied(by: .int(2))
            try y.setIndex([.integer(1)], value: inputs[1].exp())
            return try y.multiplied(by: y)
        }
        try expectGradientsMatchFiniteDifferences([x, v]) { inputs in
            let y = try Tensor.zeros([3, 4], dtype: .float64)
            try y.setIndex([.all, .slice(start: 1, stop: 3, step: nil)], value: inputs[0].index([.all, .slice(start: 0, stop: 2, step: nil)]))
            try y.setIndex([.tensor(t([0, 2]))], value: inputs[1])
            return try y.sigmoid()
        }
        try expectGradientsMatchFiniteDifferences([x]) { inputs in
            let y = try inputs[0].multiplied(by: .int(3))
            try y.index([.integer(0)]).add_(.int(1))
            try y.index([.all, .integer(2)]).multiply_(inputs[0].index([.all, .integer(0)]))
            return y
        }
    }

    @Test func joining() throws {
        let a = try random([2, 3], seed: 12)
        let b = try random([2, 2], seed: 13)
        try expectGradientsMatchFiniteDifferences([a, b]) { try Tensor.concatenate([$0[0], $0[1]], dimension: 1).exp() }
        try expectGradientsMatchFiniteDifferences([a]) { try Tensor.stack([$0[0], $0[0].sigmoid()], dimension: 1) }
    }

    // MARK: - Linear algebra

    @Test func matrixProducts() throws {
        let a = try random([2, 3], seed: 14)
        let b = try random([3, 4], seed: 15)
        let v = try random([3], seed: 16)
        let batchA = try random([2, 2, 3], seed: 17)
        let batchB = try random([2, 3, 2], seed: 18)
        try expectGradientsMatchFiniteDifferences([a, b]) { try $0[0].mm($0[1]) }
        try expectGradientsMatchFiniteDifferences([a, v]) { try $0[0].mv($0[1]) }
        try expectGradientsMatchFiniteDifferences([v]) { try $0[0].dot($0[0]) }
        try expectGradientsMatchFiniteDifferences([v, b]) { try $0[0].matmul($0[1]) }
        try expectGradientsMatchFiniteDifferences([batchA, batchB]) { try $0[0].bmm($0[1]) }
        try expectGradientsMatchFiniteDifferences([batchA, b]) { try $0[0].matmul($0[1]) }
        try expectGradientsMatchFiniteDifferences([batchA, batchB]) { try $0[0].unsqueezed(at: 0).matmul($0[1].unsqueezed(at: 1)) }
    }

    @Test func linearLayers() throws {
        let x = try random([4, 3], seed: 19)
        let w = try random([2, 3], seed: 20)
        let bias = try random([2], seed: 21)
        try expectGradientsMatchFiniteDifferences([x, w, bias]) { try $0[0].linear(weight: $0[1], bias: $0[2]) }
        try expectGradientsMatchFiniteDifferences([x, w]) { try $0[0].linear(weight: $0[1]) }
        try expectGradientsMatchFiniteDifferences([x, w, bias]) {
            try $0[0].reshaped([2, 2, 3]).linear(weight: $0[1], bias: $0[2])
        }
    }

    // MARK: - Convolution and pooling

    @Test("conv2d with every option", arguments: [
        (1, 0, 1, 1, true), (2, 1, 1, 1, true), (1, 2, 2, 1, false), (2, 1, 1, 2, true),
    ])
    func convolution(stride: Int, padding: Int, dilation: Int, groups: Int, withBias: Bool) throws {
        let input = try random([2, 2, 6, 5], seed: 22)
        let weight = try random([4, 2 / groups, 3, 2], seed: 23)
        let bias = try random([4], seed: 24)
        let inputs = withBias ? [input, weight, bias] : [input, weight]
        try expectGradientsMatchFiniteDifferences(inputs) {
            try $0[0].conv2d(
                weight: $0[1], bias: withBias ? $0[2] : nil, stride: IntOrPair(stride), padding: IntOrPair(padding),
                dilation: IntOrPair(dilation), groups: groups)
        }
    }

    @Test func unbatchedConvolution() throws {
        let input = try random([1, 4, 4], seed: 25)
        let weight = try random([2, 1, 2, 2], seed: 26)
        try expectGradientsMatchFiniteDifferences([input, weight]) { try $0[0].conv2d(weight: $0[1], padding: [1, 0]) }
    }

    @Test func pooling() throws {
        let input = try random([2, 2, 5, 5], seed: 27)
        try expectGradientsMatchFiniteDifferences([input]) { try $0[0].maxPool2d(kernelSize: 2) }
        try expectGradientsMatchFiniteDifferences([input]) { try $0[0].maxPool2d(kernelSize: 3, stride: 2, padding: 1) }
        try expectGradientsMatchFiniteDifferences([input]) { try $0[0].maxPool2d(kernelSize: 2, ceilMode: true) }
        try expectGradientsMatchFiniteDifferences([input]) { try $0[0].avgPool2d(kernelSize: 2, stride: 1) }
        try expectGradientsMatchFiniteDifferences([input]) { try $0[0].avgPool2d(kernelSize: 3, stride: 2, padding: 1) }
        try expectGradientsMatchFiniteDifferences([input]) {
            try $0[0].avgPool2d(kernelSize: 3, stride: 2, padding: 1, ceilMode: true, countIncludePad: false)
        }
    }

    // MARK: - Softmax and losses

    @Test func softmaxAndLosses() throws {
        let logits = try random([4, 3], seed: 28, low: -2, high: 2)
        let target = try t([0, 2, 1, 2])
        let goal = try random([4, 3], seed: 29)
        try expectGradientsMatchFiniteDifferences([logits]) { try $0[0].softmax(dimension: 1) }
        try expectGradientsMatchFiniteDifferences([logits]) { try $0[0].logSoftmax(dimension: 0) }
        for reduction in LossReduction.allCases {
            try expectGradientsMatchFiniteDifferences([logits]) { try $0[0].crossEntropy(target: target, reduction: reduction) }
            try expectGradientsMatchFiniteDifferences([logits, goal]) { try $0[0].mseLoss(target: $0[1], reduction: reduction) }
        }
        try expectGradientsMatchFiniteDifferences([logits]) { try $0[0].crossEntropy(target: t([0, -100, 1, 2])) }
        try expectGradientsMatchFiniteDifferences([logits]) { try $0[0].crossEntropy(target: goal.softmax(dimension: 1)) }
        let spatial = try random([2, 3, 2, 2], seed: 30)
        try expectGradientsMatchFiniteDifferences([spatial]) {
            try $0[0].crossEntropy(target: t([[[0, 1], [2, 2]], [[1, 0], [0, 1]]]))
        }
    }

    @Test func dropoutWithAFixedGenerator() throws {
        let x = try random([20], seed: 31)
        try expectGradientsMatchFiniteDifferences([x]) {
            try $0[0].dropout(probability: 0.3, generator: RandomGenerator(seed: 5))
        }
    }
}
