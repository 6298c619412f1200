/// The user-facing autograd switches of a tensor, and the one helper every op
/// uses to record its backward rule.
extension Tensor {
    // MARK: - requires_grad, detach, data

    /// `t.requires_grad_(flag)`: only floating leaves may require gradients;
    /// clearing the flag of a non-leaf is refused, setting it is a no-op.
    @discardableResult
    public func requiresGrad_(_ flag: Bool = true) throws -> Tensor {
        if !isLeaf {
            if !flag { throw TensorError.nonLeafRequiresGradChange }
            return self
        }
        if flag && !dtype.isFloatingPoint { throw TensorError.requiresGradNonFloating }
        leafRequiresGrad = flag
        return self
    }

    /// `nn.Parameter(t)`: a leaf that requires grad (unless told otherwise) and
    /// prints with a `Parameter containing:` header. Shares `t`'s storage.
    public func asParameter(requiresGrad: Bool = true) throws -> Tensor {
        let parameter = detach()
        parameter.isParameter = true
        try parameter.requiresGrad_(requiresGrad)
        return parameter
    }

    /// `t.detach()`: the same storage and layout with no history; in-place
    /// writes through it are not seen by autograd.
    public func detach() -> Tensor {
        Tensor(storage: storage, shape: shape, strides: strides, storageOffset: storageOffset)
    }

    /// `t.data`: a detached alias (`w.data[:] -= lr * g` updates `w` in place).
    public var data: Tensor { detach() }

    /// `t.retain_grad()`: a non-leaf keeps its gradient in `.grad` after backward.
    public func retainGrad() {
        guard let gradNode else { return }
        retainsGrad = true
        gradNode.retainedOutput = self
    }

    // MARK: - Recording

    /// True when an op on `inputs` must record a node: grad mode is on and at
    /// least one input requires grad.
    static func needsGradient(_ inputs: [Tensor]) -> Bool {
        GradientMode.isEnabled && inputs.contains { $0.requiresGrad }
    }

    /// Where an input's gradient should flow, or nil when it needs none.
    var gradientEdge: GradientNode.Edge? {
        if let gradNode { return .node(gradNode) }
        if leafRequiresGrad { return .leaf(self) }
        return nil
    }

    /// Attaches a backward rule named `name` to `self` (a fresh op result) when
    /// any of `inputs` requires grad in grad mode; returns `self`.
    ///
    /// The rule must capture tensors only through `saved(_:)`: capturing the
    /// output itself would be a reference cycle through `gradNode`, and
    /// capturing an input would chain nodes outside their edges.
    @discardableResult
    func recordGradient(
        _ name: String, inputs: [Tensor], savesTensors: Bool = true, rule: @escaping GradientNode.Rule
    ) -> Tensor {
        guard Tensor.needsGradient(inputs) else { return self }
        gradNode = GradientNode(
            name: name, edges: inputs.map { $0.gradientEdge }, savesTensors: savesTensors, rule: rule)
        return self
    }
}

/// A tensor as a backward rule keeps it: the same storage and layout without
/// history. Rules capture these, never the originals, so the only links
/// between nodes are their edges — which `GradientNode` can tear down
/// without recursion, however long the graph.
@inline(__always)
func saved(_ tensor: Tensor) -> Tensor { tensor.detach() }
