import CellLanguage
import Foundation
import TensorEngine
import Testing
@testable import TorchBindings

/// The d2l library: saved definitions across notebooks, figures, helpers and
/// the Fashion-MNIST loader.
@Suite struct D2LTests {
    @Test func savedFunctionsOutliveTheirNotebook() throws {
        let session = TorchSession()
        do {
            let first = try PythonHarness(session: session)
            first.run("scale = 3\ndef tripled(x):\n    return torch.ones(2) * x * scale")
            session.save(["tripled", "undefined_name"], from: first.interpreter)
            #expect(first.run("d2l.tripled(2)") == "tensor([6., 6.])\n", "saved into this notebook's d2l too")
        }
        let second = try PythonHarness(session: session)
        #expect(second.run("d2l.tripled(1)") == "tensor([3., 3.])\n")
        #expect(second.run("d2l.undefined_name") == "AttributeError: module 'd2l.torch' has no attribute 'undefined_name'\n")
    }

    @Test func aSavedDefinitionReplacesTheBuiltInOne() throws {
        let session = TorchSession()
        let first = try PythonHarness(session: session)
        first.run("def corr2d(X, K):\n    return 'mine'")
        session.save(["corr2d"], from: first.interpreter)
        #expect(try PythonHarness(session: session).run("d2l.corr2d(1, 2)") == "'mine'\n")
        #expect(try PythonHarness().run("d2l.corr2d(torch.eye(3), torch.ones(2, 2))") == "tensor([[2., 1.],\n        [1., 2.]])\n")
    }

    @Test func animatorsRecordTheirLatestCurvesOncePerCell() throws {
        let python = try PythonHarness()
        python.run("""
            animator = d2l.Animator(xlabel='epoch', xlim=[1, 3], ylim=[0, 1], legend=['loss', 'acc'], yscale='log')
            for epoch in range(1, 4):
                animator.add(epoch, (1 / epoch, None if epoch < 3 else 0.9))
            """)
        let plots = python.session.takePlots()
        #expect(plots.count == 1)
        #expect(plots.first == PlotRecord(
            xLabel: "epoch", xLimits: 1...3, yLimits: 0...1, logarithmicY: true,
            series: [.init(name: "loss", x: [1, 2, 3], y: [1, 0.5, 1.0 / 3]), .init(name: "acc", x: [3], y: [0.9])]))
        #expect(python.session.takePlots().isEmpty)
        python.run("animator.add(4, (0.2, 0.95))")
        #expect(python.session.takePlots().first?.series.first?.x == [1, 2, 3, 4])
    }

    @Test func plotRecordsCurvesFromTensorsAndLists() throws {
        let python = try PythonHarness()
        #expect(python.run("d2l.plot(torch.arange(3.0), [torch.arange(3.0) ** 2, [1, 1, 1]], 'x', 'f(x)', legend=['square', 'one'])") == "")
        let plot = try #require(python.session.takePlots().first)
        #expect(plot.xLabel == "x" && plot.yLabel == "f(x)")
        #expect(plot.series == [.init(name: "square", x: [0, 1, 2], y: [0, 1, 4]), .init(name: "one", x: [0, 1, 2], y: [1, 1, 1])])
    }

    @Test func helpersBehaveLikeTheLibrary() throws {
        let python = try PythonHarness()
        #expect(python.run("m = d2l.Accumulator(2)\nm.add(1, torch.tensor(2.5))\nm.add(2, 0.5)\nm[0], m[1]") == "(3.0, 3.0)\n")
        #expect(python.run("d2l.accuracy(torch.tensor([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7]]), torch.tensor([1, 1, 1]))") == "2.0\n")
        #expect(python.run("d2l.get_fashion_mnist_labels(torch.tensor([0, 9]))") == "['t-shirt', 'ankle boot']\n")
        #expect(python.run("t = d2l.Timer()\nt.stop() >= 0, len(t.times)") == "(True, 1)\n")
        python.run("torch.manual_seed(0)\nX, y = d2l.synthetic_data(torch.tensor([2.0, -3.4]), 4.2, 20)")
        #expect(python.run("X.shape, y.shape, len(d2l.load_array((X, y), 8))") == "(torch.Size([20, 2]), torch.Size([20, 1]), 3)\n")
    }

    @Test func missingFashionMNISTNamesTheDebianPackage() throws {
        let shown = try PythonHarness().run("d2l.load_data_fashion_mnist(256)")
        #expect(shown.hasPrefix("OSError: dataset file /nonexistent/fashion-mnist/"))
        #expect(shown.contains("dataset-fashion-mnist"))
        #expect(try PythonHarness().run("d2l.load_data_fashion_mnist(256, resize=64)").hasPrefix("ValueError: litbook's load_data_fashion_mnist cannot resize"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz")))
    func fashionMNISTBatchesAreToTensorImages() throws {
        let python = try PythonHarness(session: TorchSession())
        python.run("train_iter, test_iter = d2l.load_data_fashion_mnist(batch_size=256)")
        #expect(python.run("len(train_iter), len(test_iter)") == "(235, 40)\n")
        #expect(python.run("X, y = next(iter(test_iter))\nX.shape, X.dtype, y.dtype, y[:10]") ==
            "(torch.Size([256, 1, 28, 28]), torch.float32, torch.int64, tensor([9, 2, 1, 1, 6, 1, 4, 6, 5, 7]))\n")
        #expect(python.run("0 <= float(X.min()) and float(X.max()) <= 1") == "True\n")
    }
}
