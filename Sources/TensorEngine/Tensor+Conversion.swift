/// dtype conversion, copies, and reading elements back out as Swift values.
extension Tensor {
    // MARK: - dtype and layout

    /// `t.to(dtype)` (`.float()`, `.long()`, `.bool()`, …): returns `self` when
    /// the dtype already matches; floating → integer truncates toward zero.
    public func to(_ target: DType) throws -> Tensor {
        if target == dtype { return self }
        let result = try Tensor(uninitializedShape: shape, dtype: target)
        ElementCopy.copy(from: self, to: result)
        guard target.isFloatingPoint else { return result }
        let sourceType = dtype
        return result.recordGradient("ToCopyBackward0", inputs: [self], savesTensors: false) { gradient, _ in
            [try gradient.to(sourceType)]
        }
    }

    /// `t.clone()`: a contiguous copy that does not share storage.
    public func clone() throws -> Tensor {
        let result = try Tensor(uninitializedShape: shape, dtype: dtype)
        ElementCopy.copy(from: self, to: result)
        return result.recordGradient("CloneBackward0", inputs: [self], savesTensors: false) { gradient, _ in
            [gradient]
        }
    }

    /// `t.contiguous()`: `self` when already contiguous, else a copy.
    public func contiguous() throws -> Tensor {
        isContiguous ? self : try clone()
    }

    // MARK: - Reading elements

    /// `t.item()`: the single element as a Python number.
    public func item() throws -> Scalar {
        guard count == 1 else { throw TensorError.itemOfManyElements(count: count) }
        return element(atOffset: storageOffset)
    }

    /// The element at a storage offset, as a Python number of this dtype's kind.
    func element(atOffset offset: Int) -> Scalar {
        switch dtype {
        case .bool: .bool(storage.pointer(as: Bool.self)[offset])
        case .uint8: .int(Int64(storage.pointer(as: UInt8.self)[offset]))
        case .int32: .int(Int64(storage.pointer(as: Int32.self)[offset]))
        case .int64: .int(storage.pointer(as: Int64.self)[offset])
        case .float32: .float(Double(storage.pointer(as: Float.self)[offset]))
        case .float64: .float(storage.pointer(as: Double.self)[offset])
        }
    }

    /// All elements in row-major order as Python numbers (`t.tolist()` data).
    public func scalars() -> [Scalar] {
        var result: [Scalar] = []
        result.reserveCapacity(count)
        let layout = StridedLayout(shape: shape, strides: [strides])
        let length = layout.rowLength
        let step = layout.rowStride(0)
        layout.forEachRow { offsets in
            for index in 0..<length { result.append(element(atOffset: storageOffset + offsets[0] + index * step)) }
        }
        return result
    }

    /// All elements in row-major order converted to `Double` (float32 exactly).
    public func doubles() -> [Double] { elements(as: Double.self) }

    /// All elements in row-major order converted to `Int64` (floats truncated).
    public func integers() -> [Int64] { elements(as: Int64.self) }

    /// All elements in row-major order converted to `Bool` (`!= 0`).
    public func booleans() -> [Bool] { elements(as: Bool.self) }

    /// All elements in row-major order as `T`, converting like `to(dtype)`.
    public func elements<T: TensorElement>(as type: T.Type) -> [T] {
        guard count > 0 else { return [] }
        let contiguousCopy = try? Tensor(uninitializedShape: shape, dtype: T.dtype)
        guard let contiguousCopy else { return [] }
        ElementCopy.copy(from: self, to: contiguousCopy)
        return Array(UnsafeBufferPointer(start: contiguousCopy.basePointer(as: T.self), count: count))
    }

    /// `torch.equal(a, b)`: same shape and equal values (dtypes may differ).
    public func isEqual(to other: Tensor) throws -> Bool {
        guard shape == other.shape else { return false }
        return try withoutGradients { try self.equal(other).all().item().boolValue }
    }

    /// `torch.allclose(a, b, rtol, atol)`: |a − b| ≤ atol + rtol·|b| everywhere
    /// (after broadcasting); NaNs are never close.
    public func isClose(to other: Tensor, relativeTolerance: Double = 1e-5, absoluteTolerance: Double = 1e-8) throws -> Bool {
        try withoutGradients {
            let a = try self.to(.float64)
            let b = try other.to(.float64)
            let difference = try a.subtracting(b).absolute()
            let bound = try b.absolute().multiplied(by: .float(relativeTolerance)).adding(.float(absoluteTolerance))
            return try difference.lessEqual(bound).all().item().boolValue
        }
    }
}
