import CellLanguage
import Foundation
import TensorEngine

/// The state one `TorchSession` shares with the native functions it installs:
/// its random generator, print options, recorded plots and dataset location.
///
/// Native methods of `torch.Tensor` are shared by all sessions (the classes are
/// static), so they find their session through the interpreter that calls them
/// (`TorchContext.of(interpreter)`). Each session has its own generator, so two
/// notebooks checked on two threads never draw from one stream.
final class TorchContext {
    let generator = RandomGenerator()
    var printOptions = PrintOptions.default
    var plots: [PlotRecord] = []
    let datasetDirectory: String

    init(datasetDirectory: String) {
        self.datasetDirectory = datasetDirectory
    }

    // MARK: - Finding the context of an interpreter

    /// The context installed in `interpreter`; a fresh default one (never
    /// shared) if none was, so that a forgotten `install` cannot crash.
    static func of(_ interpreter: Interpreter) -> TorchContext {
        ContextRegistry.shared.context(for: interpreter) ?? ContextRegistry.shared.fallback
    }

    func attach(to interpreter: Interpreter) {
        ContextRegistry.shared.register(self, for: interpreter)
    }
}

/// Interpreter → context, without keeping either alive.
private final class ContextRegistry: @unchecked Sendable {
    static let shared = ContextRegistry()

    private struct Entry {
        weak var interpreter: Interpreter?
        weak var context: TorchContext?
    }

    private let lock = NSLock()
    private var entries: [ObjectIdentifier: Entry] = [:]
    /// Used when no session was installed (tests of bare interpreters).
    let fallback = TorchContext(datasetDirectory: "/usr/share/datasets/fashion-mnist")

    func register(_ context: TorchContext, for interpreter: Interpreter) {
        lock.lock()
        defer { lock.unlock() }
        entries = entries.filter { $0.value.interpreter != nil && $0.value.context != nil }
        entries[ObjectIdentifier(interpreter)] = Entry(interpreter: interpreter, context: context)
    }

    func context(for interpreter: Interpreter) -> TorchContext? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[ObjectIdentifier(interpreter)], entry.interpreter === interpreter else { return nil }
        return entry.context
    }
}
