import Dispatch

/// A minimal fork-join: runs independent work items on up to `threads` threads
/// and returns when all are done.
///
/// Items are dealt to workers round-robin; since each item writes only its own
/// outputs, which worker runs it never changes a result.
enum ForkJoin {
    /// Calls `body(item)` for every item in `0..<items`.
    ///
    /// With one thread or one item it runs inline on the caller's thread: no
    /// dispatch cost for small problems.
    static func forEach(items: Int, threads: Int, _ body: (Int) -> Void) {
        guard items > 0 else { return }
        let workers = min(threads, items)
        if workers <= 1 {
            for item in 0..<items { body(item) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var item = worker
                while item < items {
                    shared.value(item)
                    item += workers
                }
            }
        }
    }
}

extension ForkJoin {
    /// Below this many elements an elementwise pass runs on the caller's thread.
    /// A fork-join round costs ~1 µs; a sigmoid costs ~1 ns an element (LeNet
    /// training profile), so 2¹⁶ of them are ~60 µs of work.
    static var elementwiseParallelLimit: Int { 1 << 16 }

    /// Calls `body` with contiguous ranges that together cover `0..<count`, one
    /// per thread (`KernelThreads.count` of them once `count` reaches
    /// `elementwiseParallelLimit`, else the whole range inline).
    ///
    /// Every boundary but `count` is a multiple of `alignment`, so a kernel that
    /// treats whole blocks of `alignment` elements differently from a final
    /// partial block computes the same bits however the range is split.
    static func forEachRange(count: Int, alignment: Int, _ body: (Range<Int>) -> Void) {
        let threads = count >= elementwiseParallelLimit ? KernelThreads.count : 1
        let blocks = (count + alignment - 1) / alignment
        let workers = max(1, min(threads, blocks))
        forEach(items: workers, threads: workers) { worker in
            let start = min(count, worker * blocks / workers * alignment)
            let end = min(count, (worker + 1) * blocks / workers * alignment)
            if start < end { body(start..<end) }
        }
    }
}

/// Carries a non-`Sendable` closure into `concurrentPerform`. Safe here because
/// the work items touch disjoint outputs and read shared inputs only.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
