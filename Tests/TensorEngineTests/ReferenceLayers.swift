import Foundation

@testable import TensorEngine

/// PyTorch's default layer initialisation, restated for the tests (the nn
/// module layer will own it): `kaiming_uniform_(a=√5)` for the weight, then
/// `uniform(−1/√fan_in, 1/√fan_in)` for the bias, drawn in that order.
enum ReferenceLayers {
    static func kaimingBound(fanIn: Int) -> Double {
        let gain = (2.0 / (1 + 5.0)).squareRoot()
        let std = gain / Double(fanIn).squareRoot()
        return 3.0.squareRoot() * std
    }

    /// `nn.Conv2d(inC, outC, kernel)` parameters: weight `[outC, inC, kH, kW]`, bias `[outC]`.
    static func convolution(
        _ inChannels: Int, _ outChannels: Int, kernel: (Int, Int), bias: Bool = true, generator: RandomGenerator
    ) throws -> (weight: Tensor, bias: Tensor?) {
        let fanIn = inChannels * kernel.0 * kernel.1
        let weight = try uniform([outChannels, inChannels, kernel.0, kernel.1], kaimingBound(fanIn: fanIn), generator)
        let biasTensor = bias ? try uniform([outChannels], 1 / Double(fanIn).squareRoot(), generator) : nil
        return (weight, biasTensor)
    }

    /// `nn.Linear(in, out)` parameters: weight `[out, in]`, bias `[out]`.
    static func linear(_ inFeatures: Int, _ outFeatures: Int, generator: RandomGenerator) throws -> (weight: Tensor, bias: Tensor) {
        let weight = try uniform([outFeatures, inFeatures], kaimingBound(fanIn: inFeatures), generator)
        let bias = try uniform([outFeatures], 1 / Double(inFeatures).squareRoot(), generator)
        return (weight, bias)
    }

    /// `nn.init.xavier_uniform_(w)` (gain 1).
    static func xavierUniform(_ weight: Tensor, generator: RandomGenerator) throws {
        let receptive = weight.shape.dropFirst(2).reduce(1, *)
        let fanIn = weight.shape[1] * receptive
        let fanOut = weight.shape[0] * receptive
        let bound = 3.0.squareRoot() * (2.0 / Double(fanIn + fanOut)).squareRoot()
        try withoutGradients { try weight.uniform_(from: -bound, to: bound, generator: generator) }
    }

    private static func uniform(_ shape: [Int], _ bound: Double, _ generator: RandomGenerator) throws -> Tensor {
        try Tensor.zeros(shape).uniform_(from: -bound, to: bound, generator: generator).asParameter()
    }
}
