import Foundation
import Testing

/// Runs the built `litbook` executable (it sits next to the test bundle).
struct Litbook {
    static var executable: URL {
        var directory = Bundle.main.bundleURL
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("litbook")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/litbook")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in directory: URL) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["CI"] = "true"
        environment.removeValue(forKey: "GITHUB_ACTIONS")
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A fresh folder with one notebook in it.
func workspace(_ notebook: String, name: String = "lesson.md") throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("litbook-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try Data(notebook.utf8).write(to: directory.appendingPathComponent(name))
    return directory
}

let lesson = """
    ---
    title: 例子
    ---
    # 互相关

    ```python
    def corr(a, b):
        return sum(x * y for x, y in zip(a, b))
    print(corr([0, 1, 3, 4], [0, 1, 2, 3]))
    ```

    ```output
    19
    ```

    Math $n_h \\times n_w$ stays as written.

    ```python
    [round(v / 3, 4) for v in range(3)]
    ```

    ```output
    [0.0, 0.3333, 0.6667]
    ```

    """

@Suite(.serialized) struct CommandLineTests {
    @Test func checkPassesOnAMatchingNotebook() throws {
        let dir = try workspace(lesson)
        let result = try Litbook.run(["check", "lesson.md"], in: dir)
        #expect(result.status == 0)
        #expect(result.stdout.contains("1 notebook, 2 cells checked, 0 differ"))
    }

    @Test func aChangedDigitFailsWithFileAndLineAndUpdateRestoresOnlyThatByte() throws {
        let changed = lesson.replacingOccurrences(of: "[0.0, 0.3333, 0.6667]", with: "[0.0, 0.3333, 0.6668]")
        let dir = try workspace(changed)
        let failing = try Litbook.run(["check", "lesson.md"], in: dir)
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("lesson.md:22: cell 2: output differs"))
        #expect(failing.stderr.contains("-[0.0, 0.3333, 0.6668]\n+[0.0, 0.3333, 0.6667]"))
        #expect(failing.stdout.contains("2 cells checked, 1 differ"))

        let update = try Litbook.run(["check", "--update", "lesson.md"], in: dir)
        #expect(update.status == 0)
        let restored = try String(contentsOf: dir.appendingPathComponent("lesson.md"), encoding: .utf8)
        #expect(restored == lesson)
        #expect(try Litbook.run(["check", "lesson.md"], in: dir).status == 0)
    }

    @Test func aSyntaxErrorExitsWith65AndNamesItsLine() throws {
        let dir = try workspace("# x\n\n```python\nfor i in range(3)\n    print(i)\n```\n")
        let result = try Litbook.run(["check", "lesson.md"], in: dir)
        #expect(result.status == 65)
        #expect(result.stderr.contains("lesson.md:4:"))
        #expect(result.stderr.contains("error:"))
    }

    @Test func aRuntimeErrorExitsWith70AndShowsThePythonMessage() throws {
        let dir = try workspace("# x\n\n```python\nX = [1, 2]\nY = X + K\n```\n")
        let result = try Litbook.run(["check", "lesson.md"], in: dir)
        #expect(result.status == 70)
        #expect(result.stderr.contains("lesson.md:5:9: error: cell 1 raised NameError: name 'K' is not defined"))
        #expect(result.stderr.contains("    Y = X + K\n            ^"))
    }

    @Test func aMissingNotebookIsAUsageError() throws {
        let dir = try workspace("# x\n")
        let result = try Litbook.run(["check", "nothing-here.md"], in: dir)
        #expect(result.status == 64)
        #expect(result.stderr.contains("nothing-here.md: no such file or directory"))
        #expect(try Litbook.run(["check", "--shard", "3/2"], in: dir).status == 64)
    }

    @Test func junitReportListsEveryCell() throws {
        let dir = try workspace(lesson)
        _ = try Litbook.run(["check", "lesson.md", "--junit", "report.xml"], in: dir)
        let xml = try String(contentsOf: dir.appendingPathComponent("report.xml"), encoding: .utf8)
        #expect(xml.contains("<testsuite name=\"lesson.md\" tests=\"2\" failures=\"0\" errors=\"0\">"))
        #expect(xml.components(separatedBy: "<testcase ").count == 3)
        #expect(xml.contains("<system-out>19</system-out>"))
    }

    @Test func runPrintsEachCellsOutput() throws {
        let dir = try workspace(lesson)
        let result = try Litbook.run(["run", "lesson.md"], in: dir)
        #expect(result.status == 0)
        #expect(result.stdout.contains("── cell 1 (line 7)"))
        #expect(result.stdout.contains("19\n"))
        #expect(result.stdout.contains("[0.0, 0.3333, 0.6667]"))
    }

    @Test func aShapeMismatchExitsWith70AndNamesBothShapes() throws {
        let dir = try workspace("# x\n\n```python\nimport torch\nX = torch.ones(6, 8)\nY = X - torch.ones(6, 7)\n```\n")
        let result = try Litbook.run(["check", "lesson.md"], in: dir)
        #expect(result.status == 70)
        #expect(result.stderr.contains(
            "lesson.md:6:5: error: cell 1 raised RuntimeError: The size of tensor a (8) must match the size of tensor b (7) at non-singleton dimension 1"))
    }

    @Test func aCellPastItsTimeoutStopsOnTheLineItWasRunning() throws {
        let dir = try workspace("# x\n\n```python\n#| timeout: 0.5\nn = 0\nwhile True:\n    n += 1\n```\n")
        let result = try Litbook.run(["check", "lesson.md"], in: dir)
        #expect(result.status == 70)
        #expect(result.stderr.contains("cell 1 raised TimeoutError: cell exceeded its 0.5 s timeout"))
        // The loop's body or its test: either way a line inside the loop, never the cell's start.
        #expect(result.stderr.contains("lesson.md:6:") || result.stderr.contains("lesson.md:7:"))
    }

    @Test func checkWithSiteFailsWhenThePagesAreStaleAndBuildRefreshesThem() throws {
        let dir = try workspace(lesson)
        #expect(try Litbook.run(["build", "lesson.md", "-o", "site"], in: dir).status == 0)
        #expect(try Litbook.run(["check", "lesson.md", "--site", "site"], in: dir).status == 0)
        let page = dir.appendingPathComponent("site/lesson.html")
        try Data((try String(contentsOf: page, encoding: .utf8) + "<!-- edited -->").utf8).write(to: page)
        let stale = try Litbook.run(["check", "lesson.md", "--site", "site"], in: dir)
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("site/lesson.html: differs"))
        #expect(try Litbook.run(["build", "lesson.md", "-o", "site"], in: dir).status == 0)
        #expect(try Litbook.run(["check", "lesson.md", "--site", "site"], in: dir).status == 0)
    }
}
