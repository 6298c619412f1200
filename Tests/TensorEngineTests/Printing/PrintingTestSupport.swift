import Testing

@testable import TensorEngine

// MARK: - Building snapshots

/// A float32 tensor: each value is rounded to float32 first, as
/// `torch.tensor([...])` does with Python floats.
func float32Tensor(_ shape: [Int], _ values: [Double]) -> TensorSnapshot {
    TensorSnapshot(shape: shape, dtype: .float32, values: .floating(values.map { Double(Float($0)) }))
}

func float64Tensor(_ shape: [Int], _ values: [Double]) -> TensorSnapshot {
    TensorSnapshot(shape: shape, dtype: .float64, values: .floating(values))
}

func int64Tensor(_ shape: [Int], _ values: [Int64]) -> TensorSnapshot {
    TensorSnapshot(shape: shape, dtype: .int64, values: .integer(values))
}

func boolTensor(_ shape: [Int], _ values: [Bool]) -> TensorSnapshot {
    TensorSnapshot(shape: shape, dtype: .bool, values: .boolean(values))
}

/// `torch.arange(count)` as float32, reshaped.
func float32Range(_ shape: [Int]) -> TensorSnapshot {
    let count = shape.reduce(1, *)
    return float32Tensor(shape, (0..<count).map(Double.init))
}

// MARK: - One case of printing.md

/// A tensor, its autograd flags, and what PyTorch printed for it.
struct PrintCase: Sendable, CustomTestStringConvertible {
    let name: String
    let snapshot: TensorSnapshot
    var requiresGrad = false
    var gradFunction: String? = nil
    var isParameter = false
    var options = PrintOptions.default
    let expected: String

    var testDescription: String { name }

    var printed: String {
        TensorFormatter.repr(
            snapshot, requiresGrad: requiresGrad, gradFunction: gradFunction, isParameter: isParameter,
            options: options)
    }
}
