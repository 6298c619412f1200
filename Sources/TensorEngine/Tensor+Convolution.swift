/// `torch.nn.functional.conv2d`, on the `Convolution` kernels.
extension Tensor {
    /// 2-D cross-correlation of `self` with `weight`, plus an optional bias per
    /// output channel (`ConvolutionBackward0`).
    ///
    /// Shapes: input `[N, C, H, W]` (or unbatched `[C, H, W]`), weight
    /// `[O, C / groups, kH, kW]`, bias `[O]` → `[N, O, H', W']` with
    /// `H' = (H + 2·padding − dilation·(kH − 1) − 1) / stride + 1`.
    ///
    /// ```swift
    /// let y = try x.conv2d(weight: k, padding: 1)   // [1, 1, 5, 5] * [1, 1, 3, 3] → [1, 1, 5, 5]
    /// ```
    public func conv2d(
        weight: Tensor, bias: Tensor? = nil, stride: IntOrPair = 1, padding: IntOrPair = 0,
        dilation: IntOrPair = 1, groups: Int = 1
    ) throws -> Tensor {
        guard rank == 3 || rank == 4 else { throw TensorError.convolutionInputRank(input: shape) }
        if rank == 3 {
            return try unsqueezed(at: 0).conv2d(
                weight: weight, bias: bias, stride: stride, padding: padding, dilation: dilation, groups: groups
            ).squeezed(at: 0)
        }
        let geometry = try convolutionGeometry(weight: weight, bias: bias, stride: stride, padding: padding,
                                               dilation: dilation, groups: groups)
        let input = try withoutGradients { try contiguous() }
        let kernel = try withoutGradients { try weight.contiguous() }
        let biasValues = try withoutGradients { try bias?.contiguous() }
        let output = try Tensor(
            uninitializedShape: [geometry.batch, geometry.outChannels, geometry.outHeight, geometry.outWidth], dtype: dtype)
        if dtype == .float32 {
            Convolution.forward(
                geometry, input: input.basePointer(as: Float.self), weight: kernel.basePointer(as: Float.self),
                bias: biasValues.map { UnsafePointer($0.basePointer(as: Float.self)) },
                output: output.basePointer(as: Float.self))
        } else {
            Convolution.forward(
                geometry, input: input.basePointer(as: Double.self), weight: kernel.basePointer(as: Double.self),
                bias: biasValues.map { UnsafePointer($0.basePointer(as: Double.self)) },
                output: output.basePointer(as: Double.self))
        }
        let inputs = [self, weight] + (bias.map { [$0] } ?? [])
        let (savedInput, savedKernel) = (saved(input), saved(kernel))
        return output.recordGradient("ConvolutionBackward0", inputs: inputs) { g, needs in
            try Tensor.convolutionGradients(g, needs, geometry: geometry, input: savedInput, weight: savedKernel)
        }
    }

