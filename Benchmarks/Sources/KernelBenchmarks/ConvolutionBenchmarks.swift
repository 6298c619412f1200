import TensorEngine

/// LeNet's two convolutions on a batch of 256 (d2l: Conv2d(1, 6, 5, padding 2)
/// on 28×28, Conv2d(6, 16, 5) on 14×14), each pass timed against direct loops.
enum ConvolutionBenchmarks {
    static let conv1 = Conv2dGeometry(
        batch: 256, inChannels: 1, inHeight: 28, inWidth: 28, outChannels: 6, kernelHeight: 5, kernelWidth: 5,
        strideY: 1, strideX: 1, padY: 2, padX: 2, dilationY: 1, dilationX: 1, groups: 1)
    static let conv2 = Conv2dGeometry(
        batch: 256, inChannels: 6, inHeight: 14, inWidth: 14, outChannels: 16, kernelHeight: 5, kernelWidth: 5,
        strideY: 1, strideX: 1, padY: 0, padX: 0, dilationY: 1, dilationX: 1, groups: 1)

    enum Pass: String, CaseIterable {
        case forward, backwardInput, backwardWeight, backwardBias
    }

    /// Buffers of one layer: input, weight, bias, output, and their gradients.
    struct Buffers {
        let input, weight, bias, output, gradOutput, gradInput, gradWeight, gradBias: UnsafeMutablePointer<Float>
        let reference: UnsafeMutablePointer<Float>

        init(_ g: Conv2dGeometry) {
            input = randomBuffer(g.inputCount, seed: 3)
            weight = randomBuffer(g.weightCount, seed: 4)
            bias = randomBuffer(g.outChannels, seed: 5)
            output = randomBuffer(g.outputCount, seed: 6)
            gradOutput = randomBuffer(g.outputCount, seed: 7)
            gradInput = randomBuffer(g.inputCount, seed: 8)
            gradWeight = randomBuffer(g.weightCount, seed: 9)
            gradBias = randomBuffer(g.outChannels, seed: 10)
            reference = randomBuffer(max(g.inputCount, g.outputCount), seed: 11)
        }

        func deallocate() {
            [input, weight, bias, output, gradOutput, gradInput, gradWeight, gradBias, reference].forEach { $0.deallocate() }
        }
    }

    static func runOurs(_ pass: Pass, _ g: Conv2dGeometry, _ x: Buffers) {
        switch pass {
        case .forward: Convolution.forward(g, input: x.input, weight: x.weight, bias: x.bias, output: x.output)
        case .backwardInput: Convolution.backwardInput(g, gradOutput: x.gradOutput, weight: x.weight, gradInput: x.gradInput)
        case .backwardWeight: Convolution.backwardWeight(g, input: x.input, gradOutput: x.gradOutput, gradWeight: x.gradWeight)
        case .backwardBias: Convolution.backwardBias(g, gradOutput: x.gradOutput, gradBias: x.gradBias)
        }
    }

    /// Runs the naive pass into `reference` and returns (seconds, result count, our result).
    static func runNaive(_ pass: Pass, _ g: Conv2dGeometry, _ x: Buffers) -> (Double, Int, UnsafeMutablePointer<Float>) {
        switch pass {
        case .forward:
            let t = Stopwatch.best(budget: 0.2, minimumRuns: 1) {
                NaiveKernels.convolutionForward(g, input: x.input, weight: x.weight, output: x.reference)
                for index in 0..<g.outputCount { x.reference[index] += x.bias[(index / (g.outHeight * g.outWidth)) % g.outChannels] }
            }
            return (t, g.outputCount, x.output)
        case .backwardInput:
            let t = Stopwatch.best(budget: 0.2, minimumRuns: 1) {
                NaiveKernels.convolutionBackwardInput(g, gradOutput: x.gradOutput, weight: x.weight, gradInput: x.reference)
            }
            return (t, g.inputCount, x.gradInput)
        case .backwardWeight:
            let t = Stopwatch.best(budget: 0.2, minimumRuns: 1) {
                NaiveKernels.convolutionBackwardWeight(g, input: x.input, gradOutput: x.gradOutput, gradWeight: x.reference)
            }
            return (t, g.weightCount, x.gradWeight)
        case .backwardBias:
            let t = Stopwatch.best(budget: 0.2, minimumRuns: 1) {
                NaiveKernels.convolutionBackwardBias(g, gradOutput: x.gradOutput, gradBias: x.reference)
            }
            return (t, g.outChannels, x.gradBias)
        }
    }

    static func run() {
        print("## LeNet convolutions, batch 256 (Float): µs per call — lower is better\n")
        var table = Table(
            "layer / pass", "naive µs", "1T µs", "2T µs", "GFLOP/s 2T", "naive/2T", "2T/1T", "max rel diff")
        var totals = (naive: 0.0, one: 0.0, two: 0.0)
        for (name, g) in [("conv1 1→6 5×5 pad 2, 28×28", conv1), ("conv2 6→16 5×5, 14×14", conv2)] {
            let buffers = Buffers(g)
            defer { buffers.deallocate() }
            for pass in Pass.allCases {
                let one = KernelThreads.withCount(1) { Stopwatch.best { runOurs(pass, g, buffers) } }
                let two = KernelThreads.withCount(2) { Stopwatch.best { runOurs(pass, g, buffers) } }
                let (naive, count, ours) = runNaive(pass, g, buffers)
                let flops = pass == .backwardBias ? Double(g.outputCount) : 2.0 * Double(g.multiplyAddCount)
                // The first layer's input needs no gradient in training: leave it out of the step total.
                if !(g == conv1 && pass == .backwardInput) {
                    totals.naive += naive
                    totals.one += one
                    totals.two += two
                }
                table.add(
                    "\(name) \(pass.rawValue)", fixed(naive * 1e6, 0), fixed(one * 1e6, 0), fixed(two * 1e6, 0),
                    fixed(flops / two / 1e9), fixed(naive / two, 1) + "×", fixed(one / two, 2) + "×",
                    "\(maximumRelativeDifference(ours, buffers.reference, count: count))")
            }
        }
        table.add(
            "training step (all but conv1 backwardInput)", fixed(totals.naive * 1e6, 0), fixed(totals.one * 1e6, 0),
            fixed(totals.two * 1e6, 0), "", fixed(totals.naive / totals.two, 1) + "×", fixed(totals.one / totals.two, 2) + "×", "")
        table.print()
    }
}
