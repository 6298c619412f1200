import Foundation
import Testing

@testable import TensorEngine

/// Whole training loops and seeded gradients whose printed results PyTorch
/// 2.15 recorded; they exercise forward, backward, in-place updates and the
/// random generator together.
@Suite("Training loops")
struct TrainingTests {
    /// Half a unit of the last printed digit.
    func printedTolerance(decimals: Int) -> Double { 0.5 * pow(10, Double(-decimals)) }

    /// Compares with the number PyTorch printed to `decimals` places.
    func expectPrinted(_ value: Double, _ printed: Double, decimals: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(abs(value - printed) <= printedTolerance(decimals: decimals) + 1e-12, "\(value) vs \(printed)",
                sourceLocation: sourceLocation)
    }

    // MARK: - Seeded gradients

    @Test func matrixProductGradients() throws {
        let generator = RandomGenerator(seed: 0)
        let a = try Tensor.rand([2, 3], generator: generator).requiresGrad_()
        let b = try Tensor.rand([3, 2], generator: generator).requiresGrad_()
        try a.matmul(b).sum().backward()
        expectValues(try #require(a.grad), shape: [2, 3], [1.3865, 1.0879, 0.7506, 1.3865, 1.0879, 0.7506], tolerance: 5e-5)
        expectValues(try #require(b.grad), shape: [3, 2], [0.6283, 0.6283, 1.0756, 1.0756, 0.7226, 0.7226], tolerance: 5e-5)
    }

    @Test func convolutionGradients() throws {
        let x = try Tensor.arange(16.0).reshaped([1, 1, 4, 4]).requiresGrad_()
        let w = try t([[[[1.0, -1.0], [2.0, 0.5]]]]).requiresGrad_()
        try x.conv2d(weight: w).sum().backward()
        expectValues(try #require(x.grad), shape: [1, 1, 4, 4],
                     [1, 0, 0, -1, 3, 2.5, 2.5, -0.5, 3, 2.5, 2.5, -0.5, 2, 2.5, 2.5, 0.5])
        expectValues(try #require(w.grad), shape: [1, 1, 2, 2], [45, 54, 81, 90])

        let generator = RandomGenerator(seed: 1)
        let input = try Tensor.rand([1, 2, 5, 5], generator: generator).requiresGrad_()
        let weight = try Tensor.rand([3, 2, 3, 3], generator: generator).requiresGrad_()
        let bias = try Tensor.zeros([3]).requiresGrad_()
        try input.conv2d(weight: weight, bias: bias, stride: 2, padding: 1).raised(toPower: .int(2)).sum().backward()
        expectValues(try #require(input.grad).index([.integer(0), .integer(0)]), shape: [5, 5], [
            14.2516, 19.2652, 16.9691, 15.9315, 6.5467, 19.7371, 39.9844, 23.3962, 39.3793, 10.1894,
            20.4708, 30.1823, 26.8405, 25.0310, 11.6304, 17.4042, 41.2651, 22.6639, 38.2714, 10.7535,
            9.3098, 14.7668, 13.8148, 13.6828, 7.1411,
        ], tolerance: 5e-5)
        expectValues(try #require(weight.grad).index([.integer(0), .integer(1)]), shape: [3, 3], [
            15.2734, 26.1360, 13.2410, 23.9330, 29.3931, 24.4803, 14.0878, 30.5262, 14.5735,
        ], tolerance: 5e-5)
        expectValues(try #require(bias.grad), shape: [3], [56.6134, 45.8112, 55.0575], tolerance: 5e-5)
    }

    @Test func poolingGradients() throws {
        let xp = try t([[[[1.0, 3.0, 2.0, 0.0], [4.0, 0.5, 1.0, 6.0], [0.0, 2.0, 5.0, 1.0], [3.0, 1.0, 0.0, 2.0]]]])
        try xp.requiresGrad_()
        try xp.maxPool2d(kernelSize: 2).sum().backward()
        expectValues(try #require(xp.grad), shape: [1, 1, 4, 4], [0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0])
        let xo = try t([[[[1.0, 2.0, 1.0], [2.0, 9.0, 2.0], [1.0, 2.0, 1.0]]]]).requiresGrad_()
        try xo.maxPool2d(kernelSize: 2, stride: 1).sum().backward()
        expectValues(try #require(xo.grad), shape: [1, 1, 3, 3], [0, 0, 0, 0, 4, 0, 0, 0, 0])
        let xq = try Tensor.ones([1, 1, 3, 3]).requiresGrad_()
        try xq.maxPool2d(kernelSize: 2, stride: 1).sum().backward()
        expectValues(try #require(xq.grad), shape: [1, 1, 3, 3], [1, 1, 0, 1, 1, 0, 0, 0, 0])
        let xa = try Tensor.ones([1, 1, 4, 4]).requiresGrad_()
        try xa.avgPool2d(kernelSize: 2).sum().backward()
        expectValues(try #require(xa.grad), shape: [1, 1, 4, 4], [Double](repeating: 0.25, count: 16))
    }

    // MARK: - The lesson's kernel-learning loop

    /// The lesson's edge image X (6×8 with a dark band) and target Y = X ⋆ [1, −1].
    func edgeData() throws -> (x: Tensor, y: Tensor) {
        let x = try Tensor.ones([6, 8])
        try x.setIndex([.all, .slice(start: 2, stop: 6, step: nil)], value: 0)
        let y = try x.reshaped([1, 1, 6, 8]).conv2d(weight: t([[[[1.0, -1.0]]]]))
        return (try x.reshaped([1, 1, 6, 8]), y)
    }

    @Test("nn.Conv2d(1, 1, (1, 2)) learns the edge kernel", arguments: [
        (UInt64(0), [8.330, 1.722, 0.422, 0.125, 0.043], [1.0063, -0.9662]),
        (UInt64(1), [2.179, 0.372, 0.065, 0.012, 0.002], [0.9952, -0.9896]),
    ])
    func kernelLearning(seed: UInt64, losses: [Double], learned: [Double]) throws {
        let (x, y) = try edgeData()
        let weight = try ReferenceLayers.convolution(1, 1, kernel: (1, 2), bias: false, generator: RandomGenerator(seed: seed)).weight
        var printed: [Double] = []
        for epoch in 1...10 {
            let loss = try x.conv2d(weight: weight).subtracting(y).raised(toPower: .int(2))
            weight.grad = nil
            try loss.sum().backward()
            try weight.data.index([.all]).subtract_(try #require(weight.grad).multiplied(by: .float(3e-2)))
            if epoch % 2 == 0 { printed.append(try loss.sum().item().doubleValue) }
        }
        for (value, expected) in zip(printed, losses) { expectPrinted(value, expected, decimals: 3) }
        for (value, expected) in zip(weight.doubles(), learned) { expectPrinted(value, expected, decimals: 4) }
    }

    @Test func pythonLoopConvolutionModuleTrainsThroughCopySlices() throws {
        // The lesson's Conv2D: corr2d written with Y[i, j] = (X[i:i+h, j:j+w] * K).sum().
        func corr2d(_ x: Tensor, _ k: Tensor) throws -> Tensor {
            let (h, w) = (k.shape[0], k.shape[1])
            let y = try Tensor.zeros([x.shape[0] - h + 1, x.shape[1] - w + 1])
            for i in 0..<y.shape[0] {
                for j in 0..<y.shape[1] {
                    let window = try x.index([.slice(start: i, stop: i + h, step: nil), .slice(start: j, stop: j + w, step: nil)])
                    try y.setIndex([.integer(i), .integer(j)], value: window.multiplied(by: k).sum())
                }
            }
            return y
        }
        let (x4, y4) = try edgeData()
        let (x, y) = (try x4.reshaped([6, 8]), try y4.reshaped([6, 7]))
        let generator = RandomGenerator(seed: 0)
        let weight = try Tensor.rand([1, 2], generator: generator).asParameter()
        let bias = try Tensor.zeros([1]).asParameter()
        var printed: [Double] = []
        for epoch in 1...10 {
            let loss = try corr2d(x, weight).adding(bias).subtracting(y).raised(toPower: .int(2))
            weight.grad = nil
            bias.grad = nil
            try loss.sum().backward()
            try weight.data.index([.all]).subtract_(try #require(weight.grad).multiplied(by: .float(1e-2)))
            try bias.data.index([.all]).subtract_(try #require(bias.grad).multiplied(by: .float(1e-2)))
            if epoch % 5 == 0 { printed.append(try loss.sum().item().doubleValue) }
        }
        expectPrinted(printed[0], 6.406, decimals: 3)
        expectPrinted(printed[1], 1.644, decimals: 3)
        for (value, expected) in zip(weight.doubles(), [0.7270, -0.6403]) { expectPrinted(value, expected, decimals: 4) }
        expectPrinted(bias.doubles()[0], -0.0485, decimals: 4)
    }

    // MARK: - Linear regression

    @Test func linearRegressionWithHandWrittenSGD() throws {
        let generator = RandomGenerator(seed: 0)
        let trueW = try t([2, -3.4])
        let features = try Tensor.normal(mean: 0, std: 1, shape: [50, 2], generator: generator)
        let noisy = try features.matmul(trueW).adding(.float(4.2))
        try noisy.add_(Tensor.normal(mean: 0, std: 0.01, shape: noisy.shape, generator: generator))
        let labels = try noisy.reshaped([-1, 1])
        expectValues(try features.index([.slice(start: nil, stop: 3, step: nil)]), shape: [3, 2],
                     [-1.1258, -1.1524, -0.2506, -0.4339, 0.8487, 0.6920], tolerance: 5e-5)
        expectValues(try labels.index([.slice(start: nil, stop: 3, step: nil)]), shape: [3, 1],
                     [5.8760, 5.1775, 3.5354], tolerance: 5e-5)

        let weightGenerator = RandomGenerator(seed: 1)
        let w = try Tensor.normal(mean: 0, std: 0.01, shape: [2, 1], generator: weightGenerator).requiresGrad_()
        let b = try Tensor.zeros([1]).requiresGrad_()
        func squaredLoss(_ x: Tensor, _ y: Tensor) throws -> Tensor {
            let prediction = try x.matmul(w).adding(b)
            return try prediction.subtracting(y.reshaped(prediction.shape)).raised(toPower: .int(2)).divided(by: .int(2))
        }
        var epochLosses: [Double] = []
        for _ in 0..<5 {
            for start in stride(from: 0, to: 50, by: 10) {
                let range = TensorIndex.slice(start: start, stop: start + 10, step: nil)
                try squaredLoss(features.index([range]), labels.index([range])).sum().backward()
                try withoutGradients {
                    for parameter in [w, b] {
                        try parameter.subtract_(try #require(parameter.grad).multiplied(by: .float(0.1)).divided(by: .int(10)))
                        try #require(parameter.grad).zero_()
                    }
                }
            }
            epochLosses.append(try withoutGradients { try squaredLoss(features, labels).mean().item().doubleValue })
        }
        let expected = [5.539988, 2.376474, 1.065343, 0.493044, 0.233471]
        for (value, printed) in zip(epochLosses, expected) { expectPrinted(value, printed, decimals: 6) }
    }

    // MARK: - LeNet

    @Test func leNetTrainingSteps() throws {
        let generator = RandomGenerator(seed: 0)
        let conv1 = try ReferenceLayers.convolution(1, 6, kernel: (5, 5), generator: generator)
        let conv2 = try ReferenceLayers.convolution(6, 16, kernel: (5, 5), generator: generator)
        let fc1 = try ReferenceLayers.linear(400, 120, generator: generator)
        let fc2 = try ReferenceLayers.linear(120, 84, generator: generator)
        let fc3 = try ReferenceLayers.linear(84, 10, generator: generator)
        for weight in [conv1.weight, conv2.weight, fc1.weight, fc2.weight, fc3.weight] {
            try ReferenceLayers.xavierUniform(weight, generator: generator)
        }
        expectValues(try conv1.weight.index([.integer(0), .integer(0), .integer(0)]), shape: [5],
                     [-0.0309, 0.0603, -0.0745, -0.0672, -0.0009], tolerance: 5e-5)
        expectValues(fc3.bias, shape: [10],
                     [-0.0361, -0.0666, 0.0530, 0.0687, -0.0392, 0.0427, -0.0543, 0.0596, -0.0002, 0.0938], tolerance: 5e-5)
        let parameters = [conv1.weight, try #require(conv1.bias), conv2.weight, try #require(conv2.bias),
                          fc1.weight, fc1.bias, fc2.weight, fc2.bias, fc3.weight, fc3.bias]
        func forward(_ images: Tensor) throws -> Tensor {
            var x = try images.conv2d(weight: conv1.weight, bias: conv1.bias, padding: 2).sigmoid().avgPool2d(kernelSize: 2)
            x = try x.conv2d(weight: conv2.weight, bias: conv2.bias).sigmoid().avgPool2d(kernelSize: 2).flattened(from: 1)
            x = try x.linear(weight: fc1.weight, bias: fc1.bias).sigmoid()
            x = try x.linear(weight: fc2.weight, bias: fc2.bias).sigmoid()
            return try x.linear(weight: fc3.weight, bias: fc3.bias)
        }
        func step() throws {
            try withoutGradients {
                for parameter in parameters { try parameter.add_(try #require(parameter.grad), alpha: .float(-0.9)) }
            }
        }
        let dataGenerator = RandomGenerator(seed: 1)
        let images = try Tensor.rand([8, 1, 28, 28], generator: dataGenerator)
        let targets = try Tensor.randint(low: 0, high: 10, shape: [8], generator: dataGenerator)
        #expect(targets.integers() == [2, 9, 1, 5, 7, 8, 3, 4])

        let logits = try forward(images)
        #expect(logits.shape == [8, 10])
        let loss = try logits.crossEntropy(target: targets)
        expectPrinted(try loss.item().doubleValue, 2.4190, decimals: 4)
        try loss.backward()
        #expect(conv1.weight.grad?.shape == [6, 1, 5, 5])
        expectPrinted(try #require(fc3.bias.grad).absolute().sum().item().doubleValue, 0.7027, decimals: 4)
        try step()
        expectPrinted(try withoutGradients { try forward(images).crossEntropy(target: targets).item().doubleValue }, 2.5948,
                      decimals: 4)
        var losses: [Double] = []
        var correct: [Int64] = []
        for _ in 0..<3 {
            for parameter in parameters { parameter.grad = nil }
            let predictions = try forward(images)
            let stepLoss = try predictions.crossEntropy(target: targets)
            try stepLoss.backward()
            try step()
            losses.append(try stepLoss.item().doubleValue)
            correct.append(try predictions.argmax(dimension: 1).equal(targets).sum().item().int64Value)
        }
        for (value, printed) in zip(losses, [2.5948, 2.4010, 2.6146]) { expectPrinted(value, printed, decimals: 4) }
        #expect(correct == [1, 1, 1])
        let predictions = try withoutGradients { try forward(images).argmax(dimension: 1) }
        #expect(predictions.integers() == [3, 3, 3, 3, 3, 3, 3, 3])
    }
}
