/// Walks every multi-index of a shape in row-major order without recursion.
enum IndexWalk {
    /// Calls `visit` with each multi-index of `shape` (none when it holds no
    /// elements; once with `[]` for a 0-d shape).
    static func forEach(_ shape: [Int], _ visit: ([Int]) throws -> Void) rethrows {
        if shape.contains(0) { return }
        var index = [Int](repeating: 0, count: shape.count)
        while true {
            try visit(index)
            var dimension = shape.count - 1
            while dimension >= 0 {
                index[dimension] += 1
                if index[dimension] < shape[dimension] { break }
                index[dimension] = 0
                dimension -= 1
            }
            if dimension < 0 { return }
        }
    }

    /// The storage offset of `index` in a tensor with `strides` and `offset`.
    @inline(__always)
    static func offset(of index: [Int], strides: [Int], base: Int) -> Int {
        var result = base
        for dimension in 0..<index.count { result += index[dimension] * strides[dimension] }
        return result
    }
}

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
        try IndexWalk.forEach(positions.shape) { index in
            var target = index
            if !target.isEmpty { target[dimension] = Int(targets[flat]) }
            let offset = IndexWalk.offset(of: target, strides: resultStrides, base: 0)
            try result.writeElement(.float(sourceValues[flat]), atOffset: offset)
            flat += 1
        }
        return result
    }

    /// Writes one element at a storage offset, converting like `to(dtype)`.
    func writeElement(_ value: Scalar, atOffset offset: Int) throws {
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
