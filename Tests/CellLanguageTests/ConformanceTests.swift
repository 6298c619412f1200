import Foundation
import Testing

@testable import CellLanguage

/// Runs every cell of the shared `python.md` conformance notebook (recorded with
/// real Python) and compares what each cell shows with the recorded output.
@Suite struct ConformanceTests {
    static let notebook = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/conformance/python.md")

    static var available: Bool { FileManager.default.fileExists(atPath: notebook.path) }

    /// A cell of the notebook: its source, first source line, recorded output, expected error.
    struct Cell {
        var source: String
        var firstLine: Int
        var expected: String
        var raises: String?
    }

    /// A tiny fence reader: each ```python fence and the ```output fence right after it.
    static func cells(_ text: String) -> [Cell] {
        let lines = text.components(separatedBy: "\n")
        var cells: [Cell] = []
        var i = 0
        func fence(at start: Int) -> (body: [String], end: Int) {
            var j = start + 1
            var body: [String] = []
            while j < lines.count && lines[j] != "```" {
                body.append(lines[j])
                j += 1
            }
            return (body, j)
        }
        while i < lines.count {
            if lines[i] == "```python" {
                let (body, end) = fence(at: i)
                var cell = Cell(source: body.joined(separator: "\n") + "\n", firstLine: i + 2, expected: "", raises: nil)
                for line in body where line.hasPrefix("#| raises:") {
                    cell.raises = line.dropFirst("#| raises:".count).trimmingCharacters(in: .whitespaces)
                }
                var k = end + 1
                while k < lines.count && lines[k].trimmingCharacters(in: .whitespaces).isEmpty { k += 1 }
                if k < lines.count && lines[k] == "```output" {
                    let (out, outEnd) = fence(at: k)
                    cell.expected = out.map { $0 + "\n" }.joined()
                    i = outEnd
                } else {
                    i = end
                }
                cells.append(cell)
            }
            i += 1
        }
        return cells
    }

    @Test(.enabled(if: available)) func pythonNotebookMatchesRecordedOutputs() throws {
        let text = try String(contentsOf: Self.notebook, encoding: .utf8)
        let cells = Self.cells(text)
        let interpreter = Interpreter()
        var matched = 0
        for cell in cells {
            let result = interpreter.run(cell: cell.source, file: "python.md", firstLine: cell.firstLine)
            #expect(result.shownText == cell.expected, "cell at line \(cell.firstLine)")
            if let raises = cell.raises {
                #expect(result.error?.typeName == raises, "cell at line \(cell.firstLine) should raise \(raises)")
            } else {
                #expect(result.error == nil, "cell at line \(cell.firstLine): \(result.error?.summary ?? "")")
            }
            if result.shownText == cell.expected && (result.error?.typeName == cell.raises) { matched += 1 }
        }
        print("python.md: \(matched)/\(cells.count) cells match")
        #expect(matched == cells.count)
        #expect(cells.count >= 50)
    }
}
