import Foundation

@testable import TensorEngine

// MARK: - Printed forms

/// Values as PyTorch prints them in fixed mode with 4 decimals.
func fixed4(_ values: [Double]) -> [String] {
    values.map { String(format: "%.4f", $0) }
}

/// Values as PyTorch prints them in scientific mode with 4 decimals.
func scientific4(_ values: [Double]) -> [String] {
    values.map { String(format: "%.4e", $0) }
}

/// The numbers of a printed tensor body, e.g. "0.4963, 0.7682" or a
/// multi-line block, as separate strings.
func printedNumbers(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" }).map(String.init)
}

/// float32 values from their IEEE bit patterns, as Doubles.
func floats(_ bits: [UInt32]) -> [Double] {
    bits.map { Double(Float(bitPattern: $0)) }
}

/// float64 values from their IEEE bit patterns.
func doubles(_ bits: [UInt64]) -> [Double] {
    bits.map { Double(bitPattern: $0) }
}

// MARK: - PyTorch's initialisation bounds (torch/nn/init.py), restated

/// `kaiming_uniform_(w, a=√5)`, the default of `nn.Linear`/`nn.Conv2d`
/// weights: `√3 · gain / √fan_in` with `gain = √(2 / (1 + a²))`, computed in
/// double in that order, as Python does.
func defaultWeightBound(fanIn: Int) -> Double {
    let a = 5.0.squareRoot()
    let gain = (2.0 / (1 + a * a)).squareRoot()
    let std = gain / Double(fanIn).squareRoot()
    return 3.0.squareRoot() * std
}

/// The default bias bound of `nn.Linear`/`nn.Conv2d`: `1 / √fan_in`.
func defaultBiasBound(fanIn: Int) -> Double {
    1 / Double(fanIn).squareRoot()
}

/// `xavier_uniform_` with gain 1: `√3 · √(2 / (fan_in + fan_out))`.
func xavierBound(fanIn: Int, fanOut: Int) -> Double {
    let std = 1.0 * (2.0 / Double(fanIn + fanOut)).squareRoot()
    return 3.0.squareRoot() * std
}
