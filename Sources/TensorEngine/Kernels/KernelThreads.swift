import Foundation

/// How many threads the kernels may use.
///
/// The default comes from the environment variable `LITBOOK_THREADS` (a
/// positive integer) or else the number of active processors. A scope can
/// override it:
///
///     KernelThreads.withCount(1) { MatrixMultiply.gemm(...) }
///
/// Results never depend on this number: kernels split work only over output
/// elements and accumulate each element in a fixed order.
public enum KernelThreads {
    /// `LITBOOK_THREADS` if it is a positive integer, else the active processor count.
    public static let defaultCount: Int = parseCount(
        ProcessInfo.processInfo.environment["LITBOOK_THREADS"],
        fallback: ProcessInfo.processInfo.activeProcessorCount
    )

    /// The thread count in effect for the current task (or thread).
    @TaskLocal public static var count: Int = defaultCount

    /// Runs `body` with the kernels limited to `threads` threads (at least 1).
    public static func withCount<R>(_ threads: Int, _ body: () throws -> R) rethrows -> R {
        try $count.withValue(max(1, threads), operation: body)
    }

    /// Reads a thread count from text; anything but a positive integer gives `fallback`.
    static func parseCount(_ text: String?, fallback: Int) -> Int {
        if let text, let value = Int(text.trimmingCharacters(in: .whitespaces)), value > 0 {
            return value
        }
        return max(1, fallback)
    }
}
