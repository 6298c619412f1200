/// Copies and fills over strided tensors, converting between dtypes.
enum ElementCopy {
    /// Writes `source`'s elements into `destination` (same shape; any strides,
    /// any dtypes), converting as `Tensor.to(dtype)` does.
    static func copy(from source: Tensor, to destination: Tensor) {
        precondition(source.shape == destination.shape, "copy between different shapes")
        switch source.dtype {
        case .bool: copy(from: source, as: Bool.self, to: destination)
        case .uint8: copy(from: source, as: UInt8.self, to: destination)
        case .int32: copy(from: source, as: Int32.self, to: destination)
        case .int64: copy(from: source, as: Int64.self, to: destination)
        case .float32: copy(from: source, as: Float.self, to: destination)
        case .float64: copy(from: source, as: Double.self, to: destination)
        }
    }

    private static func copy<S: TensorElement>(from source: Tensor, as type: S.Type, to destination: Tensor) {
        switch destination.dtype {
        case .bool: copy(source, S.self, destination, Bool.self)
        case .uint8: copy(source, S.self, destination, UInt8.self)
        case .int32: copy(source, S.self, destination, Int32.self)
        case .int64: copy(source, S.self, destination, Int64.self)
        case .float32: copy(source, S.self, destination, Float.self)
        case .float64: copy(source, S.self, destination, Double.self)
        }
    }

    private static func copy<S: TensorElement, D: TensorElement>(
        _ source: Tensor, _ sourceType: S.Type, _ destination: Tensor, _ destinationType: D.Type
    ) {
        let layout = StridedLayout(shape: source.shape, strides: [destination.strides, source.strides])
        let output = destination.basePointer(as: D.self)
        let input = source.basePointer(as: S.self)
        if S.self == D.self && layout.sizes.count == 1 && layout.rowStride(0) == 1 && layout.rowStride(1) == 1 {
            // Same dtype, both contiguous: one memmove-class copy.
            UnsafeMutableRawPointer(output).copyMemory(
                from: UnsafeRawPointer(input), byteCount: layout.count * MemoryLayout<D>.stride)
            return
        }
        ElementwiseLoops.map(layout, output: output, input: UnsafePointer(input)) { D.converting($0) }
    }

    /// Sets every element of `destination` (any strides) to `value`.
    static func fill(_ destination: Tensor, with value: Scalar) {
        switch destination.dtype {
        case .bool: fill(destination, value.element(as: Bool.self))
        case .uint8: fill(destination, value.element(as: UInt8.self))
        case .int32: fill(destination, value.element(as: Int32.self))
        case .int64: fill(destination, value.element(as: Int64.self))
        case .float32: fill(destination, value.element(as: Float.self))
        case .float64: fill(destination, value.element(as: Double.self))
        }
    }

    private static func fill<T: TensorElement>(_ destination: Tensor, _ value: T) {
        let layout = StridedLayout(shape: destination.shape, strides: [destination.strides])
        let output = destination.basePointer(as: T.self)
        let length = layout.rowLength
        let step = layout.rowStride(0)
        layout.forEachRow { offsets in
            let row = output + offsets[0]
            if step == 1 {
                row.update(repeating: value, count: length)
            } else {
                for i in 0..<length { row[i &* step] = value }
            }
        }
    }
}
