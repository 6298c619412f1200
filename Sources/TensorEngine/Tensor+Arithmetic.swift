import Foundation

/// Broadcasting arithmetic with PyTorch's type promotion; each differentiable
/// op records one backward rule.
///
/// Shapes broadcast numpy-style (`[3, 1] + [4]` → `[3, 4]`); a `Scalar` operand
/// is a "wrapped number" (`int64 + 1.5` → float32, `float32 * 2` → float32).
extension Tensor {
    // MARK: - add, subtract

    /// `a + b`.
    public func adding(_ other: Tensor) throws -> Tensor {
        let result = try BinaryKernels.arithmetic(.add, self, other)
        let (shapeA, shapeB) = (shape, other.shape)
        return result.recordGradient("AddBackward0", inputs: [self, other], savesTensors: false) { g, needs in
            [needs[0] ? try g.sumToShape(shapeA) : nil, needs[1] ? try g.sumToShape(shapeB) : nil]
        }
    }

    /// `a + s`.
    public func adding(_ scalar: Scalar) throws -> Tensor { try adding(.wrapping(scalar)) }

    /// `torch.add(a, b, alpha=α)` = a + α·b, fused (`fma`) for floats as in
    /// PyTorch's vectorised kernel, which optimizers rely on.
    public func adding(_ other: Tensor, alpha: Scalar) throws -> Tensor {
        if alpha == .int(1) { return try adding(other) }
        let dtype = BinaryKernels.resultDType(.add, self, other)
        guard dtype.isFloatingPoint else {
            return try adding(other.multiplied(by: alpha))
        }
        let result = try FusedKernels.addScaled(self.to(dtype), other.to(dtype), alpha: alpha.doubleValue)
        let (shapeA, shapeB) = (shape, other.shape)
        return result.recordGradient("AddBackward0", inputs: [self, other], savesTensors: false) { g, needs in
            [
                needs[0] ? try g.sumToShape(shapeA) : nil,
                needs[1] ? try g.multiplied(by: alpha).sumToShape(shapeB) : nil,
            ]
        }
    }

    /// `a - b`.
    public func subtracting(_ other: Tensor) throws -> Tensor {
        let result = try BinaryKernels.arithmetic(.subtract, self, other)
        let (shapeA, shapeB) = (shape, other.shape)
        return result.recordGradient("SubBackward0", inputs: [self, other], savesTensors: false) { g, needs in
            [needs[0] ? try g.sumToShape(shapeA) : nil, needs[1] ? try g.negated().sumToShape(shapeB) : nil]
        }
    }

    /// `a - s`.
    public func subtracting(_ scalar: Scalar) throws -> Tensor { try subtracting(.wrapping(scalar)) }

    /// `s - a` (Python's `__rsub__`, `RsubBackward1`).
    public func subtracted(from scalar: Scalar) throws -> Tensor {
        let result = try BinaryKernels.arithmetic(.subtract, .wrapping(scalar), self)
        return result.recordGradient("RsubBackward1", inputs: [self], savesTensors: false) { g, _ in
            [try g.negated()]
        }
    }

    // MARK: - multiply, divide

    /// `a * b`.
    public func multiplied(by other: Tensor) throws -> Tensor {
        let result = try BinaryKernels.arithmetic(.multiply, self, other)
        let (a, b) = (saved(self), saved(other))
        return result.recordGradient("MulBackward0", inputs: [self, other]) { g, needs in
            [
                needs[0] ? try g.multiplied(by: b).sumToShape(a.shape) : nil,
                needs[1] ? try g.multiplied(by: a).sumToShape(b.shape) : nil,
            ]
        }
    }

    /// `a * s`.
    public func multiplied(by scalar: Scalar) throws -> Tensor { try multiplied(by: .wrapping(scalar)) }

    /// `a / b`: true division (integers give float32).
    public func divided(by other: Tensor) throws -> Tensor {
        let result = try BinaryKernels.arithmetic(.divide, self, other)
        let (a, b) = (saved(self), saved(other))
        return result.recordGradient("DivBackward0", inputs: [self, other]) { g, needs in
            [
                needs[0] ? try g.divided(by: b).sumToShape(a.shape) : nil,
                needs[1] ? try g.negated().multiplied(by: a).divided(by: b.multiplied(by: b)).sumToShape(b.shape) : nil,
            ]
        }
    }

    /// `a / s`.
    public func divided(by scalar: Scalar) throws -> Tensor { try divided(by: .wrapping(scalar)) }

    /// `s / a` = `reciprocal(a) * s`, as PyTorch's `__rtruediv__` computes it.
    public func divided(into scalar: Scalar) throws -> Tensor { try reciprocal().multiplied(by: scalar) }

