#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Recycles large tensor buffers.
///
/// A training step allocates the same large buffers (activations, gradients,
/// im2col scratch) every iteration. Straight from `malloc` each one is a fresh
/// `mmap`, and touching it costs a page fault per 4 KiB — measured at ~10 % of
/// a LeNet step. Freed buffers of 64 KiB or more are kept here, by exact byte
/// count, up to a bounded total, and handed out again.
final class StoragePool {
    static let shared = StoragePool()

    /// Buffers below this size come from `malloc` every time (it is fast there).
    static let minimumBytes = 64 << 10
    /// Upper bound on memory held while unused.
    static let capacityBytes = 256 << 20
    /// Spare buffers kept per size.
    static let buffersPerSize = 16

    private var mutex = pthread_mutex_t()
    private var spareBuffers: [Int: [UnsafeMutableRawPointer]] = [:]
    private var heldBytes = 0

    private init() { pthread_mutex_init(&mutex, nil) }

    /// A 64-byte aligned buffer of `byteCount` bytes (contents undefined), or
    /// nil when memory is exhausted.
    func allocate(byteCount: Int) -> UnsafeMutableRawPointer? {
        if byteCount >= Self.minimumBytes {
            pthread_mutex_lock(&mutex)
            let reused = spareBuffers[byteCount]?.popLast()
            if reused != nil { heldBytes -= byteCount }
            pthread_mutex_unlock(&mutex)
            if let reused { return reused }
        }
        var pointer: UnsafeMutableRawPointer?
        guard posix_memalign(&pointer, 64, Swift.max(byteCount, 64)) == 0 else { return nil }
        return pointer
    }

    /// Takes a buffer back, keeping it for reuse when there is room.
    func release(_ pointer: UnsafeMutableRawPointer, byteCount: Int) {
        if byteCount >= Self.minimumBytes {
            pthread_mutex_lock(&mutex)
            let spares = spareBuffers[byteCount, default: []]
            let keep = spares.count < Self.buffersPerSize && heldBytes + byteCount <= Self.capacityBytes
            if keep {
                spareBuffers[byteCount, default: []].append(pointer)
                heldBytes += byteCount
            }
            pthread_mutex_unlock(&mutex)
            if keep { return }
        }
        free(pointer)
    }
}
