import Foundation
import Testing

@testable import SiteBuilder

/// Renders every `$…$` and `$$…$$` of the shared d2l lessons (present on the build
/// machine, absent from a fresh clone): none may warn, except for a macro listed as
/// unsupported in the README.
@Suite(.enabled(if: SharedCorpus.directory != nil))
struct MathCorpusTests {
    static func corpusFiles() throws -> [URL] {
        guard let shared = SharedCorpus.directory else { return [] }
        let manager = FileManager.default
        var files: [URL] = []
        for (folder, suffix) in [("d2l", ".book.md"), ("d2l/raw", ".md"), ("seed", ".txt")] {
            let directory = shared.appendingPathComponent(folder)
            for name in try manager.contentsOfDirectory(atPath: directory.path).sorted() where name.hasSuffix(suffix) {
                files.append(directory.appendingPathComponent(name))
            }
        }
        return files
    }

    @Test func everyFormulaRendersWithoutWarnings() throws {
        var formulas = 0
        for file in try Self.corpusFiles() {
            let text = try String(contentsOf: file, encoding: .utf8)
            for span in MathSpanScanner.spans(in: text) {
                formulas += 1
                let rendering = MathRenderer.render(span.tex, display: span.display)
                for warning in rendering.warnings where !Self.isAllowed(warning) {
                    Issue.record("\(file.lastPathComponent): \(span.tex.debugDescription): \(warning.message)")
                }
                #expect(MarkupBalance.check(rendering.markup) == nil)
            }
        }
        // The lessons hold several hundred formulas; far fewer means the scanner broke.
        #expect(formulas > 300)
    }

    private static func isAllowed(_ warning: MathWarning) -> Bool {
        MathRenderer.unsupportedMacros.contains { warning.message == "Unsupported macro \\\($0) (shown as text)." }
    }
}

/// The reference data in `../shared` next to the repository, when present.
enum SharedCorpus {
    static let directory: URL? = {
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let shared = repository.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: shared.appendingPathComponent("d2l").path) ? shared : nil
    }()
}

/// Finds math spans in Markdown: `$$…$$` first, then `$…$` within a line, skipping
/// fenced code blocks, inline code and `\$`.
enum MathSpanScanner {
    struct Span {
        var tex: String
        var display: Bool
    }

    static func spans(in markdown: String) -> [Span] {
        let prose = blankingCodeFences(markdown)
        var spans: [Span] = []
        let characters = Array(prose)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\\" {
                index += 2
            } else if character == "`" {
                var run = 0
                while index + run < characters.count, characters[index + run] == "`" { run += 1 }
                index = closingBackticks(characters, from: index + run, run: run) ?? index + run
            } else if character == "$", index + 1 < characters.count, characters[index + 1] == "$" {
                guard let end = find("$$", in: characters, from: index + 2) else { break }
                spans.append(Span(tex: String(characters[(index + 2)..<end]), display: true))
                index = end + 2
            } else if character == "$" {
                var end = index + 1
                while end < characters.count, characters[end] != "$", characters[end] != "\n" {
                    end += characters[end] == "\\" ? 2 : 1
                }
                if end < characters.count, characters[end] == "$", end > index + 1 {
                    spans.append(Span(tex: String(characters[(index + 1)..<end]), display: false))
                    index = end + 1
                } else {
                    index += 1
                }
            } else {
                index += 1
            }
        }
        return spans
    }

    /// Replaces the lines of fenced code blocks (``` or ~~~) with empty lines.
    private static func blankingCodeFences(_ markdown: String) -> String {
        var lines: [Substring] = []
        var fence: Substring? = nil
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open), trimmed.allSatisfy({ $0 == open.first || $0 == " " }) { fence = nil }
                lines.append("")
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                let mark = trimmed.first ?? "`"
                fence = trimmed.prefix { $0 == mark }
                lines.append("")
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func closingBackticks(_ characters: [Character], from start: Int, run: Int) -> Int? {
        var index = start
        while index < characters.count {
            if characters[index] == "`" {
                var length = 0
                while index + length < characters.count, characters[index + length] == "`" { length += 1 }
                if length == run { return index + length }
                index += length
            } else {
                index += 1
            }
        }
        return nil
    }

    private static func find(_ needle: String, in characters: [Character], from start: Int) -> Int? {
        let pattern = Array(needle)
        var index = start
        while index + pattern.count <= characters.count {
            if Array(characters[index..<(index + pattern.count)]) == pattern { return index }
            index += 1
        }
        return nil
    }
}
