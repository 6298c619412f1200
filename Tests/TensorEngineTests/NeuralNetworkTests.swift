import Testing

@testable import TensorEngine

/// Forward values of conv2d, pooling, linear and losses. Expected numbers are
/// what PyTorch 2.15 printed (4 decimals) for the same seeds and inputs, so
/// they are compared to half a unit of the last printed digit.
@Suite("Neural-network functions")
struct NeuralNetworkTests {
    let printed = 5e-5

    // MARK: - conv2d

    @Test func lessonCrossCorrelation() throws {
        let x = try Tensor.arange(9.0).reshaped([1, 1, 3, 3])
        let k = try t([[[[0.0, 1.0], [2.0, 3.0]]]])
        expectValues(try x.conv2d(weight: k), shape: [1, 1, 2, 2], [19, 25, 37, 43])
        let image = try Tensor.ones([6, 8])
        try image.setIndex([.all, .slice(start: 2, stop: 6, step: nil)], value: 0)
        let edges = try image.reshaped([1, 1, 6, 8]).conv2d(weight: t([[[[1.0, -1.0]]]])).reshaped([6, 7])
        #expect(try edges.index([.integer(0)]).doubles() == [0, 1, 0, 0, 0, -1, 0])
        expectValues(try Tensor.arange(9.0).reshaped([1, 3, 3]).conv2d(weight: Tensor.ones([1, 1, 2, 2])),
                     shape: [1, 2, 2], [8, 12, 20, 24])
    }

    @Test func seededConvolutions() throws {
        let g0 = RandomGenerator(seed: 0)
        let r = try Tensor.rand([4, 5], generator: g0)
        let kr = try Tensor.rand([2, 3], generator: g0)
        expectValues(
            try r.reshaped([1, 1, 4, 5]).conv2d(weight: kr.reshaped([1, 1, 2, 3])), shape: [1, 1, 3, 3],
            [2.3319, 1.7133, 1.6276, 1.7225, 1.7893, 1.5319, 1.8025, 1.3957, 1.2094], tolerance: printed)

        let g1 = RandomGenerator(seed: 1)
        let input = try Tensor.rand([1, 1, 5, 5], generator: g1)
        let kernel = try Tensor.rand([1, 1, 3, 3], generator: g1)
        let padded = [1.4739, 1.6350, 1.8379, 1.8455, 0.9510, 2.2755, 2.8322, 3.1061, 2.5095, 1.4521,
                      2.2008, 3.1276, 3.0164, 3.0319, 2.4846, 1.9186, 2.5561, 2.6154, 2.7995, 1.6304,
                      1.1858, 1.5097, 1.9418, 1.9671, 1.2926]
        expectValues(try input.conv2d(weight: kernel, padding: 1), shape: [1, 1, 5, 5], padded, tolerance: printed)
        expectValues(try input.conv2d(weight: kernel, stride: 2), shape: [1, 1, 2, 2],
                     [2.8322, 2.5095, 2.5561, 2.7995], tolerance: printed)
        expectValues(try input.conv2d(weight: kernel, stride: 2, padding: 1), shape: [1, 1, 3, 3],
                     [1.4739, 1.8379, 0.9510, 2.2008, 3.0164, 2.4846, 1.1858, 1.9418, 1.2926], tolerance: printed)
        expectValues(try input.conv2d(weight: kernel, stride: [2, 1], padding: [0, 1]), shape: [1, 1, 2, 5],
                     [2.2755, 2.8322, 3.1061, 2.5095, 1.4521, 1.9186, 2.5561, 2.6154, 2.7995, 1.6304], tolerance: printed)
        expectValues(try input.conv2d(weight: kernel, dilation: 2), shape: [1, 1, 1, 1], [2.2641], tolerance: printed)
        expectValues(try input.conv2d(weight: kernel, bias: t([10.0]), padding: 1), shape: [1, 1, 5, 5],
                     padded.map { $0 + 10 }, tolerance: printed)
    }

