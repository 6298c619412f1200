/// The one mechanism behind every in-place op (`add_`, `copy_`, `X[i] = v`, …).
///
/// An in-place op computes the new value out of place, writes it into the
/// tensor's memory, and — when autograd is recording — rebases the history:
/// a plain tensor takes the new value's `grad_fn`; a view gives its base a
/// `CopySlices` node (the base's old gradient with the view's region zeroed,
/// plus the region's gradient routed to the new value), and re-derives its
/// own `grad_fn` from the base lazily.
extension Tensor {
    /// Replaces this tensor's elements with `compute(current)`, which must have
    /// this tensor's shape (any dtype; it is converted).
    ///
    /// `current` is this tensor, or — when recording — a clone of it, so that a
    /// backward rule that saved the old value is not corrupted by the write.
    @discardableResult
    func updateInPlace(others: [Tensor], _ compute: (Tensor) throws -> Tensor) throws -> Tensor {
        if GradientMode.isEnabled {
            if isLeaf && leafRequiresGrad { throw TensorError.leafInPlace }
            if let info = viewInfo, info.base.isLeaf, info.base.leafRequiresGrad { throw TensorError.viewOfLeafInPlace }
        }
        let recording = Tensor.needsGradient([self] + others)
        let current = recording && requiresGrad ? try clone() : self
        let value = try compute(current)
        precondition(value.shape == shape, "in-place result shape \(value.shape) differs from \(shape)")
        try writeValues(from: value)
        if recording { rebaseHistory(onto: value) }
        return self
    }

    /// Copies `value` (same shape) into this tensor's memory, converting dtype;
    /// a source that shares storage is copied first so overlaps are safe.
    private func writeValues(from value: Tensor) throws {
        let source = value.sharesStorage(with: self) && value !== self
            ? try withoutGradients { try value.clone() } : value
        if source === self { return }
        ElementCopy.copy(from: source, to: self)
    }

    private func rebaseHistory(onto value: Tensor) {
        guard let info = viewInfo else {
            storedGradNode = value.gradNode
            historyVersion += 1
            return
        }
        let base = info.base
        let steps = info.steps
        let replay = { (tensor: Tensor) in try ViewInfo.replay(steps, on: tensor) }
        let node = GradientNode(
            name: "CopySlices", edges: [base.gradientEdge, value.gradientEdge], savesTensors: false
        ) { gradient, needs in
            var baseGradient: Tensor?
            if needs[0] {
                let copy = try gradient.clone()
                try replay(copy).fill_(.int(0))
                baseGradient = copy
            }
            let regionGradient = needs[1] ? try replay(gradient).contiguous() : nil
            return [baseGradient, regionGradient]
        }
        base.storedGradNode = node
        base.historyVersion += 1
    }
}
