import Diagnostics
import Testing

@testable import NotebookFormat

/// Golden dumps of whole notebooks: every node kind with its `@line:col` range,
/// cells, outputs, directives and diagnostics (STYLE.md: tree-dump tests).
@Suite struct TreeDumpTests {
    static let fixtures = ["prose", "math", "d2l-roles", "cells", "positions"]

    @Test(arguments: fixtures)
    func notebookMatchesItsGoldenDump(_ name: String) throws {
        let notebook = try Fixtures.notebook("trees/\(name).md")
        try Fixtures.expectMatchesGolden(notebook.dump(), "trees/\(name).tree")
    }

    /// Ranges are checked against the source independently of the golden
    /// files: a text node's range holds exactly its text when the source has
    /// no escapes there, and a math node's range holds its delimiters and TeX.
    @Test(arguments: fixtures)
    func rangesPointAtTheirSourceText(_ name: String) throws {
        let notebook = try Fixtures.notebook("trees/\(name).md")
        for node in notebook.proseNodes {
            let slice = notebook.text(in: node.range)
            switch node.kind {
            case .text(let text) where !slice.contains("\\") && !slice.contains("&"):
                #expect(slice == text, "text node at \(node.range)")
            case .inlineCode(let code):
                #expect(slice.hasPrefix("`") && slice.hasSuffix("`") && slice.contains(code.prefix(1)), "code span at \(node.range)")
            case .inlineHTML(let html):
                #expect(slice == html, "inline HTML at \(node.range)")
            case .inlineMath(let tex):
                #expect(slice == "$" + tex + "$", "inline math at \(node.range)")
            case .displayMath(let tex) where !tex.contains("\n"):
                #expect(slice == "$$" + tex + "$$", "display math at \(node.range)")
            case .role(let name, let argument):
                #expect(slice == ":\(name):" + (argument.map { "`\($0)`" } ?? ""), "role at \(node.range)")
            case .emphasis:
                #expect(slice.hasPrefix("*") || slice.hasPrefix("_"), "emphasis at \(node.range)")
            case .strong:
                #expect(slice.hasPrefix("**") || slice.hasPrefix("__"), "strong at \(node.range)")
            case .link:
                #expect(slice.hasPrefix("[") && slice.hasSuffix(")"), "link at \(node.range)")
            case .image:
                #expect(slice.hasPrefix("![") && slice.hasSuffix(")"), "image at \(node.range)")
            default:
                break
            }
        }
    }
}