    @Test func channelsGroupsAndBatches() throws {
        let g2 = RandomGenerator(seed: 2)
        let input = try Tensor.rand([1, 2, 4, 4], generator: g2)
        let kernel = try Tensor.rand([1, 2, 2, 2], generator: g2)
        expectValues(try input.conv2d(weight: kernel), shape: [1, 1, 3, 3],
                     [1.9222, 1.7359, 1.9409, 1.7615, 1.7632, 1.6236, 1.5403, 1.8374, 1.7307], tolerance: printed)
        let k3 = try Tensor.rand([3, 2, 2, 2], generator: RandomGenerator(seed: 3))
        let out = try input.conv2d(weight: k3, bias: t([0.0, 1.0, -1.0]))
        expectValues(out, shape: [1, 3, 3, 3], [
            0.9659, 1.0751, 1.3770, 1.0974, 1.1700, 0.9876, 0.7544, 0.8931, 0.6338,
            2.9240, 2.8162, 2.9336, 2.8000, 2.7466, 2.5685, 2.7697, 2.6934, 2.8585,
            1.1366, 1.2303, 0.8786, 0.8273, 1.0787, 1.0510, 0.9256, 1.5401, 1.0777,
        ], tolerance: printed)
        let g4 = RandomGenerator(seed: 4)
        let xg = try Tensor.rand([1, 4, 3, 3], generator: g4)
        let kg = try Tensor.rand([2, 2, 2, 2], generator: g4)
        expectValues(try xg.conv2d(weight: kg, groups: 2), shape: [1, 2, 2, 2],
                     [2.7061, 1.2276, 3.4480, 2.8334, 2.5578, 2.1055, 3.6015, 2.2160], tolerance: printed)
        let xb = try Tensor.rand([2, 1, 3, 3], generator: RandomGenerator(seed: 5))
        expectValues(try xb.conv2d(weight: Tensor.ones([1, 1, 2, 2])), shape: [2, 1, 2, 2],
                     [2.6964, 2.0703, 2.6423, 1.8079, 2.3324, 2.5453, 2.2920, 3.0054], tolerance: printed)
    }

    @Test func convolutionLayerWithDefaultInitialisation() throws {
        let layer = try ReferenceLayers.convolution(1, 2, kernel: (2, 2), generator: RandomGenerator(seed: 0))
        let output = try Tensor.arange(9.0).reshaped([1, 1, 3, 3]).conv2d(weight: layer.weight, bias: layer.bias)
        #expect(output.gradFunctionName == "ConvolutionBackward0")
        expectValues(output, shape: [1, 2, 2, 2],
                     [-2.4826, -2.9976, -4.0276, -4.5427, 1.8224, 2.1505, 2.8066, 3.1346], tolerance: printed)
    }

    @Test func oneByOneConvolutionAsMatrixProduct() throws {
        let generator = RandomGenerator(seed: 0)
        let x = try Tensor.normal(mean: 0, std: 1, shape: [3, 3, 3], generator: generator)
        let k = try Tensor.normal(mean: 0, std: 1, shape: [2, 3, 1, 1], generator: generator)
        let y1 = try k.reshaped([2, 3]).matmul(x.reshaped([3, 9])).reshaped([2, 3, 3])
        let y2 = try x.unsqueezed(at: 0).conv2d(weight: k).squeezed(at: 0)
        #expect(try y1.subtracting(y2).absolute().sum().item().doubleValue < 1e-5)
        expectValues(y1, shape: [2, 3, 3], [
            -2.1648, 1.0211, -0.0046, 0.9460, 2.7934, 2.0757, -0.0773, -1.8424, 0.3228,
            -3.2978, -1.4512, -0.1924, -0.4243, 2.6119, 1.3721, -0.6325, -4.3399, 0.6158,
        ], tolerance: printed)
    }

    @Test func convolutionErrors() {
        expectError(
            "RuntimeError: Given groups=1, weight of size [1, 2, 3, 3], expected input[1, 1, 5, 5] to have 2 "
                + "channels, but got 1 channels instead"
        ) { _ = try Tensor.ones([1, 1, 5, 5]).conv2d(weight: Tensor.ones([1, 2, 3, 3])) }
        expectError(
            "RuntimeError: Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size "
                + "can't be greater than actual input size"
        ) { _ = try Tensor.ones([1, 1, 2, 2]).conv2d(weight: Tensor.ones([1, 1, 3, 3])) }
        expectError(
            "RuntimeError: Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [4, 4]"
        ) { _ = try Tensor.ones([4, 4]).conv2d(weight: Tensor.ones([1, 1, 2, 2])) }
        expectError(
            "RuntimeError: Given groups=2, expected weight to be divisible by 2 at dimension 0, but got weight of "
                + "size [[3, 2, 2, 2]] instead"
        ) { _ = try Tensor.ones([1, 4, 3, 3]).conv2d(weight: Tensor.ones([3, 2, 2, 2]), groups: 2) }
        expectError("NotImplementedError: \"slow_conv2d_cpu\" not implemented for 'Long'") {
            _ = try Tensor.ones([1, 1, 3, 3], dtype: .int64).conv2d(weight: Tensor.ones([1, 1, 2, 2], dtype: .int64))
        }
    }

