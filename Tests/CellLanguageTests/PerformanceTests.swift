import Foundation
import Testing

@testable import CellLanguage

/// The one interpreter benchmark: a million iterations of `s += i * 2`.
/// Run it in release mode for the number that matters:
/// `swift test -c release -Xswiftc -enable-testing --filter PerformanceTests`.
@Suite struct PerformanceTests {
    #if DEBUG
    static let iterations = 100_000
    #else
    static let iterations = 1_000_000
    #endif

    func measure(_ source: String) -> (seconds: Double, result: String?) {
        let interpreter = Interpreter()
        let start = Date()
        let result = interpreter.run(cell: source, file: "bench.py")
        return (Date().timeIntervalSince(start), result.displayText ?? result.error?.summary)
    }

    @Test func loopAtModuleLevel() {
        let n = Self.iterations
        let (seconds, result) = measure("s = 0\nfor i in range(\(n)):\n    s += i * 2\ns")
        #expect(result == String(n * (n - 1)))
        print("module-level loop, \(n) iterations of s += i * 2: \(String(format: "%.3f", seconds)) s")
        #expect(seconds < 30)
    }

    @Test func loopInsideAFunction() {
        let n = Self.iterations
        let (seconds, result) = measure("def f(n):\n    s = 0\n    for i in range(n):\n        s += i * 2\n    return s\nf(\(n))")
        #expect(result == String(n * (n - 1)))
        print("function loop, \(n) iterations of s += i * 2: \(String(format: "%.3f", seconds)) s")
        #expect(seconds < 30)
    }

    @Test func callsAndMethodCalls() {
        let n = Self.iterations / 10
        let (seconds, result) = measure("""
            class Acc:
                def __init__(self):
                    self.total = 0
                def add(self, v):
                    self.total += v
            a = Acc()
            for i in range(\(n)):
                a.add(i)
            a.total
            """)
        #expect(result == String(n * (n - 1) / 2))
        print("method calls, \(n) iterations: \(String(format: "%.3f", seconds)) s")
    }
}
