import Testing

@testable import TensorEngine

extension Conv2dGeometry {
    /// A compact initializer for test tables: (stride, pad, dilation) as (y, x) pairs.
    init(
        _ batch: Int, _ inChannels: Int, _ height: Int, _ width: Int, out outChannels: Int,
        kernel: (Int, Int), stride: (Int, Int) = (1, 1), pad: (Int, Int) = (0, 0),
        dilation: (Int, Int) = (1, 1), groups: Int = 1
    ) {
        self.init(
            batch: batch, inChannels: inChannels, inHeight: height, inWidth: width,
            outChannels: outChannels, kernelHeight: kernel.0, kernelWidth: kernel.1,
            strideY: stride.0, strideX: stride.1, padY: pad.0, padX: pad.1,
            dilationY: dilation.0, dilationX: dilation.1, groups: groups)
    }
}

let convolutionCases: [Conv2dGeometry] = [
    Conv2dGeometry(1, 1, 6, 8, out: 1, kernel: (1, 2)),  // the lesson's edge detector
    Conv2dGeometry(2, 1, 12, 12, out: 6, kernel: (5, 5), pad: (2, 2)),  // LeNet conv1, smaller image
    Conv2dGeometry(3, 6, 7, 7, out: 16, kernel: (5, 5)),  // LeNet conv2 shape family
    Conv2dGeometry(1, 2, 5, 5, out: 3, kernel: (3, 3), stride: (2, 2), pad: (1, 1)),
    Conv2dGeometry(2, 2, 9, 10, out: 3, kernel: (3, 3), dilation: (2, 2)),
    Conv2dGeometry(2, 4, 7, 6, out: 6, kernel: (3, 3), stride: (2, 1), pad: (1, 0), groups: 2),
    Conv2dGeometry(2, 4, 5, 5, out: 4, kernel: (3, 3), pad: (1, 1), groups: 4),  // depthwise
    Conv2dGeometry(2, 6, 4, 5, out: 9, kernel: (1, 1), groups: 3),  // 1×1: no unfolding
    Conv2dGeometry(1, 3, 7, 7, out: 2, kernel: (1, 1), stride: (2, 2)),
    Conv2dGeometry(1, 2, 3, 3, out: 2, kernel: (5, 5), pad: (2, 2)),  // kernel larger than the image
    Conv2dGeometry(2, 3, 8, 9, out: 5, kernel: (2, 3), stride: (3, 2), pad: (1, 2)),
    Conv2dGeometry(1, 1, 1, 1, out: 1, kernel: (1, 1)),
    Conv2dGeometry(1, 3, 9, 40, out: 20, kernel: (3, 3), pad: (1, 1)),  // GEMM big enough to pack
]

@Suite("Convolution kernels")
struct ConvolutionTests {
    @Test("Forward matches the definition (Float)", arguments: convolutionCases)
    func forwardFloat(_ g: Conv2dGeometry) {
        let input: [Float] = randomValues(g.inputCount, seed: 21)
        let weight: [Float] = randomValues(g.weightCount, seed: 22)
        let bias: [Float] = randomValues(g.outChannels, seed: 23)
        let reference = ConvolutionReference.forward(g, input: input, weight: weight, bias: bias)
        expectClose(
            ConvolutionRunner.forward(g, input: input, weight: weight, bias: bias), reference.values,
            bounds: reference.bounds, tolerance: sumTolerance(terms: g.patchSize + 1, as: Float.self), "\(g)")
        let unbiased = ConvolutionReference.forward(g, input: input, weight: weight, bias: nil)
        expectClose(
            ConvolutionRunner.forward(g, input: input, weight: weight, bias: nil), unbiased.values,
            bounds: unbiased.bounds, tolerance: sumTolerance(terms: g.patchSize, as: Float.self), "no bias \(g)")
    }

    @Test("Backward passes match the definition (Float)", arguments: convolutionCases)
    func backwardFloat(_ g: Conv2dGeometry) {
        let input: [Float] = randomValues(g.inputCount, seed: 24)
        let weight: [Float] = randomValues(g.weightCount, seed: 25)
        let gradOutput: [Float] = randomValues(g.outputCount, seed: 26)
        let terms = g.outChannels * g.kernelHeight * g.kernelWidth
        let gradInput = ConvolutionReference.backwardInput(g, gradOutput: gradOutput, weight: weight)
        expectClose(
            ConvolutionRunner.backwardInput(g, gradOutput: gradOutput, weight: weight), gradInput.values,
            bounds: gradInput.bounds, tolerance: sumTolerance(terms: terms, as: Float.self), "input \(g)")
        let gradWeight = ConvolutionReference.backwardWeight(g, input: input, gradOutput: gradOutput)
        expectClose(
            ConvolutionRunner.backwardWeight(g, input: input, gradOutput: gradOutput), gradWeight.values,
            bounds: gradWeight.bounds, tolerance: sumTolerance(terms: g.batch * g.outPlane, as: Float.self),
            "weight \(g)")
        let gradBias = ConvolutionReference.backwardBias(g, gradOutput: gradOutput)
        expectClose(
            ConvolutionRunner.backwardBias(g, gradOutput: gradOutput), gradBias.values,
            bounds: gradBias.bounds, tolerance: sumTolerance(terms: g.batch * g.outPlane, as: Float.self),
            "bias \(g)")
    }

