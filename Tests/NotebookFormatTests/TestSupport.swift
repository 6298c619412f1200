import Diagnostics
import Foundation
import Testing

@testable import NotebookFormat

/// Fixture files, golden dumps and small helpers shared by the suites.
enum Fixtures {
    /// The fixtures as copied into the test bundle.
    static var directory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    }

    /// The fixtures in the source tree, where re-recorded goldens are written.
    static var sourceDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }

    /// Parses a fixture; locations show `name` as the path.
    static func notebook(_ name: String) throws -> Notebook {
        try NotebookParser().parse(contentsOf: url(name), path: name)
    }

    /// Compares `actual` with the golden file `name`; with
    /// `LITBOOK_RECORD_GOLDEN=1` writes it instead and fails, so a re-recording
    /// is never mistaken for a pass.
    static func expectMatchesGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        if ProcessInfo.processInfo.environment["LITBOOK_RECORD_GOLDEN"] == "1" {
            try (actual + "\n").write(to: sourceDirectory.appendingPathComponent(name), atomically: true, encoding: .utf8)
            Issue.record("Re-recorded \(name); run again without LITBOOK_RECORD_GOLDEN.", sourceLocation: sourceLocation)
            return
        }
        let expected = try text(name)
        if expected != actual + "\n" {
            Issue.record("\(name) differs:\n\(lineDiff(expected: expected, actual: actual + "\n"))", sourceLocation: sourceLocation)
        }
    }

    /// The lines that differ, `-` expected and `+` actual, with line numbers.
    static func lineDiff(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for index in 0..<max(old.count, new.count) {
            let a = index < old.count ? String(old[index]) : nil
            let b = index < new.count ? String(new[index]) : nil
            if a != b {
                if let a { lines.append("\(index + 1) - \(a)") }
                if let b { lines.append("\(index + 1) + \(b)") }
            }
        }
        return lines.prefix(40).joined(separator: "\n")
    }
}

// MARK: - Reading positions back

extension Notebook {
    /// The source text between two locations (columns in Unicode scalars),
    /// computed independently of the parser's own line table.
    func text(in range: Diagnostics.SourceRange) -> String {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { line -> [Unicode.Scalar] in
            var scalars = Array(line.unicodeScalars)
            if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
            return scalars
        }
        var result = String.UnicodeScalarView()
        var line = range.start.line
        var column = range.start.column
        while line < range.end.line || (line == range.end.line && column < range.end.column) {
            guard line - 1 < lines.count else { break }
            let scalars = lines[line - 1]
            if column - 1 < scalars.count {
                result.append(scalars[column - 1])
                column += 1
            } else {
                result.append("\n")
                line += 1
                column = 1
            }
        }
        return String(result)
    }

    /// Every prose node of the notebook, in document order.
    var proseNodes: [MarkdownNode] {
        blocks.compactMap(\.prose).flatMap(\.descendantsAndSelf)
    }

    /// (style, TeX) of every math node: `("inline", "a_b")`.
    var math: [String] {
        proseNodes.compactMap { node in
            switch node.kind {
            case .inlineMath(let tex): return "$" + tex + "$"
            case .displayMath(let tex): return "$$" + tex + "$$"
            default: return nil
            }
        }
    }

    /// A dump of the whole notebook: prose trees, cells, outputs, directives.
    func dump() -> String {
        var lines: [String] = []
        if let range = frontMatter.range {
            let fm = frontMatter
            lines.append("frontMatter @\(range.start.line)-\(range.end.line) title: \(fm.title ?? "-") seed: \(fm.seed) order: \(fm.order.map { "\($0)" } ?? "-") lang: \(fm.lang ?? "-") tab: \(fm.tab)")
            for entry in fm.values {
                lines.append("  \(entry.key) @\(entry.location.line):\(entry.location.column) = \(entry.value)")
            }
        }
        for block in blocks {
            let region = block.tabRegion.map { " [tab: \($0.joined(separator: ", "))]" } ?? ""
            switch block.content {
            case .prose(let node):
                lines.append("prose" + region)
                lines.append(node.dump().split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            case .codeCell(let cell):
                var header = "cell \(cell.index) \(cell.kind) @\(cell.range.start.line)-\(cell.range.end.line) first line \(cell.firstSourceLine)"
                if let tabs = cell.tabs { header += " #@tab \(tabs.joined(separator: ","))" }
                if cell.saves { header += " #@save" }
                lines.append(header + region)
                lines.append("  source: \(cell.source.debugDescription)")
                if cell.options != CellOptions() || cell.headerLineCount > 0 {
                    let o = cell.options
                    lines.append("  header lines: \(cell.headerLineCount) echo: \(o.echo) output: \(o.output) eval: \(o.eval) raises: \(o.raises ?? "-") check: \(o.check) tolerance: \(o.tolerance.map { "\($0)" } ?? "-") timeout: \(o.timeout.map { "\($0)" } ?? "-") label: \(o.label ?? "-") caption: \(o.caption ?? "-")")
                }
                if let output = cell.output {
                    lines.append("  output @\(output.line): \(output.text.debugDescription)")
                }
            case .directive(let directive):
                lines.append("directive {\(directive.name)} \(directive.argument ?? "-") @\(directive.range.start.line)-\(directive.range.end.line)" + region)
                for option in directive.options {
                    lines.append("  :\(option.key): \(option.value.debugDescription) @\(option.location.line):\(option.location.column)")
                }
                lines.append("  body: \(directive.body.debugDescription)")
            }
        }
        for diagnostic in diagnostics {
            lines.append("diagnostic: \(diagnostic)")
        }
        return lines.joined(separator: "\n")
    }
}

/// The shared reference data (../shared beside the repository), when present.
enum SharedData {
    static var directory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared")
    }

    static var exists: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("d2l/README.md").path)
    }
}
