import CellLanguage
import Foundation
import TorchBindings

/// A conformance notebook read just far enough to run it: the front matter's
/// seed, each ```python cell with its `#|` options, and the ```output fence
/// that follows it. (The real parser is NotebookFormat's; these tests only
/// need the cells, and must not depend on the runner.)
struct NotebookFixture {
    struct Cell {
        var source: String
        var line: Int
        var expected: String?
        var options: [String: String]
    }

    var path: String
    var seed: UInt64 = 0
    var cells: [Cell] = []

    init(path: String) throws {
        self.path = path
        let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        var index = 0
        if lines.first == "---" {
            index = 1
            while index < lines.count && lines[index] != "---" {
                if lines[index].hasPrefix("seed:"),
                    let value = UInt64(lines[index].dropFirst(5).trimmingCharacters(in: .whitespaces))
                {
                    seed = value
                }
                index += 1
            }
            index += 1
        }
        while index < lines.count {
            let line = lines[index]
            guard line.hasPrefix("```") else {
                index += 1
                continue
            }
            let fence = String(line.prefix { $0 == "`" })
            let info = line.dropFirst(fence.count).trimmingCharacters(in: .whitespaces)
            let (body, next) = Self.fenceBody(lines, from: index + 1, fence: fence)
            if info == "python" || (info.hasPrefix("{") && info.contains(".python") && info.contains(".input")) {
                var options: [String: String] = [:]
                for sourceLine in body where sourceLine.hasPrefix("#|") {
                    let parts = sourceLine.dropFirst(2).split(separator: ":", maxSplits: 1)
                    if parts.count == 2 {
                        options[parts[0].trimmingCharacters(in: .whitespaces)] = parts[1].trimmingCharacters(
                            in: .whitespaces)
                    }
                }
                cells.append(
                    Cell(source: body.joined(separator: "\n") + "\n", line: index + 1, expected: nil, options: options))
            } else if info == "output", !cells.isEmpty, cells[cells.count - 1].expected == nil {
                cells[cells.count - 1].expected = body.joined(separator: "\n") + "\n"
            }
            index = next
        }
    }

    private static func fenceBody(_ lines: [String], from start: Int, fence: String) -> ([String], Int) {
        var index = start
        while index < lines.count {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(fence) && trimmed.allSatisfy({ $0 == "`" }) {
                return (Array(lines[start..<index]), index + 1)
            }
            index += 1
        }
        return (Array(lines[start...]), lines.count)
    }

    /// One cell whose shown text differs from the recorded output.
    struct Mismatch: CustomStringConvertible {
        var line: Int
        var expected: String
        var actual: String
        var description: String { "line \(line):\n--- expected\n\(expected)--- actual\n\(actual)" }
    }

    /// Runs every cell in a fresh interpreter of `session` and returns the
    /// cells whose output differs (cells marked `check: skip` are not compared).
    func run(in session: TorchSession) throws -> (checked: Int, mismatches: [Mismatch]) {
        let interpreter = Interpreter()
        try session.install(in: interpreter)
        session.beginNotebook(seed: seed)
        var checked = 0
        var mismatches: [Mismatch] = []
        for cell in cells {
            let result = interpreter.run(cell: cell.source, file: path, firstLine: cell.line + 1)
            _ = session.takePlots()
            guard cell.options["check"] != "skip" else { continue }
            checked += 1
            // Without a recorded output (d2l's book files), the cell must only run.
            guard let expected = cell.expected else {
                if let error = result.error {
                    mismatches.append(Mismatch(line: cell.line, expected: "", actual: error.summary + "\n"))
                }
                continue
            }
            if result.shownText != expected {
                mismatches.append(Mismatch(line: cell.line, expected: expected, actual: result.shownText))
            }
        }
        return (checked, mismatches)
    }
}
