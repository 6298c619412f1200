import Foundation
import Testing

@testable import TensorEngine

/// Element texts against C's `printf`, which rounds the exact binary value
/// half to even just as Python's `format()` does.
@Suite("Python number formatting")
struct PythonNumberTextTests {
    static let specialValues: [Double] = [
        0, -0.0, 1, -1, 0.5, 1.5, 2.5, 0.125, 0.375, 0.1235, 0.00625, Double(Float(0.00625)), 1e-5, 9.99995,
        0.99995, 99999.5, 1e16, 1e22, 1e23, 123_456_789_012, 1.7976931348623157e308, .leastNonzeroMagnitude, 2.2250738585072014e-308,
        Double(Float.greatestFiniteMagnitude), Double(Float.leastNonzeroMagnitude), 0.1, 1.0 / 3, 2.0 / 3,
    ]

    @Test("fixed and scientific match printf on special values", arguments: specialValues)
    func specialValue(_ value: Double) {
        for digits in [0, 1, 2, 4, 8, 17] {
            #expect(PythonNumberText.fixed(value, digits: digits) == String(format: "%.\(digits)f", value))
            #expect(PythonNumberText.scientific(value, digits: digits) == String(format: "%.\(digits)e", value))
        }
    }

    @Test("fixed and scientific match printf on 3000 random values")
    func randomValues() {
        var engine = MersenneTwister(seed: 77)
        for _ in 0..<3000 {
            let bits = UInt64(engine.next()) << 32 | UInt64(engine.next())
            let value = Double(bitPattern: bits)
            guard value.isFinite else { continue }
            // Also float32 values of ordinary size, as tensors mostly hold.
            let ordinary = Double(Float(bitPattern: engine.next() & 0x3FFF_FFFF | 0x3000_0000))
            for sample in [value, ordinary] {
                let digits = Int(engine.next() % 9)
                #expect(PythonNumberText.fixed(sample, digits: digits) == String(format: "%.\(digits)f", sample))
                #expect(PythonNumberText.scientific(sample, digits: digits) == String(format: "%.\(digits)e", sample))
            }
        }
    }

    @Test("non-finite values are Python's words")
    func nonFinite() {
        #expect(PythonNumberText.fixed(.nan, digits: 4) == "nan")
        #expect(PythonNumberText.fixed(-Double.nan, digits: 4) == "nan")
        #expect(PythonNumberText.scientific(-.infinity, digits: 4) == "-inf")
        #expect(PythonNumberText.fixed(.infinity, digits: 0) == "inf")
    }

    @Test("exact expansion of a few values")
    func exactDigits() {
        #expect(ExactDecimal(0.375).digits == [3, 7, 5])
        #expect(ExactDecimal(0.375).pointPosition == 0)
        #expect(ExactDecimal(1024).digits == [1, 0, 2, 4])
        #expect(ExactDecimal(1024).pointPosition == 4)
        #expect(ExactDecimal(0.001953125).pointPosition == -2)
    }
}
