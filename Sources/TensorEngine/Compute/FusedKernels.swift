/// Floating-point kernels that fuse several arithmetic steps into one pass:
/// `a + α·b` and the backward rules of activations, which run on every
/// training step and would otherwise allocate two or three temporaries.
enum FusedKernels {
    /// Applies a per-element function of two same-dtype floating tensors
    /// (broadcast together) into a fresh contiguous tensor.
    @inline(__always)
    static func combine(
        _ a: Tensor, _ b: Tensor, float: (Float, Float) -> Float, double: (Double, Double) -> Double
    ) throws -> Tensor {
        precondition(a.dtype == b.dtype && a.dtype.isFloatingPoint, "fused kernel on mixed dtypes")
        let shape = try ShapeRules.broadcast(a.shape, b.shape)
        let output = try Tensor(uninitializedShape: shape, dtype: a.dtype)
        let layout = StridedLayout(shape: shape, strides: [
            output.strides,
            ShapeRules.broadcastStrides(shape: a.shape, strides: a.strides, to: shape),
            ShapeRules.broadcastStrides(shape: b.shape, strides: b.strides, to: shape),
        ])
        if a.dtype == .float32 {
            ElementwiseLoops.map(
                layout, output: output.basePointer(as: Float.self), UnsafePointer(a.basePointer(as: Float.self)),
                UnsafePointer(b.basePointer(as: Float.self)), float)
        } else {
            ElementwiseLoops.map(
                layout, output: output.basePointer(as: Double.self), UnsafePointer(a.basePointer(as: Double.self)),
                UnsafePointer(b.basePointer(as: Double.self)), double)
        }
        return output
    }

    /// `a + α·b` with one rounding (`fma`), like PyTorch's vectorised `add`.
    static func addScaled(_ a: Tensor, _ b: Tensor, alpha: Double) throws -> Tensor {
        let alphaFloat = Float(alpha)
        return try combine(
            a, b, float: { $0.addingProduct($1, alphaFloat) }, double: { $0.addingProduct($1, alpha) })
    }

    /// d sigmoid: `g · (1 − y) · y` from the output `y`.
    static func sigmoidBackward(gradient: Tensor, output: Tensor) throws -> Tensor {
        if gradient.dtype == .float32, output.dtype == .float32, gradient.shape == output.shape,
            gradient.isContiguous, output.isContiguous
        {
            return try float32SigmoidBackward(gradient: gradient, output: output)
        }
        return try combine(gradient, output, float: { $0 * (1 - $1) * $1 }, double: { $0 * (1 - $1) * $1 })
    }

    /// The training-loop case of `sigmoidBackward`, on several threads when large.
    /// The loop is written out (not a closure through `ForkJoin`, which the
    /// compiler would call per element); every element is computed alone, so
    /// any split gives the same bits.
    private static func float32SigmoidBackward(gradient: Tensor, output: Tensor) throws -> Tensor {
        let result = try Tensor(uninitializedShape: output.shape, dtype: .float32)
        let g = UnsafePointer(gradient.basePointer(as: Float.self))
        let y = UnsafePointer(output.basePointer(as: Float.self))
        let out = result.basePointer(as: Float.self)
        ForkJoin.forEachRange(count: result.count, alignment: 16) { range in
            for i in range { out[i] = g[i] * (1 - y[i]) * y[i] }
        }
        return result
    }

    /// d tanh: `g · (1 − y²)` from the output `y`.
    static func tanhBackward(gradient: Tensor, output: Tensor) throws -> Tensor {
        try combine(gradient, output, float: { $0 * (1 - $1 * $1) }, double: { $0 * (1 - $1 * $1) })
    }

    /// d relu: `g` where the output is positive, else 0 (`threshold_backward`).
    static func reluBackward(gradient: Tensor, output: Tensor) throws -> Tensor {
        try combine(gradient, output, float: { $1 <= 0 ? 0 : $0 }, double: { $1 <= 0 ? 0 : $0 })
    }
}
