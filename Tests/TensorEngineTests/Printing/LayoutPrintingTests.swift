import Testing

@testable import TensorEngine

/// Nesting, wrapping and summarising (printing.md).
@Suite("Printing layout and summaries")
struct LayoutPrintingTests {
    static let cases: [PrintCase] = [
        PrintCase(
            name: "3-D: one blank line between blocks", snapshot: float32Range([2, 3, 4]),
            expected: """
                tensor([[[ 0.,  1.,  2.,  3.],
                         [ 4.,  5.,  6.,  7.],
                         [ 8.,  9., 10., 11.]],

                        [[12., 13., 14., 15.],
                         [16., 17., 18., 19.],
                         [20., 21., 22., 23.]]])
                """),
        PrintCase(
            name: "4-D: two blank lines between outer blocks", snapshot: int64Tensor([2, 2, 2, 2], Array(0..<16)),
            expected: """
                tensor([[[[ 0,  1],
                          [ 2,  3]],

                         [[ 4,  5],
                          [ 6,  7]]],


                        [[[ 8,  9],
                          [10, 11]],

                         [[12, 13],
                          [14, 15]]]])
                """),
        PrintCase(
            name: "a long vector wraps at 80 columns", snapshot: float32Range([30]),
            expected: """
                tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,
                        14., 15., 16., 17., 18., 19., 20., 21., 22., 23., 24., 25., 26., 27.,
                        28., 29.])
                """),
        PrintCase(
            name: "1001 zeros are summarised", snapshot: float32Tensor([1001], Array(repeating: 0, count: 1001)),
            expected: "tensor([0., 0., 0.,  ..., 0., 0., 0.])"),
        PrintCase(
            name: "summarised int64 keeps three at each end", snapshot: int64Tensor([2000], Array(0..<2000)),
            expected: "tensor([   0,    1,    2,  ..., 1997, 1998, 1999])"),
        PrintCase(
            name: "summarised 2-D, width from the kept values", snapshot: float32Range([40, 50]),
            expected: """
                tensor([[0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 4.7000e+01, 4.8000e+01,
                         4.9000e+01],
                        [5.0000e+01, 5.1000e+01, 5.2000e+01,  ..., 9.7000e+01, 9.8000e+01,
                         9.9000e+01],
                        [1.0000e+02, 1.0100e+02, 1.0200e+02,  ..., 1.4700e+02, 1.4800e+02,
                         1.4900e+02],
                        ...,
                        [1.8500e+03, 1.8510e+03, 1.8520e+03,  ..., 1.8970e+03, 1.8980e+03,
                         1.8990e+03],
                        [1.9000e+03, 1.9010e+03, 1.9020e+03,  ..., 1.9470e+03, 1.9480e+03,
                         1.9490e+03],
                        [1.9500e+03, 1.9510e+03, 1.9520e+03,  ..., 1.9970e+03, 1.9980e+03,
                         1.9990e+03]])
                """),
        PrintCase(
            name: "edgeitems=0 prints only the ellipsis and the size",
            snapshot: float32Range([4, 5]), options: PrintOptions(threshold: 10, edgeItems: 0),
            expected: "tensor([...], size=(4, 5))"),
        PrintCase(
            name: "sci_mode=False keeps the scientific width", snapshot: float32Tensor([3], [1e-5, 1, 1e5]),
            options: PrintOptions(scientificMode: false),
            expected: "tensor([     0.0000,      1.0000, 100000.0000])"),
        PrintCase(
            name: "sci_mode=True on whole numbers", snapshot: float32Tensor([2], [1, 2]),
            options: PrintOptions(scientificMode: true), expected: "tensor([1.0000e+00, 2.0000e+00])"),
        PrintCase(
            name: "a forced mode does not apply without nonzero finite values", snapshot: float32Tensor([2], [0, .nan]),
            options: PrintOptions(scientificMode: true), expected: "tensor([0., nan])"),
        PrintCase(
            name: "profile short", snapshot: float32Tensor([3], [0.125, 1.5, 2.25]), options: .short,
            expected: "tensor([0.12, 1.50, 2.25])"),
    ]

