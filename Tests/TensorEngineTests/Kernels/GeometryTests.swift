import Testing

@testable import TensorEngine

@Suite("Conv2dGeometry and Pool2dGeometry")
struct GeometryTests {
    @Test("Convolution output size is PyTorch's formula")
    func convolutionOutputSize() {
        #expect(Conv2dGeometry(1, 1, 28, 28, out: 6, kernel: (5, 5), pad: (2, 2)).outHeight == 28)
        #expect(Conv2dGeometry(1, 6, 14, 14, out: 16, kernel: (5, 5)).outWidth == 10)
        let strided = Conv2dGeometry(1, 2, 5, 5, out: 3, kernel: (3, 3), stride: (2, 2), pad: (1, 1))
        #expect(strided.outHeight == 3 && strided.outWidth == 3)
        let dilated = Conv2dGeometry(1, 1, 9, 10, out: 1, kernel: (3, 3), dilation: (2, 3))
        #expect(dilated.outHeight == 5 && dilated.outWidth == 4)
        let lesson = Conv2dGeometry(1, 1, 6, 8, out: 1, kernel: (1, 2))
        #expect(lesson.outHeight == 6 && lesson.outWidth == 7)
    }

    @Test("A kernel that does not fit gives a non-positive size and an invalid geometry")
    func convolutionTooSmall() {
        let g = Conv2dGeometry(1, 1, 2, 2, out: 1, kernel: (3, 3))
        #expect(g.outHeight <= 0)
        #expect(!g.isValid)
        // Floor, not truncation: (2 − 4 − 1) / 2 + 1 must not round up to 1.
        #expect(Conv2dGeometry(1, 1, 2, 2, out: 1, kernel: (4, 4), stride: (2, 2)).outHeight <= 0)
    }

    @Test("Invalid convolution parameters are reported by isValid, never trapped")
    func convolutionValidity() {
        #expect(Conv2dGeometry(2, 4, 5, 5, out: 6, kernel: (3, 3), groups: 2).isValid)
        #expect(!Conv2dGeometry(2, 4, 5, 5, out: 6, kernel: (3, 3), groups: 3).isValid)
        #expect(!Conv2dGeometry(2, 4, 5, 5, out: 6, kernel: (3, 3), stride: (0, 1)).isValid)
        #expect(!Conv2dGeometry(2, 4, 5, 5, out: 6, kernel: (3, 3), pad: (-1, 0)).isValid)
        #expect(!Conv2dGeometry(2, 4, 5, 5, out: 6, kernel: (3, 3), dilation: (1, 0)).isValid)
        let huge = Conv2dGeometry(1, 1, 5, 5, out: 1, kernel: (3, 3), pad: (Int.max / 2, 0))
        #expect(huge.outHeight == 0)
        #expect(!huge.isValid)
        let enormous = Conv2dGeometry(Int.max / 4, 1 << 20, 1 << 20, 1 << 20, out: 1, kernel: (1, 1))
        #expect(!enormous.isValid)
        #expect(enormous.inputCount == .max && enormous.multiplyAddCount == .max)  // saturates, no trap
        #expect(Conv2dGeometry(0, 2, 5, 5, out: 3, kernel: (3, 3)).isValid)
    }

    @Test("Pooling output size follows PyTorch, including ceil mode", arguments: [
        // (input, kernel, stride, pad, ceil, expected)
        (4, 3, 3, 0, false, 1), (4, 3, 2, 1, false, 2), (5, 2, 2, 0, false, 2), (5, 2, 2, 0, true, 3),
        (5, 3, 2, 0, false, 2), (5, 2, 3, 0, false, 2), (4, 5, 5, 0, false, 0),
        (6, 3, 2, 1, true, 4),
        (4, 2, 3, 1, true, 2),  // ceil gives 3, but that window would start past input + pad
        (28, 2, 2, 0, false, 14), (10, 2, 2, 0, true, 5),
    ])
    func poolingOutputSize(_ input: Int, _ kernel: Int, _ stride: Int, _ pad: Int, _ ceil: Bool, _ expected: Int) {
        let g = Pool2dGeometry(
            planes: 1, inHeight: input, inWidth: input, kernelHeight: kernel, kernelWidth: kernel,
            strideY: stride, strideX: stride, padY: pad, padX: pad, ceilMode: ceil)
        #expect(g.outHeight == expected)
        #expect(g.outWidth == expected)
    }

    @Test("Invalid pooling parameters are reported by isValid, never trapped")
    func poolingValidity() {
        func pool(_ input: Int, _ kernel: Int, _ stride: Int, _ pad: Int) -> Pool2dGeometry {
            Pool2dGeometry(
                planes: 1, inHeight: input, inWidth: input, kernelHeight: kernel, kernelWidth: kernel,
                strideY: stride, strideX: stride, padY: pad, padX: pad, ceilMode: false)
        }
        #expect(pool(4, 2, 2, 1).isValid)
        #expect(!pool(4, 2, 2, 2).isValid)  // pad above half the window
        #expect(!pool(4, 5, 5, 0).isValid)  // window larger than the input
        #expect(!pool(4, 2, 0, 0).isValid)
        #expect(pool(4, 2, 0, 0).outHeight == 0)
        #expect(!pool(4, Int.max, 1, Int.max / 2).isValid)
        #expect(!pool(1 << 16, 2, 2, 0).isValid)  // a plane past Int32 indices
        let huge = Pool2dGeometry(
            planes: Int.max / 2, inHeight: 1 << 20, inWidth: 1 << 20, kernelHeight: 1, kernelWidth: 1,
            strideY: 1, strideX: 1, padY: 0, padX: 0, ceilMode: false)
        #expect(huge.inputCount == .max && !huge.isValid)
    }

    @Test("LITBOOK_THREADS parsing: positive integers only")
    func threadCountParsing() {
        #expect(KernelThreads.parseCount("3", fallback: 2) == 3)
        #expect(KernelThreads.parseCount(" 4 ", fallback: 2) == 4)
        #expect(KernelThreads.parseCount("0", fallback: 2) == 2)
        #expect(KernelThreads.parseCount("-1", fallback: 2) == 2)
        #expect(KernelThreads.parseCount("many", fallback: 2) == 2)
        #expect(KernelThreads.parseCount(nil, fallback: 0) == 1)
        #expect(KernelThreads.withCount(5) { KernelThreads.count } == 5)
        #expect(KernelThreads.withCount(0) { KernelThreads.count } == 1)
    }

    @Test("The fork-join visits every item exactly once", arguments: [1, 2, 3, 7])
    func forkJoinCoversItems(_ threads: Int) {
        let items = 23
        let visits = UnsafeMutablePointer<Int>.allocate(capacity: items)
        visits.initialize(repeating: 0, count: items)
        defer { visits.deallocate() }
        ForkJoin.forEach(items: items, threads: threads) { item in visits[item] += 1 }
        #expect((0..<items).allSatisfy { visits[$0] == 1 })
    }
}
