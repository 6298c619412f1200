/// How notebooks are run.
public struct RunOptions: Sendable {
    /// Seconds a cell may run when it sets no `#| timeout:`. Generous, because a
    /// lesson that trains (LeNet on Fashion-MNIST) legitimately takes minutes; its
    /// job is to stop a runaway loop in CI with the line it was on.
    public var defaultTimeout: Double = 900

    /// Called as cells start, for progress display on a terminal.
    public var progress: (@Sendable (ProgressEvent) -> Void)?

    public init(defaultTimeout: Double = 900, progress: (@Sendable (ProgressEvent) -> Void)? = nil) {
        self.defaultTimeout = defaultTimeout
        self.progress = progress
    }
}

/// What the runner is doing, for a progress line.
public enum ProgressEvent: Sendable {
    case notebookStarted(path: String, cellCount: Int)
    case cellStarted(path: String, cell: Int, line: Int)
    case notebookFinished(path: String, seconds: Double)
}
