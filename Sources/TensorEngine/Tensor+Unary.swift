/// Elementwise functions of one tensor, each with its local backward rule.
///
/// `exp`, `log`, `sqrt`, `sigmoid`, `tanh` and `reciprocal` promote integer
/// inputs to float32; `negated`, `absolute`, `relu` keep the dtype.
extension Tensor {
    // MARK: - Sign and magnitude

    /// `-x` (`NegBackward0`).
    public func negated() throws -> Tensor {
        let result = try UnaryKernels.numeric(.negate, self)
        return result.recordGradient("NegBackward0", inputs: [self], savesTensors: false) { g, _ in
            [try g.negated()]
        }
    }

    /// `x.abs()` (`AbsBackward0`: gradient times sign(x)).
    public func absolute() throws -> Tensor {
        let result = try UnaryKernels.numeric(.absolute, self)
        let input = saved(self)
        return result.recordGradient("AbsBackward0", inputs: [self]) { g, _ in
            let sign = try input.greater(.int(0)).to(g.dtype).subtracting(input.less(.int(0)).to(g.dtype))
            return [try g.multiplied(by: sign)]
        }
    }

    /// `1 / x` (`ReciprocalBackward0`: −g·y²).
    public func reciprocal() throws -> Tensor {
        let result = try UnaryKernels.floating(.reciprocal, self)
        let output = result.detach()
        return result.recordGradient("ReciprocalBackward0", inputs: [self]) { g, _ in
            [try g.negated().multiplied(by: output.multiplied(by: output))]
        }
    }

    // MARK: - Exponentials

    /// `x.exp()` (`ExpBackward0`: g·y).
    public func exp() throws -> Tensor {
        let result = try UnaryKernels.floating(.exp, self)
        let output = result.detach()
        return result.recordGradient("ExpBackward0", inputs: [self]) { g, _ in [try g.multiplied(by: output)] }
    }

    /// `x.log()`: natural logarithm, -inf at 0 and NaN below (`LogBackward0`: g/x).
    public func log() throws -> Tensor {
        let result = try UnaryKernels.floating(.log, self)
        let input = saved(self)
        return result.recordGradient("LogBackward0", inputs: [self]) { g, _ in [try g.divided(by: input)] }
    }

    /// `x.sqrt()` (`SqrtBackward0`: g / 2y).
    public func sqrt() throws -> Tensor {
        let result = try UnaryKernels.floating(.sqrt, self)
        let output = result.detach()
        return result.recordGradient("SqrtBackward0", inputs: [self]) { g, _ in
            [try g.divided(by: output.multiplied(by: .int(2)))]
        }
    }

    // MARK: - Activations

    /// `torch.sigmoid(x)` = 1 / (1 + e^−x) (`SigmoidBackward0`: g·(1−y)·y).
    public func sigmoid() throws -> Tensor {
        let result = try UnaryKernels.floating(.sigmoid, self)
        let output = result.detach()
        return result.recordGradient("SigmoidBackward0", inputs: [self]) { g, _ in
            [try FusedKernels.sigmoidBackward(gradient: g.to(output.dtype), output: output)]
        }
    }

    /// `torch.tanh(x)` (`TanhBackward0`: g·(1−y²)).
    public func tanh() throws -> Tensor {
        let result = try UnaryKernels.floating(.tanh, self)
        let output = result.detach()
        return result.recordGradient("TanhBackward0", inputs: [self]) { g, _ in
            [try FusedKernels.tanhBackward(gradient: g.to(output.dtype), output: output)]
        }
    }

    /// `torch.relu(x)` = max(x, 0) (`ReluBackward0`: g where y > 0).
    public func relu() throws -> Tensor {
        let result = try UnaryKernels.numeric(.relu, self)
        let output = result.detach()
        return result.recordGradient("ReluBackward0", inputs: [self]) { g, _ in
            [try FusedKernels.reluBackward(gradient: g.to(output.dtype), output: output)]
        }
    }

    /// `x.clamp(min, max)`; either bound may be absent (`ClampBackward1`:
    /// gradient passes where min ≤ x ≤ max).
    public func clamped(min lower: Scalar? = nil, max upper: Scalar? = nil) throws -> Tensor {
        let result = try UnaryKernels.clamp(self, min: lower, max: upper)
        let input = saved(self)
        return result.recordGradient("ClampBackward1", inputs: [self]) { g, _ in
            var mask = try Tensor.onesLike(input, dtype: .bool)
            if let lower { mask = try mask.logicalAnd(input.greaterEqual(lower)) }
            if let upper { mask = try mask.logicalAnd(input.lessEqual(upper)) }
            return [try g.multiplied(by: mask.to(g.dtype))]
        }
    }

    // MARK: - Logic

    /// `torch.logical_not(x)` → bool.
    public func logicalNot() throws -> Tensor { try UnaryKernels.logicalNot(self) }

    /// `~x`: logical not of a bool tensor, bitwise not of an integer one.
    public func bitwiseNot() throws -> Tensor { try UnaryKernels.bitwiseNot(self) }
}
