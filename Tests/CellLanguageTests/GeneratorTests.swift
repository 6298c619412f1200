import Foundation
import Testing

@testable import CellLanguage

/// Generator functions run on parked threads; these tests hold them to the
/// promise that abandoned or failing generators never hang, crash or leak.
@Suite struct GeneratorTests {
    @Test func abandonedGeneratorsEndTheirThreads() {
        let interpreter = Interpreter()
        let result = interpreter.run(cell: """
            def naturals():
                n = 0
                while True:
                    yield n
                    n += 1
            total = 0
            for _ in range(600):
                g = naturals()
                total += next(g) + next(g)
            total
            """, file: "g.md")
        #expect(result.displayText == "600")
        #expect(interpreter.liveCoroutines <= 1)
        _ = interpreter.run(cell: "del g", file: "g.md")
        #expect(interpreter.liveCoroutines == 0)
    }

    @Test func tooManySuspendedGeneratorsIsAnError() {
        let interpreter = Interpreter()
        let result = interpreter.run(cell: """
            def one():
                yield 1
                yield 2
            kept = []
            for _ in range(300):
                g = one()
                next(g)
                kept.append(g)
            """, file: "g.md")
        #expect(result.error?.summary == "RuntimeError: too many unfinished generators (at most 256 may be suspended at once)")
        _ = interpreter.run(cell: "kept = None", file: "g.md")
        #expect(interpreter.liveCoroutines == 0)
        #expect(interpreter.run(cell: "list(one())", file: "g.md").displayText == "[1, 2]")
    }

    @Test func limitsApplyInsideGenerators() {
        let interpreter = Interpreter()
        let timeout = interpreter.run(cell: "def spin():\n    yield 0\n    while True:\n        pass\nlist(spin())\n", file: "g.md", timeout: 0.2)
        #expect(timeout.error?.typeName == "TimeoutError")
        let recursion = interpreter.run(cell: "def down(n):\n    return down(n + 1)\ndef gen():\n    yield down(0)\nnext(gen())\n", file: "g.md")
        #expect(recursion.error?.summary == "RecursionError: maximum recursion depth exceeded")
        let chain = Array(repeating: "1", count: 990).joined(separator: " + ")
        let heavy = interpreter.run(cell: "def f(n):\n    return 0 if n == 0 else f(n - 1) + \(chain)\ndef g():\n    yield f(990)\nnext(g())\n", file: "g.md")
        #expect(heavy.displayText == String(990 * 990) || heavy.error?.typeName == "RecursionError")
        #expect(interpreter.liveCoroutines == 0)
    }

    @Test func abandoningSkipsCleanupCode() {
        let interpreter = Interpreter()
        let result = interpreter.run(cell: """
            class Guard:
                def __enter__(self):
                    return self
                def __exit__(self, *exc):
                    print("exit ran")
            def guarded():
                with Guard():
                    try:
                        yield 1
                        yield 2
                    finally:
                        print("finally ran")
            g = guarded()
            print(next(g))
            g = None
            print("after")
            """, file: "g.md")
        #expect(result.output == "1\nafter\n")
        #expect(interpreter.liveCoroutines == 0)
    }

    @Test func suspendedGeneratorsDoNotOutliveTheirInterpreter() {
        var kept: Value?
        do {
            let interpreter = Interpreter()
            _ = interpreter.run(cell: "def gen():\n    yield 1\n    yield 2\nkept = gen()\nnext(kept)\n", file: "g.md")
            kept = interpreter[global: "kept"]
        }
        // The interpreter is gone; its generator was abandoned, not left running.
        if case .object(let it as NativeIterator)? = kept {
            #expect(throws: Never.self) { try it.next(Interpreter()) == nil }
        } else {
            Issue.record("expected a generator")
        }
    }
}
