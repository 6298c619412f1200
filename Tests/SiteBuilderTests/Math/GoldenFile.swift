import Foundation
import Testing

/// Compares text with a golden file beside the tests, or re-records it.
///
/// Set `LITBOOK_RECORD_GOLDEN=1` to rewrite the files from the current output; the
/// run then fails on purpose, so a re-recording is never mistaken for a pass. A
/// mismatch prints a line diff (expected `-`, actual `+`).
enum GoldenFile {
    static var isRecording: Bool {
        ProcessInfo.processInfo.environment["LITBOOK_RECORD_GOLDEN"] == "1"
    }

    /// `Tests/SiteBuilderTests/Golden/<relativePath>`, found from this source file.
    static func url(_ relativePath: String, testFile: String = #filePath) -> URL {
        URL(fileURLWithPath: testFile)
            .deletingLastPathComponent()  // Math
            .deletingLastPathComponent()  // SiteBuilderTests
            .appendingPathComponent("Golden")
            .appendingPathComponent(relativePath)
    }

    static func check(_ actual: String, against relativePath: String, sourceLocation: SourceLocation = #_sourceLocation)
    {
        let file = url(relativePath)
        if isRecording {
            do {
                try FileManager.default.createDirectory(
                    at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: file, atomically: true, encoding: .utf8)
                Issue.record(
                    "Re-recorded \(relativePath); unset LITBOOK_RECORD_GOLDEN to compare.",
                    sourceLocation: sourceLocation)
            } catch {
                Issue.record("Could not write \(relativePath): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record(
                "Missing golden file \(relativePath); run with LITBOOK_RECORD_GOLDEN=1 to create it.",
                sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let diff = LineDiff.render(expected: expected, actual: actual)
            Issue.record("\(relativePath) differs (- expected, + actual):\n\(diff)", sourceLocation: sourceLocation)
        }
    }
}

/// A minimal line diff (longest common subsequence), enough to read a golden mismatch.
enum LineDiff {
    static func render(expected: String, actual: String, context: Int = 2) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // lengths[i][j]: LCS length of old[i...] and new[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var lines: [(mark: Character, text: String)] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                lines.append((" ", old[i]))
                i += 1
                j += 1
            } else if j < new.count, i == old.count || lengths[i][j + 1] >= lengths[i + 1][j] {
                lines.append(("+", new[j]))
                j += 1
            } else {
                lines.append(("-", old[i]))
                i += 1
            }
        }
        // Keep changed lines and a little context around them.
        let changed = lines.indices.filter { lines[$0].mark != " " }
        var output: [String] = []
        var lastPrinted = -1
        for index in lines.indices {
            let near = changed.contains { abs($0 - index) <= context }
            guard near else { continue }
            if lastPrinted >= 0, index > lastPrinted + 1 { output.append("@@") }
            output.append("\(lines[index].mark) \(lines[index].text)")
            lastPrinted = index
        }
        return output.joined(separator: "\n")
    }
}

/// Indents compact MathML/SVG markup one element per line, so golden files diff well.
///
/// Elements whose only content is text stay on one line (`<mi>x</mi>`). The markup
/// is otherwise unchanged: removing the indentation and line breaks gives it back.
enum MarkupPrettyPrinter {
    static func format(_ markup: String) -> String {
        let tokens = tokenize(markup)
        var lines: [String] = []
        var depth = 0
        var index = 0
        func indent() -> String { String(repeating: "  ", count: max(depth, 0)) }
        while index < tokens.count {
            let token = tokens[index]
            if token.hasPrefix("</") {
                depth -= 1
                lines.append(indent() + token)
                index += 1
            } else if token.hasPrefix("<") && !token.hasSuffix("/>") && !token.hasPrefix("<!") && !token.hasPrefix("<?")
            {
                if index + 1 < tokens.count, tokens[index + 1].hasPrefix("</") {
                    lines.append(indent() + token + tokens[index + 1])
                    index += 2
                } else if index + 2 < tokens.count, !tokens[index + 1].hasPrefix("<"), tokens[index + 2].hasPrefix("</")
                {
                    lines.append(indent() + token + tokens[index + 1] + tokens[index + 2])
                    index += 3
                } else {
                    lines.append(indent() + token)
                    depth += 1
                    index += 1
                }
            } else {
                lines.append(indent() + token)
                index += 1
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Tags and text runs; text between tags that is only a line break is dropped.
    private static func tokenize(_ markup: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var inTag = false
        for character in markup {
            if character == "<", !inTag {
                if !current.isEmpty { tokens.append(current) }
                current = "<"
                inTag = true
            } else if character == ">", inTag {
                current.append(">")
                tokens.append(current)
                current = ""
                inTag = false
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens.filter { !$0.allSatisfy(\.isNewline) }
    }
}
