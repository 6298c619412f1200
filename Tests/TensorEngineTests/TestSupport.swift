import Testing

@testable import TensorEngine

/// Shorthand for a tensor from a literal (`t([[1, 2], [3, 4]])`).
func t(_ literal: TensorLiteral, _ dtype: DType? = nil) throws -> Tensor {
    try Tensor(literal: literal, dtype: dtype)
}

/// Checks shape first, then values within `tolerance` (absolute + relative).
func expectValues(
    _ tensor: Tensor, shape: [Int], _ expected: [Double], tolerance: Double = 1e-6,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(tensor.shape == shape, "shape", sourceLocation: sourceLocation)
    let actual = tensor.doubles()
    #expect(actual.count == expected.count, "element count", sourceLocation: sourceLocation)
    for (index, (a, e)) in zip(actual, expected).enumerated() {
        let close = (a.isNaN && e.isNaN) || a == e || abs(a - e) <= tolerance * (1 + abs(e))
        #expect(close, "element \(index): \(a) != \(e)", sourceLocation: sourceLocation)
    }
}

/// Checks that `body` throws exactly `expected` (kind and message).
func expectError(
    _ expected: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
    do {
        try body()
        Issue.record("expected error: \(expected)", sourceLocation: sourceLocation)
    } catch let error as TensorError {
        #expect(error.description == expected, sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
}

/// Compares autograd's gradients of `sum(weights · f(inputs))` with central
/// finite differences, for float64 inputs.
func expectGradientsMatchFiniteDifferences(
    _ inputs: [Tensor], tolerance: Double = 1e-5, sourceLocation: SourceLocation = #_sourceLocation,
    _ function: ([Tensor]) throws -> Tensor
) throws {
    for input in inputs {
        try input.requiresGrad_(true)
        input.grad = nil
    }
    let probe = try function(inputs)
    // Fixed, non-uniform weights so every output element matters differently.
    let weightValues = (0..<probe.count).map { Double(($0 * 7) % 5) * 0.25 + 0.5 }
    let weights = try Tensor(shape: probe.shape, values: weightValues, dtype: .float64)
    func objective(_ values: [Tensor]) throws -> Tensor {
        try function(values).to(.float64).multiplied(by: weights).sum()
    }
    try objective(inputs).backward()
    let epsilon = 1e-6
    for (number, input) in inputs.enumerated() {
        let analytic = input.grad?.doubles() ?? [Double](repeating: 0, count: input.count)
        let base = input.detach().doubles()
        for element in 0..<input.count {
            func evaluate(_ delta: Double) throws -> Double {
                var shifted = base
                shifted[element] += delta
                let replaced = try inputs.enumerated().map { index, original in
                    index == number ? try Tensor(shape: original.shape, values: shifted, dtype: .float64) : original.detach()
                }
                return try withoutGradients { try objective(replaced).item().doubleValue }
            }
            let numeric = (try evaluate(epsilon) - evaluate(-epsilon)) / (2 * epsilon)
            let close = abs(numeric - analytic[element]) <= tolerance * (1 + abs(numeric))
            #expect(
                close, "input \(number) element \(element): autograd \(analytic[element]) vs numeric \(numeric)",
                sourceLocation: sourceLocation)
        }
    }
}
