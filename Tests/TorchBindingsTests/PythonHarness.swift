import CellLanguage
import TorchBindings

/// One notebook's interpreter with a session installed: run cells and read
/// what Jupyter would show.
final class PythonHarness {
    let session: TorchSession
    let interpreter = Interpreter()

    init(session: TorchSession = TorchSession(datasetDirectory: "/nonexistent/fashion-mnist"), seed: UInt64 = 0) throws {
        self.session = session
        try session.install(in: interpreter)
        session.beginNotebook(seed: seed)
        _ = interpreter.run(cell: "import torch\nfrom torch import nn\nimport torch.nn.functional as F\nfrom d2l import torch as d2l\n", file: "setup.py")
    }

    /// The cell's output, display value and error line, as a notebook shows them.
    @discardableResult
    func run(_ source: String) -> String {
        interpreter.run(cell: source, file: "cell.py").shownText
    }

    subscript(name: String) -> Value? { interpreter[global: name] }
}