    /// Validates a convolution the way ATen does (same messages, same order).
    private func convolutionGeometry(
        weight: Tensor, bias: Tensor?, stride: IntOrPair, padding: IntOrPair, dilation: IntOrPair, groups: Int
    ) throws -> Conv2dGeometry {
        guard weight.rank >= 3 else { throw TensorError.convolutionWeightTooFewDimensions }
        guard weight.rank == 4 else {
            throw TensorError.convolutionStrideLength(spatialDimensions: weight.rank - 2, stride: [stride.first, stride.second])
        }
        guard stride.first > 0 && stride.second > 0 else { throw TensorError.nonPositiveParameter("stride") }
        guard padding.first >= 0 && padding.second >= 0 else { throw TensorError.negativePadding }
        guard dilation.first > 0 && dilation.second > 0 else { throw TensorError.dilationNotPositive }
        guard groups > 0 else { throw TensorError.nonPositiveParameter("groups") }
        // Sizes beyond 2^31 cannot describe a real convolution; refusing them
        // keeps the padded-size arithmetic below from overflowing.
        let limit = 1 << 31
        guard [stride.first, stride.second, padding.first, padding.second, dilation.first, dilation.second, groups]
            .allSatisfy({ $0 < limit }), shape.allSatisfy({ $0 < limit }), weight.shape.allSatisfy({ $0 < limit })
        else { throw TensorError.allocationFailed(bytes: Int.max) }
        let (outChannels, channelsPerGroup) = (weight.shape[0], weight.shape[1])
        guard outChannels % groups == 0 else {
            throw TensorError.convolutionGroupsDivisibility(groups: groups, weight: weight.shape)
        }
        guard shape[1] == channelsPerGroup * groups else {
            throw TensorError.convolutionChannelMismatch(
                groups: groups, weight: weight.shape, input: shape, expected: channelsPerGroup * groups, actual: shape[1])
        }
        if let bias, bias.rank != 1 || bias.count != outChannels {
            throw TensorError.convolutionBiasShape(weight: weight.shape, bias: bias.shape)
        }
        let (paddedHeight, paddedWidth) = (shape[2] + 2 * padding.first, shape[3] + 2 * padding.second)
        let (kernelHeight, kernelWidth) = (
            dilation.first * (weight.shape[2] - 1) + 1, dilation.second * (weight.shape[3] - 1) + 1
        )
        guard paddedHeight >= kernelHeight && paddedWidth >= kernelWidth else {
            throw TensorError.convolutionKernelTooLarge(
                paddedHeight: paddedHeight, paddedWidth: paddedWidth, kernelHeight: kernelHeight,
                kernelWidth: kernelWidth)
        }
        guard dtype.isFloatingPoint else { throw TensorError.notImplemented(kernel: "slow_conv2d_cpu", dtype: dtype) }
        guard weight.dtype == dtype else { throw TensorError.expectedDType(expected: dtype, actual: weight.dtype) }
        if let bias, bias.dtype != dtype { throw TensorError.convolutionBiasDTypeMismatch(input: dtype, bias: bias.dtype) }
        let geometry = Conv2dGeometry(
            batch: shape[0], inChannels: shape[1], inHeight: shape[2], inWidth: shape[3], outChannels: outChannels,
            kernelHeight: weight.shape[2], kernelWidth: weight.shape[3], strideY: stride.first,
            strideX: stride.second, padY: padding.first, padX: padding.second, dilationY: dilation.first,
            dilationX: dilation.second, groups: groups)
        guard geometry.isValid else { throw TensorError.allocationFailed(bytes: Int.max) }
        return geometry
    }

    /// The three gradients of a convolution, each only when needed.
    private static func convolutionGradients(
        _ gradient: Tensor, _ needs: [Bool], geometry: Conv2dGeometry, input: Tensor, weight: Tensor
    ) throws -> [Tensor?] {
        let g = try gradient.to(input.dtype).contiguous()
        var results: [Tensor?] = []
        if needs[0] {
            let gradInput = try Tensor(uninitializedShape: input.shape, dtype: input.dtype)
            if input.dtype == .float32 {
                Convolution.backwardInput(
                    geometry, gradOutput: g.basePointer(as: Float.self), weight: weight.basePointer(as: Float.self),
                    gradInput: gradInput.basePointer(as: Float.self))
            } else {
                Convolution.backwardInput(
                    geometry, gradOutput: g.basePointer(as: Double.self), weight: weight.basePointer(as: Double.self),
                    gradInput: gradInput.basePointer(as: Double.self))
            }
            results.append(gradInput)
        } else {
            results.append(nil)
        }
        if needs[1] {
            let gradWeight = try Tensor(uninitializedShape: weight.shape, dtype: weight.dtype)
            if input.dtype == .float32 {
                Convolution.backwardWeight(
                    geometry, input: input.basePointer(as: Float.self), gradOutput: g.basePointer(as: Float.self),
                    gradWeight: gradWeight.basePointer(as: Float.self))
            } else {
                Convolution.backwardWeight(
                    geometry, input: input.basePointer(as: Double.self), gradOutput: g.basePointer(as: Double.self),
                    gradWeight: gradWeight.basePointer(as: Double.self))
            }
            results.append(gradWeight)
        } else {
            results.append(nil)
        }
        if needs.count > 2 {
            guard needs[2] else { return results + [nil] }
            let gradBias = try Tensor(uninitializedShape: [geometry.outChannels], dtype: input.dtype)
            if input.dtype == .float32 {
                Convolution.backwardBias(
                    geometry, gradOutput: g.basePointer(as: Float.self), gradBias: gradBias.basePointer(as: Float.self))
            } else {
                Convolution.backwardBias(
                    geometry, gradOutput: g.basePointer(as: Double.self), gradBias: gradBias.basePointer(as: Double.self))
            }
            results.append(gradBias)
        }
        return results
    }
}