    // MARK: - Pooling

    @Test func maxAndAveragePooling() throws {
        let x = try Tensor.arange(16.0).reshaped([1, 1, 4, 4])
        expectValues(try x.maxPool2d(kernelSize: 3), shape: [1, 1, 1, 1], [10])
        expectValues(try x.maxPool2d(kernelSize: 3, stride: 2, padding: 1), shape: [1, 1, 2, 2], [5, 7, 13, 15])
        expectValues(try x.maxPool2d(kernelSize: [2, 3], stride: [2, 3], padding: [0, 1]), shape: [1, 1, 2, 2], [5, 7, 13, 15])
        let two = try Tensor.concatenate([x, x.adding(.int(1))], dimension: 1)
        expectValues(try two.avgPool2d(kernelSize: 2), shape: [1, 2, 2, 2], [2.5, 4.5, 10.5, 12.5, 3.5, 5.5, 11.5, 13.5])
        expectValues(try x.avgPool2d(kernelSize: 3, stride: 2, padding: 1), shape: [1, 1, 2, 2],
                     [1.1111, 2.6667, 5.6667, 10], tolerance: printed)
        expectValues(try x.avgPool2d(kernelSize: 3, stride: 2, padding: 1, countIncludePad: false), shape: [1, 1, 2, 2],
                     [2.5, 4, 8.5, 10])
        let y = try Tensor.arange(25.0).reshaped([1, 1, 5, 5])
        expectValues(try y.maxPool2d(kernelSize: 2), shape: [1, 1, 2, 2], [6, 8, 16, 18])
        expectValues(try y.maxPool2d(kernelSize: 2, ceilMode: true), shape: [1, 1, 3, 3], [6, 8, 9, 16, 18, 19, 21, 23, 24])
        expectValues(try y.maxPool2d(kernelSize: 3, stride: 2), shape: [1, 1, 2, 2], [12, 14, 22, 24])
        expectValues(try y.avgPool2d(kernelSize: 2, stride: 3), shape: [1, 1, 2, 2], [3, 6, 18, 21])
    }

    @Test func seededPooling() throws {
        let r = try Tensor.rand([4, 5], generator: RandomGenerator(seed: 0)).reshaped([1, 1, 4, 5])
        expectValues(try r.maxPool2d(kernelSize: [2, 3], stride: 1), shape: [1, 1, 3, 3],
                     [0.8964, 0.8964, 0.8964, 0.8964, 0.8964, 0.8964, 0.8000, 0.8000, 0.8000], tolerance: printed)
        expectValues(try r.avgPool2d(kernelSize: [3, 2], stride: 1), shape: [1, 1, 2, 4],
                     [0.5232, 0.4445, 0.2940, 0.3317, 0.5152, 0.5514, 0.4174, 0.3323], tolerance: printed)
        let z = try Tensor.rand([1, 2, 4, 4], generator: RandomGenerator(seed: 3))
        expectValues(try z.maxPool2d(kernelSize: 2), shape: [1, 2, 2, 2],
                     [0.4716, 0.7719, 0.8879, 0.7995, 0.9492, 0.9493, 0.1877, 0.8052], tolerance: printed)
        expectValues(try z.avgPool2d(kernelSize: 2), shape: [1, 2, 2, 2],
                     [0.1604, 0.4571, 0.5084, 0.4410, 0.4970, 0.6709, 0.1512, 0.4896], tolerance: printed)
        let b = try Tensor.randn([2, 1, 4, 4], generator: RandomGenerator(seed: 4))
        expectValues(try b.maxPool2d(kernelSize: 2, stride: 2), shape: [2, 1, 2, 2],
                     [1.2632, 0.6245, 0.0467, 0.6699, 1.5191, 1.1877, 0.8488, -0.2346], tolerance: printed)
    }

    @Test func convolutionReluPoolBlock() throws {
        let generator = RandomGenerator(seed: 5)
        let layer = try ReferenceLayers.convolution(1, 2, kernel: (3, 3), generator: generator)
        let image = try Tensor.rand([1, 1, 6, 6], generator: generator)
        let output = try image.conv2d(weight: layer.weight, bias: layer.bias, padding: 1).relu().maxPool2d(kernelSize: 2)
        #expect(output.gradFunctionName == "MaxPool2DWithIndicesBackward0")
        expectValues(output, shape: [1, 2, 3, 3], [
            0, 0, 0, 0, 0, 0.0043, 0.1429, 0.0532, 0.1598,
            0.7194, 0.7587, 0.9122, 1.0647, 0.8660, 0.9479, 0.9125, 0.7650, 0.7368,
        ], tolerance: printed)
    }

