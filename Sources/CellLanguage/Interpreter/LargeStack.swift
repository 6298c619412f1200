import Foundation

/// Runs work on a thread with a 512 MiB stack (reserved, not committed), so
/// parsing and evaluation never overflow the caller's stack, whatever thread
/// the host calls from. Nested calls run inline.
enum LargeStack {
    static let size = 512 << 20
    private static let marker = "litbook.CellLanguage.largeStack"

    /// Marks a thread made elsewhere (a generator's) as having a large stack.
    static func markCurrentThread() {
        Thread.current.threadDictionary[marker] = true
    }

    static func run<T>(_ body: @escaping () -> T) -> T {
        if Thread.current.threadDictionary[marker] != nil { return body() }
        let box = ResultBox(body)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            Thread.current.threadDictionary[marker] = true
            box.value = box.body()
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        guard let value = box.value else { preconditionFailure("large-stack thread produced no result") }
        return value
    }
}

/// Carries the work and its result across the thread boundary.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
    let body: () -> T
    init(_ body: @escaping () -> T) { self.body = body }
}
