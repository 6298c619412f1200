import CellLanguage
import Testing

@testable import TorchBindings

@Suite struct SessionTests {
    @Test func installRegistersTheModules() throws {
        let session = TorchSession()
        let interpreter = Interpreter()
        try session.install(in: interpreter)
        session.beginNotebook(seed: 0)
        let result = interpreter.run(
            cell:
                "import torch\nfrom torch import nn\nimport torch.nn.functional as F\nfrom d2l import torch as d2l\ntorch.manual_seed(1)\n",
            file: "t.md")
        #expect(result.error == nil, "\(result.error?.summary ?? "")")
    }

    @Test func numericArrayReadsNestedLists() throws {
        let array = try NumericArrayReader.read(.list(PyList([.tuple([1, 2.5]), .tuple([3, 4])])))
        #expect(array == NumericArray(shape: [2, 2], values: [1, 2.5, 3, 4]))
        #expect(try NumericArrayReader.read(.float(2)) == NumericArray(shape: [], values: [2]))
        #expect(throws: FigureValueError.self) { try NumericArrayReader.read(.str("x")) }
        #expect(throws: FigureValueError.self) {
            try NumericArrayReader.read(.list(PyList([.tuple([1]), .tuple([1, 2])])))
        }
    }
}
