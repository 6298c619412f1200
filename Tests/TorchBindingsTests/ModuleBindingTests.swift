import CellLanguage
import Foundation
import TensorEngine
import Testing
@testable import TorchBindings

/// nn.Module subclasses written in Python, native containers holding them,
/// and the session's view of models for figures.
@Suite struct ModuleBindingTests {
    @Test func pythonModulesRegisterInAssignmentOrder() throws {
        let python = try PythonHarness()
        python.run("""
            class Net(nn.Module):
                def __init__(self):
                    super().__init__()
                    self.b = nn.Parameter(torch.zeros(1))
                    self.hidden = nn.Linear(2, 3)
                    self.a = nn.Parameter(torch.ones(2))
                    self.note = 'plain'
                def forward(self, x):
                    return self.hidden(x).sum() + self.a.sum() + self.b
            net = Net()
            """)
        #expect(python.run("[n for n, _ in net.named_parameters()]") == "['b', 'a', 'hidden.weight', 'hidden.bias']\n", "a module's own parameters come before its children's")
        #expect(python.run("net.note, isinstance(net, nn.Module), type(net.hidden) == nn.Linear") == "('plain', True, True)\n")
        #expect(python.run("net") == "Net(\n  (hidden): Linear(in_features=2, out_features=3, bias=True)\n)\n")
        #expect(python.run("net.missing") == "AttributeError: 'Net' object has no attribute 'missing'\n")
    }

    @Test func nativeContainersCallPythonChildren() throws {
        let python = try PythonHarness()
        python.run("""
            class Double(nn.Module):
                def forward(self, x):
                    return x * 2
            seq = nn.Sequential(nn.Flatten(), Double(), nn.ReLU())
            """)
        #expect(python.run("seq(torch.tensor([[[-1.0, 3.0]]]))") == "tensor([[0., 6.]])\n")
        #expect(python.run("type(seq[1]).__name__, seq[1:].__class__.__name__, len(seq[::2])") == "('Double', 'Sequential', 2)\n")
        #expect(python.run("seq") == "Sequential(\n  (0): Flatten(start_dim=1, end_dim=-1)\n  (1): Double()\n  (2): ReLU()\n)\n")
    }

    @Test func aPythonChildWithoutForwardFails() throws {
        let python = try PythonHarness()
        #expect(python.run("nn.Sequential(nn.Module())(torch.ones(1))") == "NotImplementedError: Module [Module] is missing the required \"forward\" function\n")
    }

    @Test func nativeLayersCannotBeSubclassedButCanCarryAttributes() throws {
        let python = try PythonHarness()
        python.run("class Mine(nn.Linear):\n    pass")
        #expect(python.run("Mine(2, 2)").hasPrefix("TypeError: litbook cannot subclass nn.Linear"))
        #expect(python.run("lin = nn.Linear(2, 2)\nlin.tag = 'x'\nlin.tag, lin.in_features") == "('x', 2)\n")
        #expect(python.run("lin.weight = nn.Parameter(torch.zeros(2, 2))\ntorch.equal(lin(torch.ones(1, 2)).detach()[0], lin.bias.detach())") == "True\n")
    }

    @Test func layerGeometryListsTheLenetLayers() throws {
        let python = try PythonHarness()
        python.run("""
            net = nn.Sequential(nn.Conv2d(1, 6, kernel_size=5, padding=2), nn.Sigmoid(), nn.AvgPool2d(2, 2),
                                nn.Conv2d(6, 16, (5, 3), stride=(1, 2), dilation=2), nn.MaxPool2d(3, padding=1), nn.Flatten(), nn.Linear(10, 2))
            """)
        let layers = try python.session.layerGeometry(of: try #require(python["net"]))
        #expect(layers.map(\.label) == ["conv 5×5", "Sigmoid", "pool 2×2", "conv 5×3", "pool 3×3", "Flatten", "Linear"])
        #expect(layers.map(\.kind) == [.conv, .other, .pool, .conv, .pool, .other, .other])
        #expect(layers[0].padding == LayerGeometry.Pair(2, 2))
        #expect(layers[3].stride == LayerGeometry.Pair(1, 2) && layers[3].dilation == LayerGeometry.Pair(2, 2))
        #expect(layers[4].stride == LayerGeometry.Pair(3, 3) && layers[4].padding == LayerGeometry.Pair(1, 1))
        #expect(throws: FigureValueError.self) { try python.session.layerGeometry(of: .int(3)) }
    }

    @Test func modulesOfAFinishedNotebookReleaseTheirInstances() throws {
        let session = TorchSession()
        weak var registry: AnyObject?
        weak var finished: Interpreter?
        do {
            let python = try PythonHarness(session: session)
            python.run("class M(nn.Module):\n    pass\nm = M()")
            registry = python["m"]?.as(PyInstance.self)?.payload
            finished = python.interpreter
            #expect(registry != nil)
        }
        // The interpreter's last evaluation thread may still hold it for a moment.
        for _ in 0..<200 where finished != nil { Thread.sleep(forTimeInterval: 0.01) }
        #expect(finished == nil)
        #expect(registry != nil, "the instance and its registry keep each other alive until the notebook ends")
        session.beginNotebook(seed: 0)
        #expect(registry == nil, "the instance ↔ registry cycle is broken when the next notebook begins")
    }
}