    @Test("Gradients agree with central finite differences (Double)", arguments: convolutionCases)
    func finiteDifferences(_ g: Conv2dGeometry) {
        // L = Σ output ⊙ R, so ∂L/∂output = R and L is linear in each argument:
        // a central difference is exact up to rounding.
        let input: [Double] = randomValues(g.inputCount, seed: 27)
        let weight: [Double] = randomValues(g.weightCount, seed: 28)
        let bias: [Double] = randomValues(g.outChannels, seed: 29)
        let projection: [Double] = randomValues(g.outputCount, seed: 30)
        func loss(_ input: [Double], _ weight: [Double], _ bias: [Double]) -> Double {
            zip(ConvolutionRunner.forward(g, input: input, weight: weight, bias: bias), projection)
                .reduce(0) { $0 + $1.0 * $1.1 }
        }
        /// ∂L/∂values[i] by central differences at up to 12 evenly spread
        /// indices (others are left 0), `evaluate` computing L from perturbed values.
        func numericGradient(_ values: [Double], _ evaluate: ([Double]) -> Double) -> [Double] {
            let h = 1e-3
            var perturbed = values
            var gradient = [Double](repeating: 0, count: values.count)
            for index in sampledIndices(values.count) {
                perturbed[index] = values[index] + h
                let up = evaluate(perturbed)
                perturbed[index] = values[index] - h
                let down = evaluate(perturbed)
                perturbed[index] = values[index]
                gradient[index] = (up - down) / (2 * h)
            }
            return gradient
        }
        func sampled(_ values: [Double]) -> [Double] {
            let kept = Set(sampledIndices(values.count))
            return values.indices.map { kept.contains($0) ? values[$0] : 0 }
        }
        let analyticInput = sampled(ConvolutionRunner.backwardInput(g, gradOutput: projection, weight: weight))
        let analyticWeight = sampled(ConvolutionRunner.backwardWeight(g, input: input, gradOutput: projection))
        let analyticBias = sampled(ConvolutionRunner.backwardBias(g, gradOutput: projection))
        let scale = Double(g.outputCount) + 1
        expectClose(
            analyticInput, numericGradient(input) { loss($0, weight, bias) }, bounds: .init(repeating: scale, count: g.inputCount),
            tolerance: 1e-10, "input \(g)")
        expectClose(
            analyticWeight, numericGradient(weight) { loss(input, $0, bias) }, bounds: .init(repeating: scale, count: g.weightCount),
            tolerance: 1e-10, "weight \(g)")
        expectClose(
            analyticBias, numericGradient(bias) { loss(input, weight, $0) }, bounds: .init(repeating: scale, count: g.outChannels),
            tolerance: 1e-10, "bias \(g)")
    }

    @Test("Non-finite inputs give the definition's weight gradient (no spurious NaN)", arguments: [
        Conv2dGeometry(2, 2, 7, 6, out: 3, kernel: (3, 3)),
        Conv2dGeometry(1, 1, 8, 8, out: 2, kernel: (3, 3), pad: (1, 1)),
    ])
    func nonFiniteInput(_ g: Conv2dGeometry) {
        var input: [Float] = randomValues(g.inputCount, seed: 35)
        input[g.inWidth - 1] = .infinity  // last pixel of the first row: only some taps see it
        input[g.inputCount / 2] = .nan
        let gradOutput: [Float] = randomValues(g.outputCount, seed: 36)
        let reference = ConvolutionReference.backwardWeight(g, input: input, gradOutput: gradOutput)
        #expect(reference.values.contains { $0.isFinite })
        expectClose(
            ConvolutionRunner.backwardWeight(g, input: input, gradOutput: gradOutput), reference.values,
            bounds: reference.bounds.map { $0.isFinite ? $0 : 0 },
            tolerance: sumTolerance(terms: g.batch * g.outPlane, as: Float.self), "\(g)")
    }

