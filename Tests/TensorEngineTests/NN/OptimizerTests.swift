import Testing

@testable import TensorEngine

/// SGD against the values PyTorch 2.15 printed for the same programs.
@Suite("Optimizers")
struct OptimizerTests {
    @Test func plainStep() throws {
        let w = try t([1.0, -2.0]).asParameter()
        let optimizer = try SGD(parameters: [w], learningRate: 0.1)
        try w.multiplied(by: w).sum().backward()
        try optimizer.step()
        expectValues(w, shape: [2], [0.8, -1.6])
        try optimizer.zeroGrad()
        #expect(w.grad == nil)
    }

    @Test func momentumKeepsABuffer() throws {
        let w = try t([2.0]).asParameter()
        let optimizer = try SGD(parameters: [w], learningRate: 0.1, momentum: 0.9)
        var values: [Double] = []
        for _ in 0..<2 {
            try optimizer.zeroGrad()
            try w.multiplied(by: w).sum().backward()
            try optimizer.step()
            values.append(w.doubles()[0])
        }
        #expect(abs(values[0] - 1.6) < 1e-6 && abs(values[1] - 0.92) < 1e-6)
    }

    @Test func weightDecayAndNesterov() throws {
        // g = 2w + 0.1w; b = g; p -= lr (g + 0.9 b) — computed by hand in float64.
        let w = try Tensor(shape: [1], values: [1], dtype: .float64).asParameter()
        let optimizer = try SGD(parameters: [w], learningRate: 0.1, momentum: 0.9, weightDecay: 0.1, nesterov: true)
        try w.multiplied(by: w).sum().backward()
        try optimizer.step()
        let gradient = 2.0 + 0.1
        expectValues(w, shape: [1], [1 - 0.1 * (gradient + 0.9 * gradient)], tolerance: 1e-12)
    }

    @Test func settingsAreChecked() throws {
        let w = try t([1.0]).asParameter()
        #expect(throws: OptimizerError.emptyParameterList) { try SGD(parameters: [], learningRate: 0.1) }
        #expect(throws: OptimizerError.invalidSetting(name: "learning rate", value: -1)) {
            try SGD(parameters: [w], learningRate: -1)
        }
        #expect(throws: OptimizerError.nesterovNeedsMomentum) {
            try SGD(parameters: [w], learningRate: 0.1, nesterov: true)
        }
    }

    @Test func adamMovesAgainstTheGradientSign() throws {
        let w = try t([1.0, -1.0]).asParameter()
        let optimizer = try Adam(parameters: [w], learningRate: 0.1)
        try w.multiplied(by: w).sum().backward()
        try optimizer.step()
        // The first Adam step moves each weight by lr against its gradient's sign.
        expectValues(w, shape: [2], [0.9, -0.9], tolerance: 1e-6)
    }
}
