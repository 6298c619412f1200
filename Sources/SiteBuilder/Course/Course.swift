import Diagnostics
import Foundation
import NotebookFormat
import NotebookRunner

/// The notebooks of a build as a course: their order, titles, languages and the
/// site path of each page.
///
/// The order is the front matter's `order` (lowest first), then the path; a
/// notebook without `order` comes after those that have one. A notebook at the
/// course root named `index.md` is the home page: its content opens `index.html`,
/// above the table of contents.
struct Course {
    /// The lessons in table-of-contents order (the home page excluded).
    var lessons: [Lesson]
    var home: Lesson?
    /// Shown in every page header.
    var title: String
    /// The language of the home page (and of the site's shared strings).
    var language: String
    /// The absolute directory all notebooks lie in: page paths are relative to it.
    var root: String
    /// Problems with the set of notebooks (the same notebook twice, a bad `lang`).
    var diagnostics: [Diagnostic] = []

    /// Every page the course has: the home page (if written as a notebook) first.
    var pages: [Lesson] { (home.map { [$0] } ?? []) + lessons }

    /// Whether figure and equation numbers carry the lesson number (`2.3`): only
    /// when there is more than one lesson, so a one-page course reads `Figure 3`.
    var numbersCarryLesson: Bool { lessons.count > 1 }

    static let homeSourcePath = "index.md"
    static let homeSitePath = "index.html"

    init(_ notebooks: [ExecutedNotebook], options: SiteOptions) {
        let base = SitePath.normalize(options.baseDirectory?.path ?? FileManager.default.currentDirectoryPath)
        var problems: [Diagnostic] = []
        var seen = Set<String>()
        var unique: [(executed: ExecutedNotebook, absolute: String)] = []
        for executed in notebooks {
            let absolute = SitePath.join(base, executed.notebook.path)
            guard seen.insert(absolute).inserted else {
                problems.append(
                    .error(
                        "The notebook \(executed.notebook.path) is given more than once.",
                        at: SourceLocation(file: executed.notebook.path, line: 1)))
                continue
            }
            unique.append((executed, absolute))
        }
        let root = SitePath.commonDirectory(of: unique.map(\.absolute))
        self.root = root
        let defaultLanguage = Course.languageTag(options.language) ?? "en"
        var pages: [Lesson] = []
        for (executed, absolute) in unique {
            let sourcePath = SitePath.relative(absolute, from: root)
            let (language, problem) = Course.language(of: executed.notebook, default: defaultLanguage)
            problems.append(contentsOf: problem.map { [$0] } ?? [])
            pages.append(
                Lesson(
                    executed: executed, absolutePath: absolute, sourcePath: sourcePath,
                    sitePath: Course.sitePath(forSource: sourcePath), title: Course.title(of: executed.notebook),
                    language: language, number: nil))
        }
        home = pages.first { $0.sourcePath == Course.homeSourcePath }
        lessons = pages.filter { $0.sourcePath != Course.homeSourcePath }
            .sorted { a, b in
                let orderA = Course.order(of: a.notebook) ?? .infinity
                let orderB = Course.order(of: b.notebook) ?? .infinity
                return orderA != orderB ? orderA < orderB : a.sourcePath < b.sourcePath
            }
        for index in lessons.indices { lessons[index].number = index + 1 }
        title = options.title ?? home?.title ?? ""
        language = Course.languageTag(options.language) ?? home?.language ?? lessons.first?.language ?? "en"
        diagnostics = problems
    }

    // MARK: - Lookup

    /// The page made from the notebook at this course-relative path.
    func page(forSource sourcePath: String) -> Lesson? {
        pages.first { $0.sourcePath == sourcePath }
    }

    /// The lessons before and after a page in reading order (home first).
    func neighbours(of page: Lesson) -> (previous: Lesson?, next: Lesson?) {
        let all = pages
        guard let index = all.firstIndex(where: { $0.sitePath == page.sitePath }) else { return (nil, nil) }
        return (index > 0 ? all[index - 1] : nil, index + 1 < all.count ? all[index + 1] : nil)
    }

    // MARK: - Per-notebook facts

    /// `a/b.md` → `a/b.html`; any other name gets `.html` added.
    static func sitePath(forSource sourcePath: String) -> String {
        if sourcePath.lowercased().hasSuffix(".md") { return String(sourcePath.dropLast(3)) + ".html" }
        return sourcePath + ".html"
    }

    /// The front matter's `title`, else the first level-1 heading, else the file name.
    static func title(of notebook: Notebook) -> String {
        if let title = notebook.frontMatter.title?.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty {
            return title
        }
        if let heading = notebook.blocksInRun.compactMap(\.prose).first(where: { $0.headingLevel == 1 }) {
            let text = heading.plainText.trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { return text }
        }
        let name = SitePath.fileName(of: notebook.path)
        return name.lowercased().hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    static func order(of notebook: Notebook) -> Double? {
        guard let order = notebook.frontMatter.order, order.isFinite else { return nil }
        return order
    }

    /// The notebook's `lang`, checked (a BCP 47-like tag: letters, digits, `-`).
    private static func language(of notebook: Notebook, default fallback: String) -> (String, Diagnostic?) {
        guard let written = notebook.frontMatter.lang else { return (fallback, nil) }
        if let tag = Course.languageTag(written) { return (tag, nil) }
        let location = notebook.frontMatter.values.first { $0.key == "lang" }?.location
        let warning = Diagnostic.warning(
            "The language '\(written)' is not a language tag such as 'en' or 'zh-CN'; the page uses '\(fallback)'.",
            at: location)
        return (fallback, warning)
    }

    /// A trimmed language tag when it looks like one (`zh`, `zh-Hans`, `en-US`).
    static func languageTag(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty, text.count <= 35 else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let valid = parts.allSatisfy { part in
            !part.isEmpty && part.count <= 8
                && part.unicodeScalars.allSatisfy {
                    $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0)
                }
        }
        guard valid, let first = parts.first, first.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) else {
            return nil
        }
        return text
    }
}
