import CellLanguage
import Datasets
import TensorEngine

/// PyTorch and d2l for the cell language: the one object the notebook runner
/// talks to.
///
/// A session lives for one run over a course. Each notebook gets a fresh
/// `Interpreter`; `install(in:)` registers `torch`, `torch.nn`,
/// `torch.nn.functional`, `torch.nn.init`, `torch.optim`, `torch.utils.data`
/// and `d2l` in it, and `beginNotebook(seed:)` resets what PyTorch keeps per
/// process (the random generator, print options, pending plots).
///
///     let session = TorchSession()
///     let interpreter = Interpreter()
///     try session.install(in: interpreter)
///     session.beginNotebook(seed: 0)
///     interpreter.run(cell: "import torch\ntorch.rand(2)", file: "lesson.md")
public final class TorchSession {
    let context: TorchContext
    /// `#@save` definitions, in the order they were saved (a later save of the
    /// same name replaces the earlier one in place).
    private var savedNames: [String] = []
    private var savedValues: [String: Value] = [:]
    /// Interpreters whose definitions were saved: a saved function keeps using
    /// the globals of the notebook that defined it, which its interpreter
    /// would empty when freed.
    private var definingInterpreters: [Interpreter] = []

    public init(datasetDirectory: String = FashionMNIST.defaultDirectory) {
        context = TorchContext(datasetDirectory: datasetDirectory)
    }

    // MARK: - Notebooks

    /// Registers torch, torch.nn, torch.nn.functional, torch.nn.init, torch.optim,
    /// torch.utils.data and d2l (`from d2l import torch as d2l`) in a fresh interpreter.
    public func install(in interpreter: Interpreter) throws {
        context.attach(to: interpreter)
        let saved = savedNames.compactMap { name in savedValues[name].map { (name, $0) } }
        try TorchModules.install(context: context, interpreter: interpreter, saved: saved)
    }

    /// Before a notebook's first cell: torch.manual_seed(seed), gradients on,
    /// default print options, no pending plots.
    public func beginNotebook(seed: UInt64) {
        context.releaseModules()
        context.generator.manualSeed(seed)
        context.printOptions = .default
        context.discardFigures()
        GradientMode.isEnabled = true
    }

    /// d2l's `#@save`: these globals of `interpreter` become `d2l.NAME` for this and
    /// every later notebook of the same session. Names the interpreter does not
    /// define are ignored.
    public func save(_ names: [String], from interpreter: Interpreter) {
        var savedAny = false
        for name in names {
            guard let value = interpreter[global: name] else { continue }
            if savedValues[name] == nil { savedNames.append(name) }
            savedValues[name] = value
            interpreter.module(named: "d2l.torch")?[name] = value
            savedAny = true
        }
        if savedAny, !definingInterpreters.contains(where: { $0 === interpreter }) {
            definingInterpreters.append(interpreter)
        }
    }

    /// Plots drawn since the last call (d2l.Animator / d2l.plot), in order.
    public func takePlots() -> [PlotRecord] {
        context.takeFigures()
    }

    // MARK: - Values for figures

    /// For figure directives: a tensor, a (nested) list/tuple of numbers or a number
    /// → shape and row-major values. Throws a clear message for anything else.
    public func numericArray(from value: Value) throws -> NumericArray {
        try NumericArrayReader.read(value)
    }

    /// For `{receptive-field} :model: net`: the layers of an nn.Sequential (or
    /// module) in forward order; conv and pool layers carry their geometry, other
    /// layers (activations, flatten, linear) end the spatial stack.
    public func layerGeometry(of value: Value) throws -> [LayerGeometry] {
        try LayerGeometryReader.read(value)
    }
}
