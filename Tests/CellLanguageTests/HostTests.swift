import Diagnostics
import Foundation
import Testing

@testable import CellLanguage

/// What the notebook runner relies on: cells sharing globals, display values,
/// located errors, limits, introspection and calls from Swift.
@Suite struct HostTests {
    @Test func cellsShareGlobalsAndReportWhatTheyDefine() {
        let interpreter = Interpreter()
        let first = interpreter.run(cell: "import_me = 1\ndef corr2d(X, K):\n    return X * K\nclass Conv: pass\nfor i in range(2): pass\n", file: "nb.md", firstLine: 5)
        #expect(first.definedNames == ["import_me", "corr2d", "Conv", "i"])
        #expect(first.displayText == nil)
        let second = interpreter.run(cell: "corr2d(3, import_me + i)", file: "nb.md", firstLine: 12)
        #expect(second.displayText == "6")
        if case .int(let v)? = second.displayValue { #expect(v == 6) } else { Issue.record("expected an int display value") }
        #expect(interpreter.globalNames.starts(with: ["import_me", "corr2d", "Conv", "i"]))
        interpreter[global: "injected"] = .str("from swift")
        #expect(interpreter.run(cell: "injected.upper()", file: "nb.md").displayText == "'FROM SWIFT'")
        if case .int(let v)? = interpreter[global: "import_me"] { #expect(v == 1) } else { Issue.record("global not readable") }
    }

    @Test func errorsKeepOutputAndPointIntoTheNotebook() {
        let interpreter = Interpreter()
        let result = interpreter.run(cell: "print('before')\nX = 1\nY = X + K\n", file: "notebooks/conv-layer.md", firstLine: 55)
        #expect(result.output == "before\n")
        #expect(result.error?.summary == "NameError: name 'K' is not defined")
        #expect(result.error?.location == SourceLocation(file: "notebooks/conv-layer.md", line: 57, column: 9))
        #expect(result.shownText == "before\nNameError: name 'K' is not defined\n")
        let rendered = DiagnosticRenderer(sources: ["notebooks/conv-layer.md": String(repeating: "\n", count: 56) + "Y = X + K\n"])
            .render(result.error?.diagnostics ?? [])
        #expect(rendered == "notebooks/conv-layer.md:57:9: error: NameError: name 'K' is not defined\n    Y = X + K\n            ^")
    }

    @Test func syntaxErrorsStopTheCellBeforeItRuns() {
        let interpreter = Interpreter()
        let result = interpreter.run(cell: "print('never')\nx = (1,\n", file: "nb.md", firstLine: 3)
        #expect(result.output.isEmpty)
        guard case .syntax(_, let diagnostics)? = result.error else {
            Issue.record("expected a syntax error")
            return
        }
        #expect(diagnostics.map(\.description) == ["nb.md:4:5: error: SyntaxError: '(' was never closed"])
        #expect(result.error?.typeName == "SyntaxError")
    }

    @Test func deadlineStopsRunawayLoopsWithTheLine() {
        let interpreter = Interpreter()
        interpreter.timeoutSeconds = 30
        interpreter.deadline = Date().addingTimeInterval(0.2)
        let start = Date()
        let result = interpreter.run(cell: "n = 0\nwhile True:\n    n += 1\n", file: "nb.md", firstLine: 40)
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(result.error?.summary == "TimeoutError: cell exceeded its 30 s timeout")
        #expect([41, 42].contains(result.error?.location?.line ?? 0))
        interpreter.deadline = Date().addingTimeInterval(0.2)
        let recursive = interpreter.run(cell: "def spin(k):\n    for i in range(10 ** 9):\n        pass\nspin(1)\n", file: "nb.md", firstLine: 1)
        #expect(recursive.error?.typeName == "TimeoutError")
        interpreter.deadline = Date().addingTimeInterval(0.2)
        let swallowing = interpreter.run(cell: """
            class Quiet:
                def __enter__(self):
                    return self
                def __exit__(self, *exc):
                    return True
            def busy():
                for i in range(10 ** 6):
                    pass
            for attempt in range(10 ** 9):
                try:
                    with Quiet():
                        busy()
                except:
                    pass
                finally:
                    cleaned = True
            """, file: "nb.md")
        #expect(swallowing.error?.typeName == "TimeoutError")
        #expect(interpreter[global: "cleaned"] != nil)
        interpreter.deadline = nil
        #expect(interpreter.run(cell: "n > 0", file: "nb.md").displayText == "True")
    }

    @Test func perCellTimeout() {
        let interpreter = Interpreter()
        let result = interpreter.run(cell: "while True:\n    pass\n", file: "nb.md", timeout: 0.1)
        #expect(result.error?.summary == "TimeoutError: cell exceeded its 0.1 s timeout")
        #expect(interpreter.deadline == nil)
        #expect(interpreter.run(cell: "sum(range(10))", file: "nb.md", timeout: 5).displayText == "45")
    }

    @Test func cancellationRaisesKeyboardInterrupt() {
        let interpreter = Interpreter()
        interpreter.isCancelled = true
        let result = interpreter.run(cell: "while True:\n    pass\n", file: "nb.md")
        #expect(result.error?.summary == "KeyboardInterrupt")
    }

    @Test func preludeDefinitionsKeepTheirOwnFileName() throws {
        let interpreter = Interpreter()
        try interpreter.runPrelude("def check_positive(v):\n    if v < 0:\n        raise ValueError(f'negative: {v}')\n    return v\n", file: "<bindings>")
        let result = interpreter.run(cell: "x = 1\ncheck_positive(-x)\n", file: "nb.md", firstLine: 30)
        guard case .exception(let failure)? = result.error else {
            Issue.record("expected an exception")
            return
        }
        #expect(failure.location == SourceLocation(file: "nb.md", line: 31, column: 1))
        #expect(failure.traceback.map(\.location.file) == ["nb.md", "<bindings>"])
        #expect(throws: CellError.self) { try interpreter.runPrelude("def broken(:\n", file: "<bindings>") }
        let helpers = PyModule(name: "helpers")
        interpreter.register(module: helpers)
        try interpreter.runPrelude("scale = 3\ndef triple(v):\n    return v * scale\n", file: "<helpers>", into: helpers)
        #expect(interpreter[global: "triple"] == nil)
        #expect(interpreter.run(cell: "import helpers\nscale = 100\nhelpers.triple(2)", file: "nb.md").displayText == "6")
    }

    @Test func valuesCanBeUsedFromSwift() throws {
        let interpreter = Interpreter()
        _ = interpreter.run(cell: "class P:\n    def __init__(self, v):\n        self.v = v\n    def __repr__(self):\n        return f'P({self.v})'\n    def __str__(self):\n        return 'p'\n    def __format__(self, spec):\n        return 'fmt:' + spec\ndef add(a, b=10, *, c=0):\n    return a + b + c\n", file: "nb.md")
        guard let cls = interpreter[global: "P"], let add = interpreter[global: "add"] else {
            Issue.record("definitions missing")
            return
        }
        let p = try interpreter.evaluate { try interpreter.call(cls, [.int(4)]) }
        #expect(try interpreter.repr(p) == "P(4)")
        #expect(try interpreter.str(p) == "p")
        #expect(try interpreter.format(p, ">3") == "fmt:>3")
        #expect(try interpreter.isTruthy(p))
        let sum = try interpreter.call(add, Arguments([.int(1)], keywords: [("c", .int(100))]))
        #expect(try interpreter.equals(sum, .int(111)))
        #expect(try interpreter.collect(.str("ab")).count == 2)
        try interpreter.setAttribute(p, "v", .float(2.5))
        #expect(try interpreter.repr(try interpreter.getAttribute(p, "v")) == "2.5")
        #expect(try interpreter.hash(.tuple([.int(1), .str("a")])) == interpreter.hash(.tuple([.int(1), .str("a")])))
    }

    @Test func defaultReprsAndIdsAreDeterministic() {
        func transcript() -> String {
            let interpreter = Interpreter()
            return interpreter.run(cell: "class A: pass\na = A()\nprint(a, id(a) == id(a), hash(a) == id(a))\nprint(A(), {'k': A}, print)\n", file: "nb.md").shownText
        }
        let first = transcript()
        #expect(first == transcript())
        #expect(first.hasPrefix("<__main__.A object at 0x7f"))
        #expect(first.contains("{'k': <class '__main__.A'>} <built-in function print>"))
    }

    /// A recursive call at the bottom of a 990-term chain costs ~1 000 evaluation
    /// frames per Python level; the stack guard must stop it before Swift's stack ends.
    @Test func costlyRecursionLevelsStopBeforeTheStackEnds() {
        let interpreter = Interpreter()
        let chain = Array(repeating: "1", count: 990).joined(separator: " + ")
        let result = interpreter.run(cell: "def f(n):\n    return 0 if n == 0 else f(n - 1) + \(chain)\nf(990)\n", file: "nb.md")
        print("costly recursion:", result.displayText ?? result.error?.summary ?? "")
        #expect(result.displayText == String(990 * 990) || result.error?.typeName == "RecursionError")
        #expect(interpreter.run(cell: "f(3)", file: "nb.md").displayText == String(3 * 990))
    }

    /// Swift stack used per Python call level, measured with a native probe; the
    /// evaluation thread's stack must hold `recursionLimit` levels with room to spare.
    @Test func recursionLimitFitsTheEvaluationStack() throws {
        let interpreter = Interpreter()
        var addresses: [Int: UInt] = [:]
        let probe = PyModule(name: "probe")
        probe.addFunction("here") { _, args in
            var marker = 0
            let address = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
            if case .int(let depth)? = args.positional.first { addresses[depth] = address }
            return .none
        }
        interpreter.register(module: probe)
        let result = interpreter.run(cell: """
            import probe
            def dive(n):
                if n % 100 == 0:
                    probe.here(n)
                return 0 if n == 0 else dive(n - 1) + 0
            dive(900)
            """, file: "nb.md")
        #expect(result.error == nil)
        guard let top = addresses[900], let bottom = addresses[0] else {
            Issue.record("probe not reached")
            return
        }
        let perLevel = Int(top > bottom ? top - bottom : bottom - top) / 900
        print("Swift stack per Python call level: \(perLevel) bytes")
        #expect(perLevel * interpreter.recursionLimit * 4 < Interpreter.evaluationStackSize)
    }
}
