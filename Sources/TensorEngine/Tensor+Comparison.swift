/// Comparisons (→ bool tensors), logical and bitwise ops, and `where`.
extension Tensor {
    // MARK: - Comparisons

    /// `a == b` elementwise, compared in the promoted dtype.
    public func equal(_ other: Tensor) throws -> Tensor { try BinaryKernels.comparison(.equal, self, other) }
    public func equal(_ scalar: Scalar) throws -> Tensor { try equal(.wrapping(scalar)) }
    /// `a != b`.
    public func notEqual(_ other: Tensor) throws -> Tensor { try BinaryKernels.comparison(.notEqual, self, other) }
    public func notEqual(_ scalar: Scalar) throws -> Tensor { try notEqual(.wrapping(scalar)) }
    /// `a < b`.
    public func less(_ other: Tensor) throws -> Tensor { try BinaryKernels.comparison(.less, self, other) }
    public func less(_ scalar: Scalar) throws -> Tensor { try less(.wrapping(scalar)) }
    /// `a <= b`.
    public func lessEqual(_ other: Tensor) throws -> Tensor { try BinaryKernels.comparison(.lessEqual, self, other) }
    public func lessEqual(_ scalar: Scalar) throws -> Tensor { try lessEqual(.wrapping(scalar)) }
    /// `a > b`.
    public func greater(_ other: Tensor) throws -> Tensor { try BinaryKernels.comparison(.greater, self, other) }
    public func greater(_ scalar: Scalar) throws -> Tensor { try greater(.wrapping(scalar)) }
    /// `a >= b`.
    public func greaterEqual(_ other: Tensor) throws -> Tensor {
        try BinaryKernels.comparison(.greaterEqual, self, other)
    }
    public func greaterEqual(_ scalar: Scalar) throws -> Tensor { try greaterEqual(.wrapping(scalar)) }

    // MARK: - Logic

    /// `torch.logical_and(a, b)`: nonzero is true; bool result.
    public func logicalAnd(_ other: Tensor) throws -> Tensor { try BinaryKernels.logical(.and, self, other) }
    /// `torch.logical_or(a, b)`.
    public func logicalOr(_ other: Tensor) throws -> Tensor { try BinaryKernels.logical(.or, self, other) }
    /// `torch.logical_xor(a, b)`.
    public func logicalXor(_ other: Tensor) throws -> Tensor { try BinaryKernels.logical(.xor, self, other) }

    /// `a & b`: logical for bool tensors, bitwise for integers.
    public func bitwiseAnd(_ other: Tensor) throws -> Tensor { try BinaryKernels.bitwise(.and, self, other) }
    public func bitwiseAnd(_ scalar: Scalar) throws -> Tensor { try bitwiseAnd(.wrapping(scalar)) }
    /// `a | b`.
    public func bitwiseOr(_ other: Tensor) throws -> Tensor { try BinaryKernels.bitwise(.or, self, other) }
    public func bitwiseOr(_ scalar: Scalar) throws -> Tensor { try bitwiseOr(.wrapping(scalar)) }
    /// `a ^ b`.
    public func bitwiseXor(_ other: Tensor) throws -> Tensor { try BinaryKernels.bitwise(.xor, self, other) }
    public func bitwiseXor(_ scalar: Scalar) throws -> Tensor { try bitwiseXor(.wrapping(scalar)) }

    // MARK: - where

    /// `torch.where(condition, a, b)`: `a` where the condition is true, else
    /// `b`, broadcast together, in their promoted dtype (`WhereBackward0`).
    public static func selecting(_ condition: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        let dtype = resultType([PromotionOperand(a), PromotionOperand(b)])
        let shape = try ShapeRules.broadcast(try ShapeRules.broadcast(condition.shape, a.shape), b.shape)
        let mask = try withoutGradients { try condition.to(.bool) }
        let left = try withoutGradients { try a.to(dtype) }
        let right = try withoutGradients { try b.to(dtype) }
        let output = try Tensor(uninitializedShape: shape, dtype: dtype)
        let layout = StridedLayout(shape: shape, strides: [
            output.strides,
            ShapeRules.broadcastStrides(shape: mask.shape, strides: mask.strides, to: shape),
            ShapeRules.broadcastStrides(shape: left.shape, strides: left.strides, to: shape),
            ShapeRules.broadcastStrides(shape: right.shape, strides: right.strides, to: shape),
        ])
        switch dtype {
        case .bool: select(layout, output, mask, left, right, Bool.self)
        case .uint8: select(layout, output, mask, left, right, UInt8.self)
        case .int32: select(layout, output, mask, left, right, Int32.self)
        case .int64: select(layout, output, mask, left, right, Int64.self)
        case .float32: select(layout, output, mask, left, right, Float.self)
        case .float64: select(layout, output, mask, left, right, Double.self)
        }
        let (shapeA, shapeB, savedMask) = (a.shape, b.shape, saved(mask))
        return output.recordGradient("WhereBackward0", inputs: [a, b]) { g, needs in
            let zeros = try Tensor.zerosLike(g)
            return [
                needs[0] ? try Tensor.selecting(savedMask, g, zeros).sumToShape(shapeA) : nil,
                needs[1] ? try Tensor.selecting(savedMask, zeros, g).sumToShape(shapeB) : nil,
            ]
        }
    }

    private static func select<T: TensorElement>(
        _ layout: StridedLayout, _ output: Tensor, _ mask: Tensor, _ a: Tensor, _ b: Tensor, _ type: T.Type
    ) {
        ElementwiseLoops.map(
            layout, output: output.basePointer(as: T.self), UnsafePointer(mask.basePointer(as: Bool.self)),
            UnsafePointer(a.basePointer(as: T.self)), UnsafePointer(b.basePointer(as: T.self))
        ) { $0 ? $1 : $2 }
    }
}
