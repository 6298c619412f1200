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

/// Carries a non-`Sendable` closure into `concurrentPerform`. Safe here because
/// the work items touch disjoint outputs and read shared inputs only.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
