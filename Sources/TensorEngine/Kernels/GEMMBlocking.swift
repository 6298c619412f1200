/// Block sizes and path thresholds of the GEMM, chosen for this machine
/// (Zen 3 under KVM: 32 KiB L1d and 512 KiB L2 per core, AVX2 + FMA).
///
/// Only `depth` affects results — it fixes where each element's sum is split
/// into partial sums — so it is a constant for every shape, path and thread
/// count. The other sizes only move work between caches and threads.
enum GEMMBlocking {
    /// Depth (k) per packed block: a B panel of 256 × 16 floats is 16 KiB, half of L1.
    static var depth: Int { 256 }

    /// Rows of A per packed block: 144 × 256 floats (72 × 256 doubles) = 144 KiB of L2.
    static func blockRows<T: KernelScalar>(for _: T.Type) -> Int {
        MemoryLayout<T>.size == 4 ? 144 : 72
    }

    /// Largest number of C columns one work item packs.
    static var maximumTileColumns: Int { 512 }

    /// A work item with at most this many 6-row panels reads B in place rather
    /// than packing it (when B's rows are contiguous).
    static var inPlaceRowPanelLimit: Int { 2 }

    /// Below this many multiply-adds (m·n·k) the GEMM skips packing and runs
    /// the direct loop: packing would cost more than it saves. Measured: the
    /// direct loop wins up to 12³ (0.73 vs 0.85 µs), ties at 16³.
    static var directPathLimit: Int { 4096 }

    /// Below this many multiply-adds a GEMM runs on the caller's thread. A
    /// fork-join round costs ~1 µs here when the other core is idle (much more
    /// when it is busy), so a split must buy ~20 µs of work: ~2¹⁹ multiply-adds.
    static var parallelLimit: Int { 1 << 19 }
}