    @Test("Implicit and unfolded schemes give the same bits", arguments: [
        Conv2dGeometry(2, 1, 12, 12, out: 6, kernel: (5, 5), pad: (2, 2)),
        Conv2dGeometry(2, 6, 10, 10, out: 16, kernel: (3, 3)),
        Conv2dGeometry(1, 4, 9, 8, out: 6, kernel: (3, 3), pad: (1, 2), dilation: (2, 1), groups: 2),
    ])
    func schemesAgree(_ g: Conv2dGeometry) {
        #expect(ConvolutionPlan<Float>(g, threads: 1).prefersImplicit)
        let input: [Float] = randomValues(g.inputCount, seed: 37)
        let weight: [Float] = randomValues(g.weightCount, seed: 38)
        let bias: [Float] = randomValues(g.outChannels, seed: 39)
        let gradOutput: [Float] = randomValues(g.outputCount, seed: 40)
        func run(implicit: Bool) -> (forward: [UInt32], gradInput: [UInt32]) {
            let plan = ConvolutionPlan<Float>(g, threads: 1, allowsImplicit: implicit)
            var output = [Float](repeating: .nan, count: g.outputCount)
            var gradInput = [Float](repeating: .nan, count: g.inputCount)
            input.withUnsafeBufferPointer { input in
                weight.withUnsafeBufferPointer { weight in
                    bias.withUnsafeBufferPointer { bias in
                        output.withUnsafeMutableBufferPointer { output in
                            plan.forward(
                                input: input.baseAddress!, weight: weight.baseAddress!, bias: bias.baseAddress!,
                                output: output.baseAddress!)
                        }
                    }
                    gradOutput.withUnsafeBufferPointer { gradOutput in
                        gradInput.withUnsafeMutableBufferPointer { gradInput in
                            plan.backwardInput(
                                gradOutput: gradOutput.baseAddress!, weight: weight.baseAddress!,
                                gradInput: gradInput.baseAddress!)
                        }
                    }
                }
            }
            return (bitPatterns(output), bitPatterns(gradInput))
        }
        let implicit = run(implicit: true)
        let unfolded = run(implicit: false)
        #expect(implicit.forward == unfolded.forward)
        #expect(implicit.gradInput == unfolded.gradInput)
    }

    @Test("The direct loops give the planned (unfolded) scheme's bits", arguments: convolutionCases + [
        Conv2dGeometry(1, 1, 3, 3, out: 2, kernel: (3, 3), pad: (1, 1)),
        Conv2dGeometry(2, 2, 4, 3, out: 2, kernel: (2, 2), stride: (2, 1), pad: (1, 1), dilation: (1, 2)),
    ])
    func directLoopsAgree(_ g: Conv2dGeometry) {
        let input: [Float] = randomValues(g.inputCount, seed: 41)
        let weight: [Float] = randomValues(g.weightCount, seed: 42)
        let bias: [Float] = randomValues(g.outChannels, seed: 43)
        let gradOutput: [Float] = randomValues(g.outputCount, seed: 44)
        let plan = ConvolutionPlan<Float>(g, threads: 1, allowsImplicit: false)
        let layout = ConvolutionLayout(g)
        guard layout.patchSize <= GEMMBlocking.depth && layout.outChannelsPerGroup <= GEMMBlocking.depth else { return }
        var direct = (
            output: [Float](repeating: .nan, count: g.outputCount),
            gradInput: [Float](repeating: .nan, count: g.inputCount),
            gradWeight: [Float](repeating: .nan, count: g.weightCount)
        )
        var planned = (
            output: [Float](repeating: .nan, count: g.outputCount),
            gradInput: [Float](repeating: .nan, count: g.inputCount),
            gradWeight: [Float](repeating: .nan, count: g.weightCount)
        )
        input.withUnsafeBufferPointer { input in
            weight.withUnsafeBufferPointer { weight in
                gradOutput.withUnsafeBufferPointer { gradOutput in
                    bias.withUnsafeBufferPointer { bias in
                        planned.output.withUnsafeMutableBufferPointer {
                            plan.forward(
                                input: input.baseAddress!, weight: weight.baseAddress!, bias: bias.baseAddress!,
                                output: $0.baseAddress!)
                        }
                    }
                    planned.gradInput.withUnsafeMutableBufferPointer {
                        plan.backwardInput(
                            gradOutput: gradOutput.baseAddress!, weight: weight.baseAddress!, gradInput: $0.baseAddress!)
                    }
                    planned.gradWeight.withUnsafeMutableBufferPointer {
                        plan.backwardWeight(
                            input: input.baseAddress!, gradOutput: gradOutput.baseAddress!, gradWeight: $0.baseAddress!)
                    }
                    bias.withUnsafeBufferPointer { bias in
                        direct.output.withUnsafeMutableBufferPointer {
                            DirectConvolution.forward(
                                layout, input: input.baseAddress!, weight: weight.baseAddress!, bias: bias.baseAddress!,
                                output: $0.baseAddress!)
                        }
                    }
                    direct.gradInput.withUnsafeMutableBufferPointer {
                        DirectConvolution.backwardInput(
                            layout, gradOutput: gradOutput.baseAddress!, weight: weight.baseAddress!,
                            gradInput: $0.baseAddress!)
                    }
                    direct.gradWeight.withUnsafeMutableBufferPointer {
                        DirectConvolution.backwardWeight(
                            layout, input: input.baseAddress!, gradOutput: gradOutput.baseAddress!,
                            gradWeight: $0.baseAddress!)
                    }
                }
            }
        }
        #expect(bitPatterns(direct.output) == bitPatterns(planned.output))
        #expect(bitPatterns(direct.gradInput) == bitPatterns(planned.gradInput))
        #expect(bitPatterns(direct.gradWeight) == bitPatterns(planned.gradWeight))
    }

