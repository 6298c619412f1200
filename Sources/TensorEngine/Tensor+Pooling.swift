/// `torch.nn.functional.max_pool2d` and `avg_pool2d`, on the `Pooling` kernels.
extension Tensor {
    /// Max pooling over `kernelSize` windows (`MaxPool2DWithIndicesBackward0`:
    /// each window's gradient goes to its first maximum).
    ///
    /// Shapes: `[N, C, H, W]` or `[C, H, W]` → same rank with
    /// `H' = ⌊(H + 2·padding − kernel) / stride⌋ + 1` (ceil with `ceilMode`).
    /// `stride` defaults to `kernelSize`.
    public func maxPool2d(
        kernelSize: IntOrPair, stride: IntOrPair? = nil, padding: IntOrPair = 0, ceilMode: Bool = false
    ) throws -> Tensor {
        if dtype.isIntegral {
            // Integer tensors pool exactly through float64 (no gradients exist).
            return try withoutGradients {
                try to(.float64).maxPool2d(kernelSize: kernelSize, stride: stride, padding: padding, ceilMode: ceilMode)
                    .to(dtype)
            }
        }
        let (geometry, outputShape) = try poolingGeometry(
            kernelSize: kernelSize, stride: stride ?? kernelSize, padding: padding, ceilMode: ceilMode, name: "max_pool2d")
        let input = try withoutGradients { try contiguous() }
        let output = try Tensor(uninitializedShape: outputShape, dtype: dtype)
        let argmax = UnsafeMutablePointer<Int32>.allocate(capacity: Swift.max(geometry.outputCount, 1))
        let indices = ArgmaxBuffer(pointer: argmax)
        if dtype == .float32 {
            Pooling.maxForward(
                geometry, input: input.basePointer(as: Float.self), output: output.basePointer(as: Float.self),
                argmax: argmax)
        } else {
            Pooling.maxForward(
                geometry, input: input.basePointer(as: Double.self), output: output.basePointer(as: Double.self),
                argmax: argmax)
        }
        let (inputShape, inputDType) = (shape, dtype)
        return output.recordGradient("MaxPool2DWithIndicesBackward0", inputs: [self]) { g, _ in
            let gradient = try g.to(inputDType).contiguous()
            let result = try Tensor(uninitializedShape: inputShape, dtype: inputDType)
            if inputDType == .float32 {
                Pooling.maxBackward(
                    geometry, gradOutput: gradient.basePointer(as: Float.self), argmax: indices.pointer,
                    gradInput: result.basePointer(as: Float.self))
            } else {
                Pooling.maxBackward(
                    geometry, gradOutput: gradient.basePointer(as: Double.self), argmax: indices.pointer,
                    gradInput: result.basePointer(as: Double.self))
            }
            return [result]
        }
    }

    /// Average pooling (`AvgPool2DBackward0`); with `countIncludePad` the
    /// padded zeros count in each window's divisor, as by default in PyTorch.
    public func avgPool2d(
        kernelSize: IntOrPair, stride: IntOrPair? = nil, padding: IntOrPair = 0, ceilMode: Bool = false,
        countIncludePad: Bool = true
    ) throws -> Tensor {
        if dtype.isIntegral {
            // Integer averages truncate toward zero, like C++ integer division.
            return try withoutGradients {
                try to(.float64).avgPool2d(
                    kernelSize: kernelSize, stride: stride, padding: padding, ceilMode: ceilMode,
                    countIncludePad: countIncludePad
                ).to(dtype)
            }
        }
        let (geometry, outputShape) = try poolingGeometry(
            kernelSize: kernelSize, stride: stride ?? kernelSize, padding: padding, ceilMode: ceilMode, name: "avg_pool2d")
        let input = try withoutGradients { try contiguous() }
        let output = try Tensor(uninitializedShape: outputShape, dtype: dtype)
        if dtype == .float32 {
            Pooling.averageForward(
                geometry, input: input.basePointer(as: Float.self), output: output.basePointer(as: Float.self),
                countIncludePad: countIncludePad)
        } else {
            Pooling.averageForward(
                geometry, input: input.basePointer(as: Double.self), output: output.basePointer(as: Double.self),
                countIncludePad: countIncludePad)
        }
        let (inputShape, inputDType) = (shape, dtype)
        return output.recordGradient("AvgPool2DBackward0", inputs: [self], savesTensors: false) { g, _ in
            let gradient = try g.to(inputDType).contiguous()
            let result = try Tensor(uninitializedShape: inputShape, dtype: inputDType)
            if inputDType == .float32 {
                Pooling.averageBackward(
                    geometry, gradOutput: gradient.basePointer(as: Float.self),
                    gradInput: result.basePointer(as: Float.self), countIncludePad: countIncludePad)
            } else {
                Pooling.averageBackward(
                    geometry, gradOutput: gradient.basePointer(as: Double.self),
                    gradInput: result.basePointer(as: Double.self), countIncludePad: countIncludePad)
            }
            return [result]
        }
    }

    /// Checks a pooling call the way ATen does and describes it for the kernels.
    private func poolingGeometry(
        kernelSize: IntOrPair, stride: IntOrPair, padding: IntOrPair, ceilMode: Bool, name: String
    ) throws -> (Pool2dGeometry, [Int]) {
        guard (rank == 3 || rank == 4) && shape.dropFirst().allSatisfy({ $0 > 0 }) else {
            throw TensorError.poolInputRank
        }
        guard stride.first != 0 && stride.second != 0 else { throw TensorError.poolStrideZero }
        for pad in [padding.first, padding.second] where pad < 0 { throw TensorError.poolNegativePadding(pad) }
        guard kernelSize.first > 0 && kernelSize.second > 0 && stride.first > 0 && stride.second > 0 else {
            throw TensorError.poolKernelNotPositive(height: kernelSize.first, width: kernelSize.second)
        }
        for (pad, kernel) in [(padding.first, kernelSize.first), (padding.second, kernelSize.second)] where pad > kernel / 2 {
            throw TensorError.maxPoolPaddingTooLarge(padding: pad, kernel: kernel)
        }
        guard dtype.isFloatingPoint else { throw TensorError.notImplemented(kernel: name, dtype: dtype) }
        let (channels, height, width) = (shape[rank - 3], shape[rank - 2], shape[rank - 1])
        let planes = shape.dropLast(2).reduce(1, *)
        let geometry = Pool2dGeometry(
            planes: planes, inHeight: height, inWidth: width, kernelHeight: kernelSize.first,
            kernelWidth: kernelSize.second, strideY: stride.first, strideX: stride.second, padY: padding.first,
            padX: padding.second, ceilMode: ceilMode)
        guard geometry.outHeight >= 1 && geometry.outWidth >= 1 else {
            throw TensorError.poolOutputTooSmall(
                channels: channels, height: height, width: width, outHeight: geometry.outHeight,
                outWidth: geometry.outWidth)
        }
        guard geometry.isValid else { throw TensorError.allocationFailed(bytes: Int.max) }
        return (geometry, Array(shape.dropLast(2)) + [geometry.outHeight, geometry.outWidth])
    }
}

/// The argmax indices of a max-pooling forward pass, kept alive (and freed)
/// with the backward rule that needs them.
private final class ArgmaxBuffer {
    let pointer: UnsafeMutablePointer<Int32>
    init(pointer: UnsafeMutablePointer<Int32>) { self.pointer = pointer }
    deinit { pointer.deallocate() }
}