    /// `a // b`: floor division (integers stay integers; not differentiable).
    public func floorDivided(by other: Tensor) throws -> Tensor {
        try BinaryKernels.arithmetic(.floorDivide, self, other)
    }

    /// `a // s`.
    public func floorDivided(by scalar: Scalar) throws -> Tensor { try floorDivided(by: .wrapping(scalar)) }

    /// `s // a`.
    public func floorDivided(into scalar: Scalar) throws -> Tensor {
        try BinaryKernels.arithmetic(.floorDivide, .wrapping(scalar), self)
    }

    /// `a % b`: Python's remainder, with the sign of the divisor.
    public func remainder(dividingBy other: Tensor) throws -> Tensor {
        let result = try BinaryKernels.arithmetic(.remainder, self, other)
        let (a, b) = (saved(self), saved(other))
        return result.recordGradient("RemainderBackward0", inputs: [self, other]) { g, needs in
            [
                needs[0] ? try g.sumToShape(a.shape) : nil,
                needs[1] ? try g.negated().multiplied(by: a.floorDivided(by: b)).sumToShape(b.shape) : nil,
            ]
        }
    }

    /// `a % s`.
    public func remainder(dividingBy scalar: Scalar) throws -> Tensor { try remainder(dividingBy: .wrapping(scalar)) }

    /// `s % a`.
    public func remainder(of scalar: Scalar) throws -> Tensor {
        try BinaryKernels.arithmetic(.remainder, .wrapping(scalar), self)
    }

    // MARK: - pow

    /// `a ** s` (`PowBackward0`).
    public func raised(toPower exponent: Scalar) throws -> Tensor {
        let result = try BinaryKernels.arithmetic(.power, self, .wrapping(exponent))
        let base = saved(self)
        return result.recordGradient("PowBackward0", inputs: [self]) { g, _ in
            if exponent.doubleValue == 0 { return [try g.multiplied(by: .int(0))] }
            let derivative = try base.raised(toPower: .float(exponent.doubleValue - 1)).multiplied(by: exponent)
            return [try g.multiplied(by: derivative)]
        }
    }

    /// `a ** b` (`PowBackward1`).
    public func raised(toPower exponent: Tensor) throws -> Tensor {
        let result = try BinaryKernels.arithmetic(.power, self, exponent)
        let (base, power, output) = (saved(self), saved(exponent), result.detach())
        return result.recordGradient("PowBackward1", inputs: [self, exponent]) { g, needs in
            [
                needs[0]
                    ? try g.multiplied(by: power.multiplied(by: base.raised(toPower: power.subtracting(.int(1)))))
                        .sumToShape(base.shape) : nil,
                needs[1] ? try g.multiplied(by: output.multiplied(by: base.log())).sumToShape(power.shape) : nil,
            ]
        }
    }

    /// `s ** a` (`PowBackward2`).
    public func raising(_ base: Scalar) throws -> Tensor {
        let result = try BinaryKernels.arithmetic(.power, .wrapping(base), self)
        let output = result.detach()
        return result.recordGradient("PowBackward2", inputs: [self]) { g, _ in
            let logBase = Tensor.wrapping(.float(Foundation.log(base.doubleValue)))
            return [try g.multiplied(by: output).multiplied(by: logBase)]
        }
    }

    // MARK: - maximum, minimum

    /// `torch.maximum(a, b)`: elementwise larger value; NaN propagates.
    public func maximum(_ other: Tensor) throws -> Tensor {
        let result = try BinaryKernels.arithmetic(.maximum, self, other)
        return recordSelection("MaximumBackward0", result, other, prefersSelf: { try $0.greater($1) })
    }

    /// `torch.minimum(a, b)`: elementwise smaller value; NaN propagates.
    public func minimum(_ other: Tensor) throws -> Tensor {
        let result = try BinaryKernels.arithmetic(.minimum, self, other)
        return recordSelection("MinimumBackward0", result, other, prefersSelf: { try $0.less($1) })
    }

    /// Gradient of max/min: to the chosen operand, split in half on ties.
    private func recordSelection(
        _ name: String, _ result: Tensor, _ other: Tensor, prefersSelf: @escaping (Tensor, Tensor) throws -> Tensor
    ) -> Tensor {
        let (a, b) = (saved(self), saved(other))
        return result.recordGradient(name, inputs: [self, other]) { g, needs in
            let ties = try a.equal(b)
            let half = try g.multiplied(by: .float(0.5))
            let toA = try Tensor.selecting(ties, half, Tensor.selecting(prefersSelf(a, b), g, g.multiplied(by: .int(0))))
            let toB = try Tensor.selecting(ties, half, Tensor.selecting(prefersSelf(b, a), g, g.multiplied(by: .int(0))))
            return [needs[0] ? try toA.sumToShape(a.shape) : nil, needs[1] ? try toB.sumToShape(b.shape) : nil]
        }
    }
}

