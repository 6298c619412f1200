/// Scatter helpers for reductions that pick positions (max/min with a dim).
extension Tensor {
    /// The inverse of picking along a dimension by `indices` (max/min with a
    /// dim): a zero tensor of `shape` with `values` written at the positions.
    static func scattering(
        _ values: Tensor, at indices: Tensor, along dimension: Int, keepDim: Bool, into shape: [Int]
    ) throws -> Tensor {
        var source = values
        var positions = indices
        if !keepDim && !shape.isEmpty {
            source = try source.unsqueezed(at: dimension)
            positions = try positions.unsqueezed(at: dimension)
        }
        let result = try Tensor.zeros(shape, dtype: values.dtype)
        let sourceValues = try source.to(.float64).elements(as: Double.self)
        let targets = positions.elements(as: Int64.self)
        let resultStrides = result.strides
        var flat = 0
        IndexWalk.forEach(positions.shape) { index in
            var target = index
            if !target.isEmpty { target[dimension] = Int(targets[flat]) }
            let offset = IndexWalk.offset(of: target, strides: resultStrides, base: 0)
            result.writeElement(.float(sourceValues[flat]), atOffset: offset)
            flat += 1
        }
        return result
    }

    /// Writes one element at a storage offset, converting like `to(dtype)`.
    func writeElement(_ value: Scalar, atOffset offset: Int) {
        switch dtype {
        case .bool: storage.pointer(as: Bool.self)[offset] = value.element(as: Bool.self)
        case .uint8: storage.pointer(as: UInt8.self)[offset] = value.element(as: UInt8.self)
        case .int32: storage.pointer(as: Int32.self)[offset] = value.element(as: Int32.self)
        case .int64: storage.pointer(as: Int64.self)[offset] = value.element(as: Int64.self)
        case .float32: storage.pointer(as: Float.self)[offset] = value.element(as: Float.self)
        case .float64: storage.pointer(as: Double.self)[offset] = value.element(as: Double.self)
        }
    }
}
