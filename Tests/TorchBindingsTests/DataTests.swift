import Testing
@testable import TorchBindings

/// DataLoader draws random numbers exactly where PyTorch's does (values
/// printed by PyTorch 2.15 for the same program).
@Suite struct DataTests {
    @Test func shuffledBatchesFollowPyTorchsDraws() throws {
        let python = try PythonHarness(seed: 0)
        python.run("""
            from torch.utils import data
            ds = data.TensorDataset(torch.arange(10.).reshape(5, 2), torch.arange(5))
            loader = data.DataLoader(ds, batch_size=2, shuffle=True)
            """)
        #expect(python.run("[y.tolist() for _, y in loader]") == "[[1, 4], [2, 3], [0]]\n")
        #expect(python.run("torch.rand(1)") == "tensor([0.3074])\n")
    }

    @Test func iteratingWithoutShufflingStillDrawsABaseSeed() throws {
        let python = try PythonHarness(seed: 0)
        python.run("from torch.utils import data\nit = iter(data.DataLoader(data.TensorDataset(torch.ones(3)), batch_size=2))")
        #expect(python.run("torch.rand(1)") == "tensor([0.0885])\n")
    }
}
