import Foundation
import Mustache

/// A theme checked and ready to render: templates parsed into one Mustache
/// library (so each can include the others as partials), the UI strings table,
/// the assets to copy, and the ids its templates use.
struct CompiledTheme {
    var library: MustacheLibrary
    var strings: UIStringTable
    /// Site path → bytes of every file that is neither a template nor `strings.json`.
    var assets: [String: [UInt8]]
    /// Ids written literally in the templates (`id="search-input"`): no heading may take them.
    var reservedIDs: Set<String>

    /// The templates every theme has: the lesson page and the home page.
    static let pageTemplate = "page"
    static let indexTemplate = "index"
    /// The templates of the built-in theme; an override may replace these.
    static let knownTemplates = ["footer", "head", "header", "index", "page", "pager", "sidebar"]

    init(_ theme: Theme) throws {
        if let problem = theme.loadProblem { throw problem }
        var library = MustacheLibrary()
        var sources: [String: (file: String, text: String)] = [:]
        var assets: [String: [UInt8]] = [:]
        for name in theme.files.keys.sorted() {
            let bytes = theme.files[name] ?? []
            if name.hasSuffix(".mustache") {
                let path = theme.displayPath(of: name)
                guard let text = String(validating: bytes, as: UTF8.self) else { throw ThemeError.notUTF8(path) }
                let templateName = String(name.dropLast(".mustache".count))
                library.register(try Self.parse(text, path: path), named: templateName)
                sources[templateName] = (path, text)
            } else if name != UIStringTable.fileName {
                assets[name] = bytes
            }
        }
        for required in [Self.pageTemplate, Self.indexTemplate] {
            guard let source = sources[required] else { throw ThemeError.missingFile("\(required).mustache") }
            if source.text.allSatisfy(\.isWhitespace) { throw ThemeError.emptyTemplate(source.file) }
        }
        let included = try Self.checkPartials(sources)
        for (name, source) in sources.sorted(by: { $0.key < $1.key })
        where !Self.knownTemplates.contains(name) && !included.contains(name) {
            throw ThemeError.unknownTemplate(source.file, known: Self.knownTemplates.map { "\($0).mustache" })
        }
        guard let stringsFile = theme.files[UIStringTable.fileName] else {
            throw ThemeError.missingFile(UIStringTable.fileName)
        }
        self.library = library
        self.strings = try UIStringTable.parse(stringsFile, path: theme.displayPath(of: UIStringTable.fileName))
        self.assets = assets
        self.reservedIDs = Set(sources.values.flatMap { Self.literalIDs(in: $0.text) })
    }

    /// Renders the named template with a context of dictionaries, arrays and strings.
    func render(_ template: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    // MARK: - Checks

    private static func parse(_ text: String, path: String) throws -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            throw ThemeError.malformedTemplate(
                path, line: error.context.lineNumber, column: error.context.columnNumber, reason: reason(error.error))
        } catch {
            throw ThemeError.malformedTemplate(path, line: 1, column: 1, reason: "\(error)")
        }
    }

    private static func reason(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: return "a transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "an inherit section holds a tag it may not hold"
        case .textInsideInheritSection: return "an inherit section holds text"
        case .invalidConfigVariableSyntax: return "a configuration tag is malformed"
        case .unrecognisedConfigVariable: return "a configuration tag is not recognised"
        }
    }

    /// Checks that every `{{> name}}` names a template of the theme; returns the included names.
    private static func checkPartials(_ sources: [String: (file: String, text: String)]) throws -> Set<String> {
        var included = Set<String>()
        for (_, source) in sources.sorted(by: { $0.key < $1.key }) {
            for partial in partialNames(in: source.text) {
                guard sources[partial] != nil else { throw ThemeError.missingPartial(source.file, partial: partial) }
                included.insert(partial)
            }
        }
        return included
    }

    /// The names in `{{> name}}` tags (default delimiters only).
    static func partialNames(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{>") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            let name = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { names.append(name) }
            rest = rest[close.upperBound...]
        }
        return names
    }

    /// The values of `id="…"` attributes written without Mustache tags.
    static func literalIDs(in text: String) -> [String] {
        var ids: [String] = []
        var rest = text[...]
        while let open = rest.range(of: " id=\"") {
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: "\"") else { break }
            let id = String(rest[..<close])
            if !id.isEmpty, !id.contains("{{") { ids.append(id) }
            rest = rest[close...]
        }
        return ids
    }
}
