/// The memory behind one or more tensors: a flat, 64-byte aligned buffer of
/// elements of one dtype.
///
/// Views (`X[:, 2:6]`, `t()`, `reshape` of a contiguous tensor, `.data`) share
/// one storage, which is why it is a class: writing through any of them is seen
/// by all. The buffer is bound to the element type once, at allocation, so typed
/// access is a pointer cast, never a copy.
public final class TensorStorage {
    public let dtype: DType
    /// Number of elements (not bytes).
    public let count: Int
    let bytes: UnsafeMutableRawPointer

    /// Allocates uninitialised storage; fails cleanly (instead of aborting) when
    /// the request is absurd, as `torch.zeros(10**12)` must be a user error.
    init(dtype: DType, count: Int) throws {
        precondition(count >= 0)
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: dtype.itemSize)
        if overflow { throw TensorError.allocationFailed(bytes: Int.max) }
        guard let raw = StoragePool.shared.allocate(byteCount: byteCount) else {
            throw TensorError.allocationFailed(bytes: byteCount)
        }
        self.dtype = dtype
        self.count = count
        self.bytes = raw
        switch dtype {
        case .bool: raw.bindMemory(to: Bool.self, capacity: count)
        case .uint8: raw.bindMemory(to: UInt8.self, capacity: count)
        case .int32: raw.bindMemory(to: Int32.self, capacity: count)
        case .int64: raw.bindMemory(to: Int64.self, capacity: count)
        case .float32: raw.bindMemory(to: Float.self, capacity: count)
        case .float64: raw.bindMemory(to: Double.self, capacity: count)
        }
    }

    /// Allocates storage whose every byte is zero (0, 0.0 and false alike).
    static func zeroed(dtype: DType, count: Int) throws -> TensorStorage {
        let storage = try TensorStorage(dtype: dtype, count: count)
        storage.bytes.initializeMemory(as: UInt8.self, repeating: 0, count: count * dtype.itemSize)
        return storage
    }

    deinit { StoragePool.shared.release(bytes, byteCount: count * dtype.itemSize) }

    /// The buffer as elements of `T`; `T` must be the storage's element type.
    @inline(__always)
    func pointer<T: TensorElement>(as type: T.Type) -> UnsafeMutablePointer<T> {
        assert(T.dtype == dtype, "storage of \(dtype) read as \(T.dtype)")
        return bytes.assumingMemoryBound(to: T.self)
    }
}
