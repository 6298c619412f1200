import Testing

@testable import TensorEngine

/// Sums and tiny matrix products against the exact bits PyTorch produced
/// (fixtures recorded by Tests/ReferenceScripts/tensor_engine_reference.py).
@Suite("Bit-exact agreement with PyTorch")
struct PyTorchReferenceTests {
    func input(_ shape: [Int], _ generator: RandomGenerator) throws -> Tensor {
        try Tensor.rand(shape, generator: generator).subtracting(.float(0.5))
    }

    @Test("float32 sums round like PyTorch's cascade_sum", arguments: PyTorchReference.sums)
    func sums(_ reference: ReferenceSum) throws {
        var x = try input(reference.shape, RandomGenerator(seed: reference.seed))
        if reference.transposed { x = try x.transposed() }
        let result = try reference.dimensions.map { try x.sum(dimensions: $0) } ?? x.sum()
        let bits = result.elements(as: Float.self).map(\.bitPattern)
        #expect(bits == reference.bits, "shape \(reference.shape) dims \(String(describing: reference.dimensions))")
    }

    @Test("tiny float32 products round like PyTorch's BLAS", arguments: PyTorchReference.products)
    func products(_ reference: ReferenceProduct) throws {
        let generator = RandomGenerator(seed: reference.seed)
        let a = try input([reference.m, reference.k], generator)
        let b = try input([reference.k, reference.n], generator)
        let bits = try a.matmul(b).elements(as: Float.self).map(\.bitPattern)
        #expect(bits == reference.bits, "\(reference.m)×\(reference.k)×\(reference.n)")
    }

    @Test("float32 sigmoid matches PyTorch's vector/scalar split", arguments: PyTorchReference.sigmoids)
    func sigmoids(_ reference: ReferenceSigmoid) throws {
        let x = try input([reference.count], RandomGenerator(seed: reference.seed)).multiplied(by: .int(30))
        let bits = try x.sigmoid().elements(as: Float.self).map(\.bitPattern)
        #expect(bits == reference.bits, "count \(reference.count)")
    }

    @Test("float32 softmax, log-softmax and cross entropy match PyTorch", arguments: PyTorchReference.classifiers)
    func classifiers(_ reference: ReferenceClassifier) throws {
        let generator = RandomGenerator(seed: reference.seed)
        let x = try input([reference.rows, reference.classes], generator).multiplied(by: .int(8))
        let targets = try Tensor.randint(high: Int64(reference.classes), shape: [reference.rows], generator: generator)
        #expect(try x.softmax(dimension: 1).elements(as: Float.self).map(\.bitPattern) == reference.softmax)
        #expect(try x.crossEntropy(target: targets).elements(as: Float.self).map(\.bitPattern) == [reference.crossEntropy])
        // log-softmax ends with the C library's logf where PyTorch uses SLEEF's:
        // allow a one-ulp difference in a few elements.
        let logs = try x.logSoftmax(dimension: 1).elements(as: Float.self)
        let differing = zip(logs, reference.logSoftmax).filter { $0.bitPattern != $1 }
        #expect(differing.allSatisfy { abs(Int64($0.bitPattern) - Int64($1)) <= 1 })
        #expect(differing.count <= Swift.max(1, logs.count / 50))
    }

    @Test("x ** s takes PyTorch's multiply/sqrt shortcuts", arguments: PyTorchReference.powers)
    func powers(_ reference: ReferencePower) throws {
        let x = try Tensor.rand([reference.count], generator: RandomGenerator(seed: reference.seed))
            .multiplied(by: .int(4)).adding(.float(0.1))
        let bits = try x.raised(toPower: .float(reference.exponent)).elements(as: Float.self).map(\.bitPattern)
        #expect(bits == reference.bits)
    }
}
