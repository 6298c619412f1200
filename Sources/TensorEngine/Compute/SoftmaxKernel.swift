import Foundation

/// The forward kernel: PyTorch's exact float32 algorithm along the last
/// dimension (`LastDimensionSoftmax`), otherwise one row at a time.
enum SoftmaxKernel {
    static func run(_ input: Tensor, dimension: Int, logarithm: Bool) throws -> Tensor {
        let axis = try ShapeRules.normalize(dimension: dimension, rank: input.rank)
        guard input.dtype.isFloatingPoint else {
            let kernel = (logarithm ? "log_" : "") + (axis == input.rank - 1 || input.rank == 0 ? "softmax_lastdim_kernel_impl" : "softmax_kernel_impl")
            throw TensorError.notImplemented(kernel: kernel, dtype: input.dtype)
        }
        // PyTorch makes the input contiguous first, and so do we.
        let source = try withoutGradients { try input.contiguous() }
        let output = try Tensor(uninitializedShape: source.shape, dtype: source.dtype)
        if source.dtype == .float32 && source.rank > 0 && axis == source.rank - 1 {
            let length = source.shape[axis]
            LastDimensionSoftmax.run(
                source.basePointer(as: Float.self), output.basePointer(as: Float.self),
                rows: length == 0 ? 0 : source.count / length, length: length, logarithm: logarithm)
            return output
        }
        if source.rank == 0 {
            try withoutGradients { try output.fill_(.float(logarithm ? 0 : 1)) }
            return output
        }
        // Outputs are contiguous; walk every row along `axis` in both tensors.
        var keptShape = source.shape
        keptShape.remove(at: axis)
        var sourceStrides = source.strides
        let rowStride = sourceStrides.remove(at: axis)
        var outputStrides = output.strides
        let outputRowStride = outputStrides.remove(at: axis)
        let length = source.shape[axis]
        let layout = StridedLayout(shape: keptShape, strides: [outputStrides, sourceStrides])
        if source.dtype == .float32 {
            rows(layout, output.basePointer(as: Float.self), UnsafePointer(source.basePointer(as: Float.self)),
                 length, outputRowStride, rowStride, logarithm)
        } else {
            rows(layout, output.basePointer(as: Double.self), UnsafePointer(source.basePointer(as: Double.self)),
                 length, outputRowStride, rowStride, logarithm)
        }
        return output
    }

    private static func rows<T: FloatingElement>(
        _ layout: StridedLayout, _ output: UnsafeMutablePointer<T>, _ input: UnsafePointer<T>, _ length: Int,
        _ outStride: Int, _ inStride: Int, _ logarithm: Bool
    ) {
        let outerLength = layout.rowLength
        let outerOut = layout.rowStride(0)
        let outerIn = layout.rowStride(1)
        layout.forEachRow { offsets in
            for outer in 0..<outerLength {
                let x = input + offsets[1] + outer * outerIn
                let y = output + offsets[0] + outer * outerOut
                guard length > 0 else { continue }
                var maximum = x[0]
                for index in 1..<Swift.max(length, 1) where x[index * inStride] > maximum {
                    maximum = x[index * inStride]
                }
                var total: T = 0
                for index in 0..<length {
                    let shifted = T.exponential(x[index * inStride] - maximum)
                    if !logarithm { y[index * outStride] = shifted }
                    total += shifted
                }
                if logarithm {
                    let logTotal = T.logarithm(total)
                    for index in 0..<length { y[index * outStride] = x[index * inStride] - maximum - logTotal }
                } else {
                    let reciprocal = 1 / total
                    for index in 0..<length { y[index * outStride] = y[index * outStride] * reciprocal }
                }
            }
        }
    }
}