    @Test("prints as PyTorch printed", arguments: cases)
    func printsLikePyTorch(_ example: PrintCase) {
        #expect(example.printed == example.expected)
    }

    @Test("exactly 1000 elements print in full: 42 lines")
    func thousandInFull() {
        let text = TensorFormatter.repr(
            float32Tensor([1000], Array(repeating: 0, count: 1000)), requiresGrad: false, gradFunction: nil,
            isParameter: false)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!text.contains("..."))
        #expect(lines.count == 42)
        #expect(lines.last == "        0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0.])")
    }

    @Test("summarised 3-D in fixed mode: blocks and rows elided")
    func summarisedThreeD() {
        // (torch.arange(1029.0).reshape(7, 7, 21) + 1000) / 100, in float32.
        let values = (0..<1029).map { Double((Float($0) + 1000) / 100) }
        let text = TensorFormatter.repr(
            TensorSnapshot(shape: [7, 7, 21], dtype: .float32, values: .floating(values)), requiresGrad: false,
            gradFunction: nil, isParameter: false)
        #expect(text == """
                tensor([[[10.0000, 10.0100, 10.0200,  ..., 10.1800, 10.1900, 10.2000],
                         [10.2100, 10.2200, 10.2300,  ..., 10.3900, 10.4000, 10.4100],
                         [10.4200, 10.4300, 10.4400,  ..., 10.6000, 10.6100, 10.6200],
                         ...,
                         [10.8400, 10.8500, 10.8600,  ..., 11.0200, 11.0300, 11.0400],
                         [11.0500, 11.0600, 11.0700,  ..., 11.2300, 11.2400, 11.2500],
                         [11.2600, 11.2700, 11.2800,  ..., 11.4400, 11.4500, 11.4600]],

                        [[11.4700, 11.4800, 11.4900,  ..., 11.6500, 11.6600, 11.6700],
                         [11.6800, 11.6900, 11.7000,  ..., 11.8600, 11.8700, 11.8800],
                         [11.8900, 11.9000, 11.9100,  ..., 12.0700, 12.0800, 12.0900],
                         ...,
                         [12.3100, 12.3200, 12.3300,  ..., 12.4900, 12.5000, 12.5100],
                         [12.5200, 12.5300, 12.5400,  ..., 12.7000, 12.7100, 12.7200],
                         [12.7300, 12.7400, 12.7500,  ..., 12.9100, 12.9200, 12.9300]],

                        [[12.9400, 12.9500, 12.9600,  ..., 13.1200, 13.1300, 13.1400],
                         [13.1500, 13.1600, 13.1700,  ..., 13.3300, 13.3400, 13.3500],
                         [13.3600, 13.3700, 13.3800,  ..., 13.5400, 13.5500, 13.5600],
                         ...,
                         [13.7800, 13.7900, 13.8000,  ..., 13.9600, 13.9700, 13.9800],
                         [13.9900, 14.0000, 14.0100,  ..., 14.1700, 14.1800, 14.1900],
                         [14.2000, 14.2100, 14.2200,  ..., 14.3800, 14.3900, 14.4000]],

                        ...,

                        [[15.8800, 15.8900, 15.9000,  ..., 16.0600, 16.0700, 16.0800],
                         [16.0900, 16.1000, 16.1100,  ..., 16.2700, 16.2800, 16.2900],
                         [16.3000, 16.3100, 16.3200,  ..., 16.4800, 16.4900, 16.5000],
                         ...,
                         [16.7200, 16.7300, 16.7400,  ..., 16.9000, 16.9100, 16.9200],
                         [16.9300, 16.9400, 16.9500,  ..., 17.1100, 17.1200, 17.1300],
                         [17.1400, 17.1500, 17.1600,  ..., 17.3200, 17.3300, 17.3400]],

                        [[17.3500, 17.3600, 17.3700,  ..., 17.5300, 17.5400, 17.5500],
                         [17.5600, 17.5700, 17.5800,  ..., 17.7400, 17.7500, 17.7600],
                         [17.7700, 17.7800, 17.7900,  ..., 17.9500, 17.9600, 17.9700],
                         ...,
                         [18.1900, 18.2000, 18.2100,  ..., 18.3700, 18.3800, 18.3900],
                         [18.4000, 18.4100, 18.4200,  ..., 18.5800, 18.5900, 18.6000],
                         [18.6100, 18.6200, 18.6300,  ..., 18.7900, 18.8000, 18.8100]],

                        [[18.8200, 18.8300, 18.8400,  ..., 19.0000, 19.0100, 19.0200],
                         [19.0300, 19.0400, 19.0500,  ..., 19.2100, 19.2200, 19.2300],
                         [19.2400, 19.2500, 19.2600,  ..., 19.4200, 19.4300, 19.4400],
                         ...,
                         [19.6600, 19.6700, 19.6800,  ..., 19.8400, 19.8500, 19.8600],
                         [19.8700, 19.8800, 19.8900,  ..., 20.0500, 20.0600, 20.0700],
                         [20.0800, 20.0900, 20.1000,  ..., 20.2600, 20.2700, 20.2800]]])
                """)
    }

    @Test("deep nesting past the line width puts one element per line")
    func deepNesting() {
        let shape = Array(repeating: 1, count: 85) + [2]
        let text = TensorFormatter.repr(float32Tensor(shape, [1, 2]), requiresGrad: false, gradFunction: nil, isParameter: false)
        let brackets = String(repeating: "[", count: 86)
        let closing = String(repeating: "]", count: 86)
        #expect(text == "tensor(" + brackets + "1.,\n" + String(repeating: " ", count: 93) + "2." + closing + ")")
    }

    @Test("a 1000-element tensor formats quickly")
    func thousandIsFast() {
        let values = (0..<1000).map { Double(Float(Double($0) * 0.37 - 150)) }
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<10 {
                _ = TensorFormatter.repr(
                    float32Tensor([10, 100], values), requiresGrad: false, gradFunction: nil, isParameter: false)
            }
        }
        // About 1–2 ms each in a release build; the bound only catches a
        // pathological slowdown in a debug build on a busy machine.
        #expect(elapsed < .seconds(5), "10 reprs of 1000 elements took \(elapsed)")
    }
}

/// Options from `set_printoptions` are user input: extreme values must print
/// something sensible and never trap.
@Suite("Printing with extreme options")
struct ExtremeOptionsTests {
    static let options: [PrintOptions] = [
        PrintOptions(lineWidth: .min), PrintOptions(lineWidth: .max), PrintOptions(lineWidth: 0),
        PrintOptions(threshold: 0, edgeItems: .max), PrintOptions(threshold: 0, edgeItems: -4),
        PrintOptions(precision: -5), PrintOptions(precision: 10_000), PrintOptions(threshold: .nan),
        PrintOptions(threshold: -1), PrintOptions(threshold: .infinity),
    ]

    @Test("prints without trapping", arguments: options)
    func extremeOptions(_ options: PrintOptions) {
        let tensors = [
            float32Tensor([2, 3], [0.5, -1e-7, 3e9, .nan, 0, 1]), int64Tensor([4], [1, -2, 3, .min]),
            boolTensor([], [false]), float64Tensor([0, 2], []),
        ]
        for tensor in tensors {
            let text = TensorFormatter.repr(tensor, requiresGrad: true, gradFunction: nil, isParameter: false, options: options)
            #expect(text.hasPrefix("tensor("))
            #expect(text.hasSuffix(")"))
        }
        #expect(TensorFormatter.contents(float32Tensor([3], [1, 2, 3]), indent: .min, options: options).hasPrefix("["))
    }

    @Test("a line width of 0 puts every element and suffix on its own line")
    func zeroWidth() {
        let text = TensorFormatter.repr(
            float32Tensor([3], [1, 2, 3]), requiresGrad: true, gradFunction: nil, isParameter: false,
            options: PrintOptions(lineWidth: 0))
        #expect(text == "tensor([1.,\n        2.,\n        3.],\n       requires_grad=True)")
    }
}
