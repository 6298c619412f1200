/// Block sizes and path thresholds of the GEMM, chosen for this machine
/// (Zen 3 under KVM: 32 KiB L1d and 512 KiB L2 per core, AVX2 + FMA).
///
/// Only `depth` affects results — it fixes where each element's sum is split
/// into partial sums — so it is a constant for every shape, path and thread
/// count. The other sizes only move work between caches and threads.
enum GEMMBlocking {
    /// Depth (k) per packed block: a B panel of 256 × 16 floats is 16 KiB, half of L1.
    static let depth = 256

    /// Rows of A per packed block: 144 × 256 floats (72 × 256 doubles) = 144 KiB of L2.
    static func blockRows<T: KernelScalar>(for _: T.Type) -> Int {
        MemoryLayout<T>.size == 4 ? 144 : 72
    }

    /// Largest number of C columns one work item packs.
    static let maximumTileColumns = 512

    /// Columns per work item: at most `maximumTileColumns`, fewer when that
    /// gives every thread at least one item (`n` is then split in whole panels).
    static func tileColumns(n: Int, rowTiles: Int, threads: Int, panelWidth: Int) -> Int {
        var columns = maximumTileColumns
        let wantedColumnTiles = (threads + rowTiles - 1) / max(rowTiles, 1)
        if wantedColumnTiles > 1 {
            let share = (n + wantedColumnTiles - 1) / wantedColumnTiles
            columns = min(columns, (share + panelWidth - 1) / panelWidth * panelWidth)
        }
        return max(columns, panelWidth)
    }

    /// Below this many multiply-adds (m·n·k) the GEMM skips packing and runs
    /// the direct loop: packing would cost more than it saves.
    static let directPathLimit = 4096

    /// Below this many multiply-adds a GEMM runs on the caller's thread:
    /// waking a second core costs more than it saves.
    static let parallelLimit = 1 << 17
}
