/// How a differentiable view was made from its base, so that an in-place write
/// through the view can rewrite the base's history (PyTorch's `CopySlices`).
struct ViewInfo {
    let base: Tensor
    /// The view ops from `base` to the view, in order (a list rather than
    /// nested closures, so a view of a view of … never recurses).
    let steps: [(Tensor) throws -> Tensor]

    /// Re-applies the chain of view ops to a tensor shaped like `base`.
    func replay(_ tensor: Tensor) throws -> Tensor { try Self.replay(steps, on: tensor) }

    /// The same without a `ViewInfo` (whose `base` a closure must not keep:
    /// the base's own history would then hold itself).
    static func replay(_ steps: [(Tensor) throws -> Tensor], on tensor: Tensor) throws -> Tensor {
        var result = tensor
        for step in steps { result = try step(result) }
        return result
    }
}
