/// A cache-line-aligned, uninitialized scratch array for packing and im2col.
///
/// Deliberately a plain pointer pair rather than `[T]`: kernels fill it
/// completely before reading, so zero-initialization would be wasted work.
struct ScratchBuffer<T: KernelScalar> {
    let base: UnsafeMutablePointer<T>
    let count: Int

    init(count: Int) {
        self.count = max(count, 0)
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: max(self.count, 1) * MemoryLayout<T>.stride, alignment: 64)
        base = raw.bindMemory(to: T.self, capacity: max(self.count, 1))
    }

    func deallocate() {
        UnsafeMutableRawPointer(base).deallocate()
    }
}
