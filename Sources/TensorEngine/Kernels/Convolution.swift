/// 2-D convolution (cross-correlation, as PyTorch's `conv2d`) and its three
/// gradients, on contiguous NCHW buffers described by a `Conv2dGeometry`.
///
/// Tiny problems run as plain loops (`DirectConvolution`); the others go
/// through a `ConvolutionPlan`: per image, a GEMM of the weights with the
/// image's patch matrix — implicit (a padded copy of the image) for stride 1,
/// unfolded (im2col) otherwise — and, for the weight gradient, a dot-product
/// kernel. Work is split over images, taps or GEMM tiles, never across one
/// output's sum, so the results are bitwise identical for any thread count.
public enum Convolution {
    /// `output = conv2d(input, weight) + bias` (bias per output channel, optional).
    ///
    /// input `[N, C, H, W]`, weight `[O, C/groups, kH, kW]`, bias `[O]`,
    /// output `[N, O, outHeight, outWidth]` (overwritten).
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public static func forward<T: KernelScalar>(
        _ g: Conv2dGeometry, input: UnsafePointer<T>, weight: UnsafePointer<T>,
        bias: UnsafePointer<T>?, output: UnsafeMutablePointer<T>
    ) {
        guard checkGeometry(g) else { return }
        let layout = ConvolutionLayout(g)
        if DirectConvolution.applies(to: layout) {
            DirectConvolution.forward(layout, input: input, weight: weight, bias: bias, output: output)
            return
        }
        ConvolutionPlan<T>(layout, threads: KernelThreads.count)
            .forward(input: input, weight: weight, bias: bias, output: output)
    }

    /// `gradInput = ∂L/∂input` from `gradOutput = ∂L/∂output` (overwritten).
    ///
    /// gradOutput `[N, O, outHeight, outWidth]`, weight `[O, C/groups, kH, kW]`,
    /// gradInput `[N, C, H, W]`.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public static func backwardInput<T: KernelScalar>(
        _ g: Conv2dGeometry, gradOutput: UnsafePointer<T>, weight: UnsafePointer<T>,
        gradInput: UnsafeMutablePointer<T>
    ) {
        guard checkGeometry(g) else { return }
        let layout = ConvolutionLayout(g)
        if DirectConvolution.applies(to: layout) {
            DirectConvolution.backwardInput(layout, gradOutput: gradOutput, weight: weight, gradInput: gradInput)
            return
        }
        ConvolutionPlan<T>(layout, threads: KernelThreads.count)
            .backwardInput(gradOutput: gradOutput, weight: weight, gradInput: gradInput)
    }

    /// `gradWeight = ∂L/∂weight`, summed over the batch (overwritten).
    ///
    /// input `[N, C, H, W]`, gradOutput `[N, O, outHeight, outWidth]`,
    /// gradWeight `[O, C/groups, kH, kW]`.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public static func backwardWeight<T: KernelScalar>(
        _ g: Conv2dGeometry, input: UnsafePointer<T>, gradOutput: UnsafePointer<T>,
        gradWeight: UnsafeMutablePointer<T>
    ) {
        guard checkGeometry(g) else { return }
        let layout = ConvolutionLayout(g)
        if DirectConvolution.applies(to: layout) {
            DirectConvolution.backwardWeight(layout, input: input, gradOutput: gradOutput, gradWeight: gradWeight)
            return
        }
        ConvolutionPlan<T>(layout, threads: KernelThreads.count)
            .backwardWeight(input: input, gradOutput: gradOutput, gradWeight: gradWeight)
    }

    /// `gradBias[o] = Σ over images and pixels of gradOutput[n, o, :, :]` (overwritten).
    ///
    /// gradOutput `[N, O, outHeight, outWidth]`, gradBias `[O]`.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public static func backwardBias<T: KernelScalar>(
        _ g: Conv2dGeometry, gradOutput: UnsafePointer<T>, gradBias: UnsafeMutablePointer<T>
    ) {
        guard checkGeometry(g) else { return }
        let layout = ConvolutionLayout(g)
        let threads = layout.outputCount >= ConvolutionPlan<T>.parallelLimit ? KernelThreads.count : 1
        ForkJoin.forEach(items: layout.outChannels, threads: threads) { channel in
            var total = 0.0
            for image in 0..<layout.batch {
                let plane = gradOutput + (image * layout.outChannels + channel) * layout.outPlane
                total += Double(PlaneSum.sum(plane, count: layout.outPlane))
            }
            gradBias[channel] = T(total)
        }
    }

    /// Asserts (debug builds) that `g` is valid; false means "do nothing".
    static func checkGeometry(_ g: Conv2dGeometry) -> Bool {
        guard g.isValid else {
            assertionFailure("Convolution: invalid geometry \(g)")
            return false
        }
        return true
    }
}
