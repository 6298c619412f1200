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
}
