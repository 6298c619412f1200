@testable import TensorEngine

/// Array-in, array-out wrappers over the `Convolution` kernels for tests.
/// Outputs start as NaN so a kernel that fails to overwrite shows up; every
/// buffer has at least one element so that `baseAddress` exists for empty batches.
enum ConvolutionRunner {
    static func forward<T: KernelScalar>(_ g: Conv2dGeometry, input: [T], weight: [T], bias: [T]?) -> [T] {
        var output = [T](repeating: .nan, count: max(g.outputCount, 1))
        input.withUnsafeBufferPointer { input in
            weight.withUnsafeBufferPointer { weight in
                output.withUnsafeMutableBufferPointer { output in
                    if let bias {
                        bias.withUnsafeBufferPointer { bias in
                            Convolution.forward(
                                g, input: input.baseAddress!, weight: weight.baseAddress!,
                                bias: bias.baseAddress!, output: output.baseAddress!)
                        }
                    } else {
                        Convolution.forward(
                            g, input: input.baseAddress!, weight: weight.baseAddress!, bias: nil,
                            output: output.baseAddress!)
                    }
                }
            }
        }
        return Array(output.prefix(g.outputCount))
    }

    static func backwardInput<T: KernelScalar>(_ g: Conv2dGeometry, gradOutput: [T], weight: [T]) -> [T] {
        var gradInput = [T](repeating: .nan, count: max(g.inputCount, 1))
        gradOutput.withUnsafeBufferPointer { gradOutput in
            weight.withUnsafeBufferPointer { weight in
                gradInput.withUnsafeMutableBufferPointer { gradInput in
                    Convolution.backwardInput(
                        g, gradOutput: gradOutput.baseAddress!, weight: weight.baseAddress!,
                        gradInput: gradInput.baseAddress!)
                }
            }
        }
        return Array(gradInput.prefix(g.inputCount))
    }

    static func backwardWeight<T: KernelScalar>(_ g: Conv2dGeometry, input: [T], gradOutput: [T]) -> [T] {
        var gradWeight = [T](repeating: .nan, count: g.weightCount)
        input.withUnsafeBufferPointer { input in
            gradOutput.withUnsafeBufferPointer { gradOutput in
                gradWeight.withUnsafeMutableBufferPointer { gradWeight in
                    Convolution.backwardWeight(
                        g, input: input.baseAddress!, gradOutput: gradOutput.baseAddress!,
                        gradWeight: gradWeight.baseAddress!)
                }
            }
        }
        return gradWeight
    }

    static func backwardBias<T: KernelScalar>(_ g: Conv2dGeometry, gradOutput: [T]) -> [T] {
        var gradBias = [T](repeating: .nan, count: g.outChannels)
        gradOutput.withUnsafeBufferPointer { gradOutput in
            gradBias.withUnsafeMutableBufferPointer { gradBias in
                Convolution.backwardBias(g, gradOutput: gradOutput.baseAddress!, gradBias: gradBias.baseAddress!)
            }
        }
        return gradBias
    }
}
