/// The packing buffers of one worker, kept across GEMM calls.
///
/// A convolution runs one small GEMM per image; allocating its packing
/// buffers each time showed up as a tenth of the run time in malloc/free. A
/// worker that runs many GEMMs holds one arena; the buffers grow to the
/// largest request and are freed with the arena.
final class PackingArena<T: KernelScalar> {
    private var packedA: ScratchBuffer<T>
    private var packedB: ScratchBuffer<T>

    init() {
        packedA = ScratchBuffer(count: 0)
        packedB = ScratchBuffer(count: 0)
    }

    deinit {
        packedA.deallocate()
        packedB.deallocate()
    }

    /// Room for `count` packed A elements (contents undefined).
    func aBuffer(count: Int) -> UnsafeMutablePointer<T> {
        Self.ensure(&packedA, count: count)
    }

    /// Room for `count` packed B elements (contents undefined).
    func bBuffer(count: Int) -> UnsafeMutablePointer<T> {
        Self.ensure(&packedB, count: count)
    }

    private static func ensure(_ buffer: inout ScratchBuffer<T>, count: Int) -> UnsafeMutablePointer<T> {
        if buffer.count < count {
            buffer.deallocate()
            buffer = ScratchBuffer(count: count)
        }
        return buffer.base
    }
}
