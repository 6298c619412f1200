import Foundation
import Testing

@testable import CellLanguage

/// No input may crash the host: mangled versions of the test programs and
/// random token soup must end in a result (perhaps an error), never a trap.
@Suite struct RobustnessTests {
    /// A small deterministic generator (xorshift), so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(max(bound, 1)))
        }
    }

    static let fragments = [
        "x", "y", "f", "(", ")", "[", "]", "{", "}", ":", ",", ".", "=", "==", "+", "-", "*", "**", "/", "//", "%",
        "@", "<", ">", "not", "and", "or", "in", "is", "lambda", "if", "else", "for", "while", "def", "class",
        "return", "yield", "try", "except", "finally", "with", "as", "import", "from", "del", "global", "nonlocal",
        "1", "0", "-1", "2.5", "1e308", "9223372036854775807", "'s'", "\"t\"", "f'{x}'", "f'{", "'''", "\\", "#",
        "\n", "\n    ", "\n        ", "\t", " ", "None", "True", "*", "...", ";", "[x for x in y]", "range(3)",
        "print(", "super()", "x[1:2:0]", "{**x}", "*x", "int('9'*30)", "x = [x]", "x += x",
    ]

    func runSafely(_ source: String, _ interpreter: Interpreter) {
        interpreter.deadline = Date().addingTimeInterval(0.05)
        let result = interpreter.run(cell: source, file: "fuzz.py")
        _ = result.shownText
    }

    /// More rounds (and other seeds) on request: `LITBOOK_FUZZ_ROUNDS=20 swift test --filter Robustness`.
    static let rounds = Int(ProcessInfo.processInfo.environment["LITBOOK_FUZZ_ROUNDS"] ?? "") ?? 1

    @Test func randomTokenSoupNeverCrashes() {
        var rng = Generator(state: 0x9E37_79B9_7F4A_7C15 &+ UInt64(Self.rounds))
        let interpreter = Interpreter()
        _ = interpreter.run(cell: "x = [1, 2]\ny = {'a': 1}\ndef f(*a, **k):\n    return a\n", file: "setup")
        for _ in 0..<(1000 * Self.rounds) {
            var source = ""
            for _ in 0..<(1 + rng.next(25)) { source += Self.fragments[rng.next(Self.fragments.count)] + (rng.next(3) == 0 ? "" : " ") }
            runSafely(source, interpreter)
        }
    }

    @Test func mangledProgramsNeverCrash() throws {
        var rng = Generator(state: 42 &+ UInt64(Self.rounds))
        let directory = ProgramTests.directory
        for name in ProgramTests.programs {
            let scalars = Array(try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8).unicodeScalars)
            for _ in 0..<(10 * Self.rounds) {
                var mangled = scalars
                for _ in 0..<(1 + rng.next(4)) where !mangled.isEmpty {
                    let i = rng.next(mangled.count)
                    switch rng.next(3) {
                    case 0: mangled.remove(at: i)
                    case 1: mangled.insert(mangled[rng.next(mangled.count)], at: i)
                    default: mangled[i] = mangled[rng.next(mangled.count)]
                    }
                }
                var text = ""
                text.unicodeScalars.append(contentsOf: mangled)
                let interpreter = Interpreter()
                for cell in ProgramTests.cells(text) { runSafely(cell.text, interpreter) }
            }
        }
    }

    /// Every builtin function and builtin-type method called with awkward arguments.
    @Test func builtinsWithAwkwardArgumentsNeverCrash() {
        var rng = Generator(state: 7 &+ UInt64(Self.rounds))
        let interpreter = Interpreter()
        let setup = interpreter.run(cell: """
            loop = [1]
            loop.append(loop)
            pool = [0, -1, 2, 10 ** 18, -(2 ** 62) * 2, 1.5, -0.0, float('nan'), float('inf'), 'ab', '', 'é中', [], [3, 1, 'a'],
                    {}, {1: 2}, (), (1, (2,)), None, True, range(3), range(-5, 5, -2), loop, lambda *a: 0, int, str, object(),
                    {1, 2}, slice(None, None, -1), iter([1]), ..., NotImplemented, Exception('e'), print]
            targets = [abs, all, any, ascii, bool, callable, chr, dict, divmod, enumerate, filter, float, format, getattr,
                       hasattr, hash, id, int, isinstance, issubclass, iter, len, list, map, max, min, next, ord, pow, range,
                       repr, reversed, round, set, setattr, slice, sorted, str, sum, tuple, type, zip, delattr]
            for value in ['s', [1], {1: 1}, {1}, (1,), 1.5, 3, range(2)]:
                for name in ['upper', 'split', 'join', 'replace', 'find', 'count', 'index', 'format', 'zfill', 'center',
                             'strip', 'startswith', 'partition', 'append', 'extend', 'insert', 'pop', 'remove', 'sort',
                             'get', 'setdefault', 'update', 'items', 'add', 'discard', 'union', 'issubset', 'bit_length',
                             'is_integer', 'indices', 'rsplit', 'ljust', 'splitlines', 'copy', 'popitem', 'fromkeys']:
                    if hasattr(value, name):
                        targets.append(getattr(value, name))
            """, file: "setup")
        #expect(setup.error == nil, "\(setup.error?.summary ?? "")")
        guard case .list(let targets)? = interpreter[global: "targets"], case .list(let pool)? = interpreter[global: "pool"] else {
            Issue.record("setup failed")
            return
        }
        for _ in 0..<(3000 * Self.rounds) {
            let target = targets.items[rng.next(targets.items.count)]
            let args = (0..<rng.next(4)).map { _ in pool.items[rng.next(pool.items.count)] }
            var keywords: [(name: String, value: Value)] = []
            if rng.next(4) == 0 { keywords.append((["key", "reverse", "default", "start", "sep", "base"][rng.next(6)], pool.items[rng.next(pool.items.count)])) }
            interpreter.deadline = Date().addingTimeInterval(0.05)
            _ = try? interpreter.evaluate {
                let result = try interpreter.call(target, Arguments(args, keywords: keywords))
                return try interpreter.repr(result)
            }
        }
    }
}