    @Test("autograd.md: conv2d gradients of arange(16) with [[1, -1], [2, 0.5]]")
    func documentedGradients() {
        let g = Conv2dGeometry(1, 1, 4, 4, out: 1, kernel: (2, 2))
        let input = (0..<16).map(Float.init)
        let weight: [Float] = [1, -1, 2, 0.5]
        let ones = [Float](repeating: 1, count: g.outputCount)
        #expect(
            ConvolutionRunner.backwardInput(g, gradOutput: ones, weight: weight)
                == [1, 0, 0, -1, 3, 2.5, 2.5, -0.5, 3, 2.5, 2.5, -0.5, 2, 2.5, 2.5, 0.5])
        #expect(ConvolutionRunner.backwardWeight(g, input: input, gradOutput: ones) == [45, 54, 81, 90])
    }

    @Test("The lesson's edge detector finds the edges of a 6 × 8 image")
    func edgeDetector() {
        let g = Conv2dGeometry(1, 1, 6, 8, out: 1, kernel: (1, 2))
        let image: [Float] = (0..<48).map { index in (2..<6).contains(index % 8) ? 0 : 1 }
        let output = ConvolutionRunner.forward(g, input: image, weight: [1, -1], bias: nil)
        #expect(g.outHeight == 6 && g.outWidth == 7)
        let row: [Float] = [0, 1, 0, 0, 0, -1, 0]
        #expect(output == Array([[Float]](repeating: row, count: 6).joined()))
    }

    @Test("An empty batch writes zero weight and bias gradients")
    func emptyBatch() {
        let g = Conv2dGeometry(0, 2, 5, 5, out: 3, kernel: (3, 3))
        #expect(ConvolutionRunner.backwardWeight(g, input: [Float](), gradOutput: []) == [Float](repeating: 0, count: 54))
        #expect(ConvolutionRunner.backwardBias(g, gradOutput: [Float]()) == [0, 0, 0])
        #expect(ConvolutionRunner.forward(g, input: [Float](), weight: randomValues(54, seed: 1), bias: nil).isEmpty)
    }

    @Test("Bitwise identical for 1, 2, 3 and 7 threads", arguments: [
        Conv2dGeometry(5, 3, 18, 18, out: 8, kernel: (3, 3), pad: (1, 1)),  // split over images
        Conv2dGeometry(1, 4, 20, 20, out: 16, kernel: (5, 5), pad: (2, 2)),  // split inside the GEMMs
    ])
    func deterministic(_ g: Conv2dGeometry) {
        #expect(g.multiplyAddCount >= ConvolutionPlan<Float>.parallelLimit)  // large enough to be split
        let input: [Float] = randomValues(g.inputCount, seed: 31)
        let weight: [Float] = randomValues(g.weightCount, seed: 32)
        let bias: [Float] = randomValues(g.outChannels, seed: 33)
        let gradOutput: [Float] = randomValues(g.outputCount, seed: 34)
        let results = resultsForThreadCounts {
            [
                bitPatterns(ConvolutionRunner.forward(g, input: input, weight: weight, bias: bias)),
                bitPatterns(ConvolutionRunner.backwardInput(g, gradOutput: gradOutput, weight: weight)),
                bitPatterns(ConvolutionRunner.backwardWeight(g, input: input, gradOutput: gradOutput)),
                bitPatterns(ConvolutionRunner.backwardBias(g, gradOutput: gradOutput)),
            ]
        }
        for (pass, name) in ["forward", "backwardInput", "backwardWeight", "backwardBias"].enumerated() {
            #expect(results.allSatisfy { $0[pass] == results[0][pass] }, "\(name) \(g)")
        }
    }
}
