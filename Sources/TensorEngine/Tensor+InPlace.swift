/// In-place ops (`add_`, `mul_`, `copy_`, `fill_`, `zero_`, …): they write
/// into this tensor's memory (so views and aliases see the change) and return
/// `self`, like PyTorch's trailing-underscore methods.
///
/// The result must keep this tensor's shape and dtype kind: `x += ones(3, 4)`
/// on a `[3, 1]` tensor and `int_tensor /= 2` are errors.
extension Tensor {
    // MARK: - Arithmetic

    /// `a += b` / `a.add_(b)`.
    @discardableResult
    public func add_(_ other: Tensor) throws -> Tensor {
        try updateArithmetic(.add, other) { try $0.adding(other) }
    }

    @discardableResult
    public func add_(_ scalar: Scalar) throws -> Tensor { try add_(.wrapping(scalar)) }

    /// `a.add_(b, alpha=α)`: a += α·b (fused for floats).
    @discardableResult
    public func add_(_ other: Tensor, alpha: Scalar) throws -> Tensor {
        try updateArithmetic(.add, other) { try $0.adding(other, alpha: alpha) }
    }

    /// `a -= b` / `a.sub_(b)`.
    @discardableResult
    public func subtract_(_ other: Tensor) throws -> Tensor {
        try updateArithmetic(.subtract, other) { try $0.subtracting(other) }
    }

    @discardableResult
    public func subtract_(_ scalar: Scalar) throws -> Tensor { try subtract_(.wrapping(scalar)) }

    /// `a *= b` / `a.mul_(b)`.
    @discardableResult
    public func multiply_(_ other: Tensor) throws -> Tensor {
        try updateArithmetic(.multiply, other) { try $0.multiplied(by: other) }
    }

    @discardableResult
    public func multiply_(_ scalar: Scalar) throws -> Tensor { try multiply_(.wrapping(scalar)) }

    /// `a /= b` / `a.div_(b)`.
    @discardableResult
    public func divide_(_ other: Tensor) throws -> Tensor {
        try updateArithmetic(.divide, other) { try $0.divided(by: other) }
    }

    @discardableResult
    public func divide_(_ scalar: Scalar) throws -> Tensor { try divide_(.wrapping(scalar)) }

    /// `a //= b`.
    @discardableResult
    public func floorDivide_(_ other: Tensor) throws -> Tensor {
        try updateArithmetic(.floorDivide, other) { try $0.floorDivided(by: other) }
    }

    /// `a %= b`.
    @discardableResult
    public func remainder_(_ other: Tensor) throws -> Tensor {
        try updateArithmetic(.remainder, other) { try $0.remainder(dividingBy: other) }
    }

    /// `a **= s` / `a.pow_(s)`.
    @discardableResult
    public func pow_(_ exponent: Scalar) throws -> Tensor {
        try updateArithmetic(.power, .wrapping(exponent)) { try $0.raised(toPower: exponent) }
    }

    /// `a **= b` with a tensor exponent.
    @discardableResult
    public func pow_(_ exponent: Tensor) throws -> Tensor {
        try updateArithmetic(.power, exponent) { try $0.raised(toPower: exponent) }
    }

    /// Checks PyTorch's in-place rules, then updates.
    private func updateArithmetic(
        _ op: BinaryKernels.Arithmetic, _ other: Tensor, _ compute: (Tensor) throws -> Tensor
    ) throws -> Tensor {
        let resultDType = BinaryKernels.resultDType(op, self, other)
        guard DType.canCast(from: resultDType, to: dtype) else {
            throw TensorError.castNotAllowed(result: resultDType, output: dtype)
        }
        let broadcast = try ShapeRules.broadcast(shape, other.shape)
        guard broadcast == shape else { throw TensorError.inPlaceShapeMismatch(output: shape, broadcast: broadcast) }
        return try updateInPlace(others: [other], compute)
    }

    // MARK: - Unary

    /// `x.neg_()`.
    @discardableResult
    public func negate_() throws -> Tensor { try updateInPlace(others: []) { try $0.negated() } }

    /// `x.abs_()`.
    @discardableResult
    public func absolute_() throws -> Tensor { try updateInPlace(others: []) { try $0.absolute() } }

    /// `x.relu_()` (`nn.ReLU(inplace=True)`).
    @discardableResult
    public func relu_() throws -> Tensor { try updateInPlace(others: []) { try $0.relu() } }

    /// `x.sigmoid_()`.
    @discardableResult
    public func sigmoid_() throws -> Tensor {
        guard dtype.isFloatingPoint else { throw TensorError.castNotAllowed(result: .float32, output: dtype) }
        return try updateInPlace(others: []) { try $0.sigmoid() }
    }

    /// `x.exp_()`.
    @discardableResult
    public func exp_() throws -> Tensor {
        guard dtype.isFloatingPoint else { throw TensorError.castNotAllowed(result: .float32, output: dtype) }
        return try updateInPlace(others: []) { try $0.exp() }
    }

    /// `x.clamp_(min, max)`.
    @discardableResult
    public func clamp_(min lower: Scalar? = nil, max upper: Scalar? = nil) throws -> Tensor {
        var operands = [PromotionOperand(self)]
        if let lower { operands.append(PromotionOperand(lower)) }
        if let upper { operands.append(PromotionOperand(upper)) }
        let resultDType = resultType(operands)
        guard DType.canCast(from: resultDType, to: dtype) else {
            throw TensorError.castNotAllowed(result: resultDType, output: dtype)
        }
        return try updateInPlace(others: []) { try $0.clamped(min: lower, max: upper) }
    }

    // MARK: - Filling and copying

    /// `x.fill_(value)` (`FillBackward0`: no gradient reaches the old value).
    @discardableResult
    public func fill_(_ value: Scalar) throws -> Tensor {
        try updateInPlace(others: []) { current in
            let filled = try Tensor.full(current.shape, value: value, dtype: current.dtype)
            return filled.recordGradient("FillBackward0", inputs: [current], savesTensors: false) { g, _ in
                [try Tensor.zerosLike(g)]
            }
        }
    }

    /// `x.fill_(t)` with a 0-d tensor (its gradient is the sum of `g`).
    @discardableResult
    public func fill_(_ value: Tensor) throws -> Tensor {
        guard value.rank == 0 else { throw TensorError.fillValueNotZeroDimensional(rank: value.rank) }
        return try copy_(value)
    }

    /// `x.zero_()`.
    @discardableResult
    public func zero_() throws -> Tensor {
        try updateInPlace(others: []) { current in
            let zeros = try Tensor.zerosLike(current)
            return zeros.recordGradient("ZeroBackward0", inputs: [current], savesTensors: false) { g, _ in
                [try Tensor.zerosLike(g)]
            }
        }
    }

    /// `x.copy_(source)`: `source` is broadcast to this shape and converted to
    /// this dtype (`X[:, 0] = torch.tensor([1, 2])` fails with expand's message).
    @discardableResult
    public func copy_(_ source: Tensor) throws -> Tensor {
        let expanded = try source.expanded(to: shape)
        return try updateInPlace(others: [source]) { _ in try expanded.to(dtype) }
    }
}