    @Test func poolingErrors() {
        expectError("RuntimeError: Given input size: (1x4x4). Calculated output size: (1x0x0). Output size is too small") {
            _ = try Tensor.ones([1, 1, 4, 4]).maxPool2d(kernelSize: 5)
        }
        expectError(
            "RuntimeError: pad should be at most half of effective kernel size, but got pad=2, kernel_size=2 and dilation=1"
        ) { _ = try Tensor.ones([1, 1, 4, 4]).maxPool2d(kernelSize: 2, padding: 2) }
        expectError("RuntimeError: non-empty 3D or 4D (batch mode) tensor expected for input") {
            _ = try Tensor.ones([4, 4]).avgPool2d(kernelSize: 2)
        }
    }

    // MARK: - Linear and losses

    @Test func linearLayer() throws {
        let layer = try ReferenceLayers.linear(3, 2, generator: RandomGenerator(seed: 0))
        let output = try t([[1.0, 2.0, 3.0], [0.0, -1.0, 0.5]]).linear(weight: layer.weight, bias: layer.bias)
        #expect(output.gradFunctionName == "AddmmBackward0")
        expectValues(output, shape: [2, 2], [-0.8219, 0.0526, -0.5587, 0.7576], tolerance: printed)
        expectError("RuntimeError: addmm: mat1 and mat2 shapes cannot be multiplied (2x5 and 4x3)") {
            _ = try Tensor.ones([2, 5]).linear(weight: Tensor.ones([3, 4]), bias: Tensor.ones([3]))
        }
    }

    @Test func meanSquaredError() throws {
        let prediction = try t([[1.0, 2.0], [3.0, 4.0]])
        let target = try t([[1.5, 2.0], [2.0, 5.0]])
        expectValues(try prediction.mseLoss(target: target), shape: [], [0.5625])
        expectValues(try prediction.mseLoss(target: target, reduction: .sum), shape: [], [2.25])
        expectValues(try prediction.mseLoss(target: target, reduction: .none), shape: [2, 2], [0.25, 0, 1, 1])
    }

    @Test func crossEntropyOnSeededLogits() throws {
        let logits = try Tensor.randn([4, 3], generator: RandomGenerator(seed: 0))
        let labels = try t([0, 2, 1, 2])
        expectValues(try logits.crossEntropy(target: labels), shape: [], [0.9357], tolerance: printed)
        expectValues(try logits.crossEntropy(target: labels, reduction: .none), shape: [4],
                     [0.1689, 2.2532, 0.6196, 0.7011], tolerance: printed)
        expectValues(try logits.crossEntropy(target: labels, reduction: .sum), shape: [],
                     [0.1689 + 2.2532 + 0.6196 + 0.7011], tolerance: 2e-4)
        let softmax = try logits.softmax(dimension: 1)
        expectValues(try softmax.sum(dimension: 1), shape: [4], [1, 1, 1, 1])
        expectError("IndexError: Target 3 is out of bounds.") { _ = try logits.crossEntropy(target: t([0, 1, 2, 3])) }
        expectError("ValueError: Expected input batch_size (4) to match target batch_size (2).") {
            _ = try logits.crossEntropy(target: t([0, 1]))
        }
        expectError("RuntimeError: expected target dtype to be Long or Byte, but got Float") {
            _ = try logits.crossEntropy(target: t([0.0, 1.0, 2.0, 0.0]))
        }
    }

    @Test func dropoutKeepsTheExpectedScale() throws {
        let x = try Tensor.ones([1000])
        let dropped = try x.dropout(probability: 0.2, generator: RandomGenerator(seed: 0))
        let values = dropped.doubles()
        #expect(values.allSatisfy { $0 == 0 || $0 == Double(Float(1) / Float(0.8)) })
        let kept = values.filter { $0 != 0 }.count
        #expect(kept > 740 && kept < 860)
        #expect(try x.dropout(probability: 0.5, training: false) === x)
        expectError("ValueError: dropout probability has to be between 0 and 1, but got 1.5") {
            _ = try x.dropout(probability: 1.5)
        }
    }
}
