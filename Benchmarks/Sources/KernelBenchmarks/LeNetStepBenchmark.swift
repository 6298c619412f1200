import TensorEngine

/// One LeNet training step's convolution and pooling work on a batch of 256:
/// conv1 forward, pool1, conv2 forward, pool2, then their backward passes
/// (conv1's input gradient is not needed: the images do not require grad).
enum LeNetStepBenchmark {
    struct Step {
        let conv1 = ConvolutionBenchmarks.conv1
        let conv2 = ConvolutionBenchmarks.conv2
        let pool1 = Pool2dGeometry(
            planes: 256 * 6, inHeight: 28, inWidth: 28, kernelHeight: 2, kernelWidth: 2,
            strideY: 2, strideX: 2, padY: 0, padX: 0, ceilMode: false)
        let pool2 = Pool2dGeometry(
            planes: 256 * 16, inHeight: 10, inWidth: 10, kernelHeight: 2, kernelWidth: 2,
            strideY: 2, strideX: 2, padY: 0, padX: 0, ceilMode: false)
        let layer1: ConvolutionBenchmarks.Buffers
        let layer2: ConvolutionBenchmarks.Buffers
        let pooled1, pooled2, gradPooled1, gradPooled2: UnsafeMutablePointer<Float>

        init() {
            layer1 = .init(conv1)
            layer2 = .init(conv2)
            pooled1 = randomBuffer(pool1.outputCount, seed: 20)
            pooled2 = randomBuffer(pool2.outputCount, seed: 21)
            gradPooled1 = randomBuffer(pool1.outputCount, seed: 22)
            gradPooled2 = randomBuffer(pool2.outputCount, seed: 23)
        }

        func deallocate() {
            layer1.deallocate()
            layer2.deallocate()
            [pooled1, pooled2, gradPooled1, gradPooled2].forEach { $0.deallocate() }
        }

        /// Forward and backward; the activations between layers are left out
        /// (they are elementwise and belong to tensor-core), so the buffers
        /// are reused as they are.
        func run() {
            Convolution.forward(conv1, input: layer1.input, weight: layer1.weight, bias: layer1.bias, output: layer1.output)
            Pooling.averageForward(pool1, input: layer1.output, output: pooled1, countIncludePad: true)
            Convolution.forward(conv2, input: pooled1, weight: layer2.weight, bias: layer2.bias, output: layer2.output)
            Pooling.averageForward(pool2, input: layer2.output, output: pooled2, countIncludePad: true)
            Pooling.averageBackward(pool2, gradOutput: gradPooled2, gradInput: layer2.gradOutput, countIncludePad: true)
            Convolution.backwardWeight(conv2, input: pooled1, gradOutput: layer2.gradOutput, gradWeight: layer2.gradWeight)
            Convolution.backwardBias(conv2, gradOutput: layer2.gradOutput, gradBias: layer2.gradBias)
            Convolution.backwardInput(conv2, gradOutput: layer2.gradOutput, weight: layer2.weight, gradInput: gradPooled1)
            Pooling.averageBackward(pool1, gradOutput: gradPooled1, gradInput: layer1.gradOutput, countIncludePad: true)
            Convolution.backwardWeight(conv1, input: layer1.input, gradOutput: layer1.gradOutput, gradWeight: layer1.gradWeight)
            Convolution.backwardBias(conv1, gradOutput: layer1.gradOutput, gradBias: layer1.gradBias)
        }
    }

    static func run() {
        print("## LeNet step (convolutions + pooling, forward + backward), batch 256: µs per step\n")
        let step = Step()
        defer { step.deallocate() }
        var table = Table("threads", "µs per step", "speed-up")
        let one = KernelThreads.withCount(1) { Stopwatch.best(budget: 1) { step.run() } }
        table.add("1", fixed(one * 1e6, 0), "1.00×")
        if !Stopwatch.usesThreadCPUTime {
            let two = KernelThreads.withCount(2) { Stopwatch.best(budget: 1) { step.run() } }
            table.add("2", fixed(two * 1e6, 0), fixed(one / two, 2) + "×")
        }
        table.print()
    }

    /// Runs the step `count` times on the default thread count, for profilers.
    static func repeatStep(_ count: Int) {
        let step = Step()
        defer { step.deallocate() }
        for _ in 0..<count { step.run() }
    }
}
