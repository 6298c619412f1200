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
    /// Figures shown since the runner last took them: finished plots, and
    /// animators whose curves grew (drawn as they stand when taken).
    private var pendingFigures: [PendingFigure] = []

    private enum PendingFigure {
        case finished(PlotRecord)
        case animator(AnimatorObject)
    }
    let datasetDirectory: String
    /// Python modules created in the current notebook (see `PythonModule`).
    private var pythonModules: [WeakModule] = []

    private struct WeakModule {
        weak var module: PythonModule?
    }

    init(datasetDirectory: String) {
        self.datasetDirectory = datasetDirectory
    }

    // MARK: - Figures

    func show(_ plot: PlotRecord) {
        pendingFigures.append(.finished(plot))
    }

    /// An animator redrew its figure: like Jupyter's `clear_output(wait=True)`,
    /// only its latest state is shown, once per cell.
    func showFigure(of animator: AnimatorObject) {
        let pending = pendingFigures.contains {
            if case .animator(let shown) = $0 { shown === animator } else { false }
        }
        if !pending { pendingFigures.append(.animator(animator)) }
    }

    func takeFigures() -> [PlotRecord] {
        defer { pendingFigures = [] }
        return pendingFigures.map { figure in
            switch figure {
            case .finished(let record): record
            case .animator(let animator): animator.record
            }
        }
    }

    func discardFigures() {
        pendingFigures = []
    }

    // MARK: - Python modules

    func track(_ module: PythonModule) {
        if pythonModules.count > 1024 { pythonModules.removeAll { $0.module == nil } }
        pythonModules.append(WeakModule(module: module))
    }

    /// Breaks the instance ↔ registry cycles of the finished notebook's modules.
    func releaseModules() {
        for entry in pythonModules { entry.module?.release() }
        pythonModules = []
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
