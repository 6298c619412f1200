import Diagnostics
import Foundation

/// Reads notebooks: front matter, prose, code cells with their options and
/// recorded outputs, directives.
///
///     let notebook = try NotebookParser().parse(contentsOf: URL(fileURLWithPath: "notebooks/conv.md"))
///     print(DiagnosticRenderer(sources: [notebook.path: notebook.source]).render(notebook.diagnostics))
///
/// Content problems never throw: they are collected on `Notebook.diagnostics`
/// and the notebook holds everything that could be read.
public struct NotebookParser: Sendable {
    /// The tab of d2lbook cells without a `#@tab` line, overriding the
    /// `config.ini` beside the notebook (and, without one, the notebook's tab).
    public var defaultTab: String?

    public init(defaultTab: String? = nil) {
        self.defaultTab = defaultTab
    }

    // MARK: - Entry points

    /// Reads and parses a file. Throws only when the file cannot be read;
    /// `path` (default: the URL's path) is what locations show.
    public func parse(contentsOf url: URL, path: String? = nil) throws -> Notebook {
        let data = try Data(contentsOf: url)
        return parse(bytes: [UInt8](data), path: path ?? url.path, defaultTab: defaultTab ?? TabNames.defaultTab(besideNotebookAt: url))
    }

    /// Parses text held in memory.
    public func parse(source: String, path: String) -> Notebook {
        parse(bytes: Array(source.utf8), path: path, defaultTab: defaultTab)
    }

    /// Parses raw bytes; bytes that are not UTF-8 are an error naming the file.
    public func parse(bytes: [UInt8], path: String) -> Notebook {
        parse(bytes: bytes, path: path, defaultTab: defaultTab)
    }

    // MARK: - The pipeline

    private func parse(bytes: [UInt8], path: String, defaultTab: String?) -> Notebook {
        if let invalid = UTF8Validation.firstInvalidOffset(in: bytes) {
            let source = SourceText(path: path, bytes: bytes)
            var location = source.location(ofOffset: invalid)
            if invalid < 3, bytes.starts(with: [0xEF, 0xBB]) { location.column = 1 }
            let diagnostic = Diagnostic.error(
                "\(path) is not UTF-8 text (byte 0x\(String(bytes[invalid], radix: 16, uppercase: true)) at offset \(invalid)); save it as UTF-8.",
                at: location)
            return Notebook(path: path, source: String(decoding: bytes, as: UTF8.self), diagnostics: [diagnostic], isSourceExact: false)
        }
        let source = SourceText(path: path, bytes: bytes)
        var diagnostics: [Diagnostic] = []

        // Front matter: read with YAML, then blanked for cmark (same line numbers).
        let front = FrontMatterParser(source: source).parse()
        diagnostics += front.diagnostics
        var buffer = Array(bytes[source.bomLength...])
        if let closing = front.closingLine {
            for offset in source.fullRange(ofLine: 1).lowerBound..<source.contentRange(ofLine: closing).upperBound
            where bytes[offset] != .lineFeed && bytes[offset] != .carriageReturn {
                buffer[offset - source.bomLength] = .space
            }
        }

        // Two cmark passes: the first finds the blocks, math is masked within
        // their inline text, the second parses the masked text.
        let firstPass = CmarkParser.parse(buffer)
        var document = firstPass.document
        var restorer = MathRestorer(source: source, spans: [], filler: 0)
        if let masked = MathMasker(source: source).mask(buffer: buffer, firstPass: firstPass.document) {
            document = CmarkParser.parse(masked.buffer).document
            restorer = MathRestorer(source: source, spans: masked.spans, filler: masked.filler)
        }
        if firstPass.truncated {
            diagnostics.append(.warning(
                "Markdown is nested more than \(CmarkParser.maximumDepth) levels deep here; the deeper part is left out.",
                at: source.location(line: 1, byteColumn: 1)))
        }
        var converter = MarkdownConverter(source: source, restorer: restorer)
        let draft = converter.convert(document)
        if !converter.restorer.isComplete {
            diagnostics.append(.warning("Some TeX math could not be told apart from Markdown; check the '$' signs in this file.",
                                        at: source.location(line: 1, byteColumn: 1)))
        }

        var assembler = BlockAssembler(source: source)
        for (raw, block) in zip(document.children, draft.children) {
            assembler.add(raw, block)
        }
        assembler.markTabRegions()
        diagnostics += assembler.diagnostics

        let frontMatter = front.frontMatter
        return Notebook(
            path: path, source: String(decoding: bytes, as: UTF8.self), frontMatter: frontMatter,
            blocks: assembler.blocks, diagnostics: diagnostics.sorted(by: Self.documentOrder),
            tabSelection: TabSelection(tab: frontMatter.tab, defaultTab: defaultTab)
        )
    }

    private static func documentOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        switch (a.location, b.location) {
        case (let x?, let y?): return (x.line, x.column, a.message) < (y.line, y.column, b.message)
        case (nil, .some): return true
        case (nil, nil): return a.message < b.message
        default: return false
        }
    }
}
