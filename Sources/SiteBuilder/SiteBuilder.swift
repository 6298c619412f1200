import Diagnostics
import Foundation
import NotebookRunner

/// Renders executed notebooks into a course website: one page per notebook, a
/// home page with the table of contents, a search index, the theme's assets and
/// the images the notebooks show.
///
/// The build is a list of steps, each reading what the previous ones found:
/// order the course, analyse every page (ids, numbers, labels), gather labels
/// and images course-wide, write each page through the theme's templates, build
/// the search index. Problems in the notebooks are diagnostics (the build
/// failed when one is an error); problems with the theme are thrown.
///
///     let site = try SiteBuilder().render(executedNotebooks)
///     if !site.hasErrors { try SiteWriter.write(site, to: URL(fileURLWithPath: "site")) }
public struct SiteBuilder: Sendable {
    public var theme: Theme
    public var options: SiteOptions

    public init(theme: Theme = .default, options: SiteOptions = SiteOptions()) {
        self.theme = theme
        self.options = options
    }

    /// Renders the whole site in memory: site path → bytes, plus diagnostics. Deterministic.
    public func render(_ notebooks: [ExecutedNotebook]) throws -> RenderedSite {
        let compiled = try CompiledTheme(theme)
        let course = Course(notebooks, options: options)
        var diagnostics = course.diagnostics
        var files: [String: [UInt8]] = [:]

        // Step: analyse every page (ids, numbers, labels, images, search text).
        let analyses = course.pages.map { page -> PageAnalysis in
            let prefix = course.numbersCarryLesson ? page.number.map { "\($0)." } ?? "" : ""
            var analyzer = PageAnalyzer(lesson: page, numberPrefix: prefix, reservedIDs: compiled.reservedIDs)
            return analyzer.analyze()
        }
        for analysis in analyses { diagnostics += analysis.diagnostics }

        // Step: course-wide tables.
        let labels = LabelTable(analyses)
        diagnostics += labels.diagnostics
        let images = ImageCatalog(pages: Array(zip(course.pages, analyses.map(\.images))), root: course.root)
        diagnostics += images.diagnostics
        files.merge(images.files) { first, _ in first }
        var anchors: [String: Set<String>] = [:]
        var labelAnchors: [String: [String: String]] = [:]
        for (page, analysis) in zip(course.pages, analyses) {
            anchors[page.sitePath] = analysis.ids
            labelAnchors[page.sitePath] = analysis.labelAnchors
        }
        let links = LinkResolver(course: course, anchors: anchors, labelAnchors: labelAnchors)

        // Step: pages.
        let pages = PageAssembler(course: course, theme: compiled)
        var search = SearchIndexBuilder()
        var homeBody: (html: String, outline: [OutlineEntry])?
        var outlines: [String: [OutlineEntry]] = [:]
        for (page, analysis) in zip(course.pages, analyses) {
            let strings = compiled.strings.strings(for: page.language)
            let context = PageRenderContext(
                lesson: page, course: course, analysis: analysis, labels: labels, links: links, images: images,
                strings: strings)
            var renderer = HTMLRenderer(context: context)
            let body = renderer.renderPage()
            diagnostics += renderer.diagnostics
            outlines[page.sitePath] = renderer.outline
            search.add(page: page.sitePath, title: page.title, sections: analysis.searchSections)
            if page.sitePath == Course.homeSitePath {
                homeBody = (body, renderer.outline)
            } else {
                files[page.sitePath] = Array(pages.lessonPage(page, body: body, outline: renderer.outline).utf8)
            }
        }
        files[Course.homeSitePath] = Array(pages.homePage(body: homeBody, outlines: outlines).utf8)
        files[SearchIndexBuilder.fileName] = Array(search.json().utf8)

        // Step: theme assets; a page or image may not take an asset's path.
        for (path, bytes) in compiled.assets {
            if files[path] != nil {
                diagnostics.append(
                    .error("The site file \(path) is both a theme asset and a page or image of the course."))
                continue
            }
            files[path] = bytes
        }
        return RenderedSite(files: files, diagnostics: Self.sorted(diagnostics))
    }

    /// Diagnostics by location (those without one first), duplicates removed.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        let unique = diagnostics.filter { seen.insert($0).inserted }
        return unique.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return true
            case (_, nil): return false
            case (let x?, let y?): return x != y ? x < y : a.offset < b.offset
            }
        }.map(\.element)
    }
}
