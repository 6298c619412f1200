import Foundation
import Testing

@testable import NotebookFormat

/// Every real notebook in ../shared parses cleanly and as documented. Runs only
/// where the shared reference data exists (not in a fresh clone).
@Suite(.enabled(if: SharedData.exists, "needs ../shared"))
struct SharedCorpusTests {
    static var files: [URL] {
        let folders = ["seed", "conformance", "d2l", "d2l/raw"]
        return folders.flatMap { folder -> [URL] in
            let directory = SharedData.directory.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.filter { $0.hasSuffix(".md") || $0.hasSuffix(".txt") }.sorted().map { directory.appendingPathComponent($0) }
        }
    }

    private func parse(_ url: URL) throws -> Notebook {
        try NotebookParser().parse(contentsOf: url, path: url.path)
    }

    @Test func everyFileParsesWithoutErrorsOrWarnings() throws {
        #expect(Self.files.count >= 30)
        for url in Self.files {
            let notebook = try parse(url)
            #expect(notebook.diagnostics.isEmpty, "\(url.lastPathComponent): \(notebook.diagnostics)")
            #expect(try OutputRewriter.rewrite(notebook, applying: []) == notebook.source)
            // Rewriting every output with its own text changes nothing either.
            let same = notebook.codeCells.map { OutputEdit(cellIndex: $0.index, output: $0.output?.text) }
            #expect(try OutputRewriter.rewrite(notebook, applying: same) == notebook.source, "\(url.lastPathComponent)")
        }
    }

    /// d2l/README.md's table: code cells, cells with recorded output, `check: skip` cells.
    @Test func countsMatchTheD2LReadme() throws {
        let readme = try String(contentsOf: SharedData.directory.appendingPathComponent("d2l/README.md"), encoding: .utf8)
        var rows = 0
        for line in readme.split(separator: "\n") where line.hasPrefix("| ") && line.contains(".md |") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 4, let total = Int(cells[1]), let withOutput = Int(cells[2]), let skipped = Int(cells[3]) else { continue }
            let notebook = try parse(SharedData.directory.appendingPathComponent("d2l").appendingPathComponent(cells[0]))
            #expect(notebook.codeCells.count == total, "\(cells[0])")
            #expect(notebook.codeCells.filter { $0.output != nil }.count == withOutput, "\(cells[0])")
            #expect(notebook.codeCells.filter { $0.options.check == .skip }.count == skipped, "\(cells[0])")
            rows += 1
        }
        #expect(rows == 11)
    }

    /// The raw d2lbook sources, run under the pytorch tab with their config.ini
    /// (default tab mxnet), have exactly the cells of the converted book files.
    @Test(arguments: ["conv-layer", "padding-and-strides", "channels", "pooling", "lenet", "why-conv"])
    func rawSourcesSelectThePyTorchCellsOfTheBook(_ lesson: String) throws {
        let raw = try parse(SharedData.directory.appendingPathComponent("d2l/raw/\(lesson).md"))
        let book = try parse(SharedData.directory.appendingPathComponent("d2l/\(lesson).book.md"))
        #expect(raw.tabSelection == TabSelection(tab: "pytorch", defaultTab: "mxnet"))
        #expect(raw.cellsInRun.count == book.codeCells.count)
        #expect(raw.cellsInRun.filter(\.saves).count == book.codeCells.filter(\.saves).count)
        // Prose of other tabs (the Discussions links) is out of the run.
        let regions = raw.blocks.filter { $0.tabRegion != nil }
        #expect(regions.filter(raw.belongsToRun).allSatisfy { $0.tabRegion!.contains("pytorch") })
    }

    /// Every dollar of the books' and the seed's prose ends up in a math node:
    /// no `$` is left in text, and the dollars in the prose source are exactly
    /// the delimiters of the math found (2 per inline span, 4 per display span).
    @Test(arguments: ["d2l/why-conv.book.md", "d2l/conv-layer.book.md", "d2l/padding-and-strides.book.md",
                      "d2l/channels.book.md", "d2l/pooling.book.md", "d2l/lenet.book.md", "seed/000_9f5c466f056f741f.txt"])
    func everyMathSpanComesOutRight(_ name: String) throws {
        let notebook = try parse(SharedData.directory.appendingPathComponent(name))
        var dollarsInProse = 0
        var delimiters = 0
        for block in notebook.blocks {
            guard let node = block.prose else { continue }
            if case .codeBlock = node.kind { continue }
            if case .htmlBlock = node.kind { continue }
            dollarsInProse += notebook.text(in: node.range).filter { $0 == "$" }.count
            for child in node.descendantsAndSelf {
                switch child.kind {
                case .text(let text):
                    #expect(!text.contains("$"), "\(name) \(child.range): \(text)")
                case .inlineCode(let code):
                    dollarsInProse -= code.filter { $0 == "$" }.count
                case .inlineMath(let tex):
                    delimiters += 2
                    #expect(notebook.text(in: child.range) == "$" + tex + "$")
                    #expect(!tex.isEmpty && !tex.hasPrefix(" ") && !tex.hasSuffix(" "))
                case .displayMath(let tex):
                    delimiters += 4
                    #expect(notebook.text(in: child.range) == "$$" + tex + "$$")
                default:
                    break
                }
            }
        }
        #expect(delimiters > 0)
        #expect(dollarsInProse == delimiters, "\(name)")
    }

    @Test func conformanceCellsThatRaiseSayWhat() throws {
        for url in Self.files where url.path.contains("/conformance/") {
            let notebook = try parse(url)
            let marked = notebook.source.components(separatedBy: "\n#| raises: ").count - 1
            #expect(notebook.codeCells.filter { $0.options.raises != nil }.count == marked, "\(url.lastPathComponent)")
            for cell in notebook.codeCells where cell.options.raises != nil {
                // The recorded output ends with Python's "ErrorType: message" line
                // (just "ErrorType" when the error has no message).
                let last = cell.output?.text.split(separator: "\n").last.map(String.init) ?? ""
                let name = cell.options.raises ?? ""
                #expect(last == name || last.hasPrefix(name + ":"), "\(url.lastPathComponent) cell \(cell.index)")
            }
        }
    }
}
