import Foundation
import Testing

@testable import TensorEngine

/// Throughput and per-op overhead figures, printed, not asserted. Run in
/// release mode only when asked:
///
///     LITBOOK_BENCHMARK=1 swift test -c release -Xswiftc -enable-testing --filter EngineBenchmarks
@Suite("Engine benchmarks", .enabled(if: ProcessInfo.processInfo.environment["LITBOOK_BENCHMARK"] == "1"))
struct EngineBenchmarks {
    /// Best wall time of `repeats` runs of `body`, in seconds.
    func measure(repeats: Int = 5, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    func report(_ name: String, _ seconds: Double, _ detail: String = "") {
        print(String(format: "BENCH %-44@ %10.3f µs  %@", name as NSString, seconds * 1e6, detail as NSString))
    }

    @Test func elementwiseAndReductions() throws {
        let count = 1 << 20
        let a = try Tensor.rand([count], generator: RandomGenerator(seed: 1))
        let b = try Tensor.rand([count], generator: RandomGenerator(seed: 2))
        let bytes = Double(count * 4 * 3)
        let add = try measure { _ = try a.adding(b) }
        report("add 1M float32", add, String(format: "%.1f GB/s", bytes / add / 1e9))
        report("mul 1M float32", try measure { _ = try a.multiplied(by: b) })
        report("add 1M float32 again", try measure { _ = try a.adding(b) })
        report("add 1M float32 (float64 scalar)", try measure { _ = try a.adding(.float(1)) })
        let scale = try measure { _ = try a.multiplied(by: .float(0.5)) }
        report("mul by scalar 1M float32", scale, String(format: "%.1f GB/s", bytes * 2 / 3 / scale / 1e9))
        let broadcast = try measure { _ = try a.reshaped([1024, 1024]).adding(b.index([.slice(start: 0, stop: 1024, step: nil)])) }
        report("add row-broadcast 1024×1024", broadcast)
        report("exp 1M float32", try measure { _ = try a.exp() })
        report("sigmoid 1M float32", try measure { _ = try a.sigmoid() })
        report("sum 1M float32", try measure { _ = try a.sum() })
        report("sum(dim 0) 1024×1024", try measure { _ = try a.reshaped([1024, 1024]).sum(dimension: 0) })
        report("sum(dim 1) 1024×1024", try measure { _ = try a.reshaped([1024, 1024]).sum(dimension: 1) })
        report("transpose+contiguous 1024×1024", try measure { _ = try a.reshaped([1024, 1024]).transposed().contiguous() })
        report("add_ in place 1M", try measure { try a.add_(b, alpha: .float(-0.001)) })
    }

    @Test func smallOpOverhead() throws {
        // d2l's corr2d on the lesson's 6×8 image: 42 windows, each a slice,
        // a product, a sum and an indexed write.
        let x = try Tensor.ones([6, 8])
        let k = try t([[1.0, -1.0]]).requiresGrad_()
        let iterations = 200
        let seconds = try measure {
            for _ in 0..<iterations {
                let y = try Tensor.zeros([6, 7])
                for i in 0..<6 {
                    for j in 0..<7 {
                        let window = try x.index([.slice(start: i, stop: i + 1, step: nil), .slice(start: j, stop: j + 2, step: nil)])
                        try y.setIndex([.integer(i), .integer(j)], value: window.multiplied(by: k).sum())
                    }
                }
            }
        }
        report("corr2d 6×8 with grad (42 windows)", seconds / Double(iterations),
               String(format: "%.2f µs per window", seconds / Double(iterations * 42) * 1e6))
        let small = try t([1.0, 2.0, 3.0])
        let tiny = try measure { for _ in 0..<10_000 { _ = try small.adding(small) } }
        report("add of two 3-element tensors", tiny / 10_000)
    }

    @Test func leNetBatch() throws {
        let generator = RandomGenerator(seed: 0)
        let conv1 = try ReferenceLayers.convolution(1, 6, kernel: (5, 5), generator: generator)
        let conv2 = try ReferenceLayers.convolution(6, 16, kernel: (5, 5), generator: generator)
        let fc1 = try ReferenceLayers.linear(400, 120, generator: generator)
        let fc2 = try ReferenceLayers.linear(120, 84, generator: generator)
        let fc3 = try ReferenceLayers.linear(84, 10, generator: generator)
        let parameters = [conv1.weight, conv1.bias!, conv2.weight, conv2.bias!, fc1.weight, fc1.bias, fc2.weight,
                          fc2.bias, fc3.weight, fc3.bias]
        let images = try Tensor.rand([256, 1, 28, 28], generator: generator)
        let labels = try Tensor.randint(low: 0, high: 10, shape: [256], generator: generator)
        func forward() throws -> Tensor {
            var x = try images.conv2d(weight: conv1.weight, bias: conv1.bias, padding: 2).sigmoid().avgPool2d(kernelSize: 2)
            x = try x.conv2d(weight: conv2.weight, bias: conv2.bias).sigmoid().avgPool2d(kernelSize: 2).flattened(from: 1)
            x = try x.linear(weight: fc1.weight, bias: fc1.bias).sigmoid()
            x = try x.linear(weight: fc2.weight, bias: fc2.bias).sigmoid()
            return try x.linear(weight: fc3.weight, bias: fc3.bias).crossEntropy(target: labels)
        }
        report("LeNet batch 256 forward (no grad)", try measure(repeats: 10) { _ = try withoutGradients { try forward() } })
        report("LeNet batch 256 forward (recording)", try measure(repeats: 10) { _ = try forward() })
        report("LeNet conv1 forward", try measure(repeats: 10) { _ = try withoutGradients { try images.conv2d(weight: conv1.weight, bias: conv1.bias, padding: 2) } })
        let c1 = try withoutGradients { try images.conv2d(weight: conv1.weight, bias: conv1.bias, padding: 2) }
        report("LeNet sigmoid 256×6×28×28", try measure(repeats: 10) { _ = try c1.sigmoid() })
        report("LeNet avgpool 256×6×28×28", try measure(repeats: 10) { _ = try c1.avgPool2d(kernelSize: 2) })
        func step() throws {
            var x = try images.conv2d(weight: conv1.weight, bias: conv1.bias, padding: 2).sigmoid().avgPool2d(kernelSize: 2)
            x = try x.conv2d(weight: conv2.weight, bias: conv2.bias).sigmoid().avgPool2d(kernelSize: 2).flattened(from: 1)
            x = try x.linear(weight: fc1.weight, bias: fc1.bias).sigmoid()
            x = try x.linear(weight: fc2.weight, bias: fc2.bias).sigmoid()
            let loss = try x.linear(weight: fc3.weight, bias: fc3.bias).crossEntropy(target: labels)
            for parameter in parameters { parameter.grad = nil }
            try loss.backward()
            try withoutGradients { for p in parameters { try p.add_(p.grad!, alpha: .float(-0.9)) } }
        }
        let seconds = try measure(repeats: 10) { try step() }
        report("LeNet batch 256 forward+backward+SGD", seconds,
               String(format: "≈ %.1f s per Fashion-MNIST epoch (235 batches)", seconds * 235))
    }
}
