import Foundation
import Testing

@testable import CellLanguage

/// Every `Programs/*.py` file is a test: it runs (split into cells at `# %%`
/// lines, one interpreter for the whole file) and what the cells show must equal
/// the file's expectations, in order:
///
///     print(1 + 2)        # expect: 3
///     [1, 2].push(3)      # expect-error: AttributeError: 'list' object has no attribute 'push'
///
/// `# expect:` with nothing after it expects an empty line. A cell that raises
/// stops there; the next cell still runs. Add a case by adding a file.
/// (`_check_with_cpython.py` runs the same files under CPython 3.11 to check the
/// expectations; it is a tool, not a case.)
@Suite struct ProgramTests {
    static let directory = Bundle.module.resourceURL!.appendingPathComponent("Programs")

    static var programs: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".py") && !$0.hasPrefix("_") }.sorted()
    }

    /// The expected lines of a program: `# expect: x` and `# expect-error: x` comments in order.
    static func expectations(_ source: String) -> [String] {
        var out: [String] = []
        for line in source.components(separatedBy: "\n") {
            for marker in ["# expect-error: ", "# expect: ", "# expect:"] {
                if let r = line.range(of: marker) {
                    out.append(String(line[r.upperBound...]))
                    break
                }
            }
        }
        return out
    }

    static func cells(_ source: String) -> [(text: String, firstLine: Int)] {
        var cells: [(String, Int)] = []
        var current: [String] = []
        var start = 1
        for (i, line) in source.components(separatedBy: "\n").enumerated() {
            if line.hasPrefix("# %%") {
                cells.append((current.joined(separator: "\n") + "\n", start))
                current = []
                start = i + 2
            } else {
                current.append(line)
            }
        }
        cells.append((current.joined(separator: "\n"), start))
        return cells
    }

    @Test(arguments: programs) func program(_ name: String) throws {
        let source = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
        let interpreter = Interpreter()
        var shown = ""
        for cell in Self.cells(source) {
            shown += interpreter.run(cell: cell.text, file: name, firstLine: cell.firstLine).shownText
        }
        var actual = shown.components(separatedBy: "\n")
        if actual.last == "" { actual.removeLast() }
        let expected = Self.expectations(source)
        #expect(actual == expected, "\(name)")
        if actual != expected {
            for (i, (a, e)) in zip(actual, expected).enumerated().filter({ $0.1.0 != $0.1.1 }).prefix(5) {
                // Long lines (the operator matrices): show where they part.
                let x = Array(a), y = Array(e)
                var k = 0
                while k < min(x.count, y.count) && x[k] == y[k] { k += 1 }
                let from = max(0, k - 60)
                let got = String(x[from..<min(x.count, k + 80)]), want = String(y[from..<min(y.count, k + 80)])
                Issue.record("\(name): output line \(i + 1), column \(k + 1): got …\(got.debugDescription), expected …\(want.debugDescription)")
            }
        }
    }

    @Test func thereArePrograms() {
        #expect(Self.programs.count >= 10)
    }
}
