import Foundation
import Testing

@testable import SiteBuilder

/// The built-in theme, overrides file by file, and the errors that name the file.
@Suite struct ThemeTests {
    private func themeDirectory(_ files: [String: String]) throws -> (SiteFixture, URL) {
        let fixture = try SiteFixture()
        for (name, text) in files { try fixture.write("theme/\(name)", Array(text.utf8)) }
        return (fixture, fixture.directory.appendingPathComponent("theme"))
    }

    private func render(with theme: Theme) throws -> RenderedSite {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        return try fixture.render([Executed.notebook("# Lesson\n\n## Part\n", path: "a.md")], theme: theme)
    }

    @Test func builtInThemeHasEveryFile() throws {
        let theme = Theme.default
        #expect(theme.loadProblem == nil)
        for name in ["page.mustache", "index.mustache", "style.css", "print.css", "site.js", "strings.json"] {
            #expect(theme.files[name] != nil, "missing \(name)")
        }
        #expect(theme.files["README.md"] == nil, "the theme's README is not part of a site")
        let site = try render(with: theme)
        #expect(site.paths == ["a.html", "index.html", "print.css", "search-index.json", "site.js", "style.css"])
    }

    @Test func theStylesheetHasDarkModePrintAndMathFonts() throws {
        let css = String(decoding: try #require(Theme.default.files["style.css"]), as: UTF8.self)
        #expect(css.contains("@media (prefers-color-scheme: dark)"))
        #expect(css.contains(#"math { font-family: "Latin Modern Math", "STIX Two Math""#))
        #expect(!css.contains("@import") && !css.contains("url("), "no web fonts or remote files")
        let page = try #require(try render(with: .default).text("a.html"))
        #expect(page.contains(#"<link rel="stylesheet" href="print.css" media="print">"#))
    }

    @Test func anOverrideReplacesOneFileAndAddsAssets() throws {
        let (fixture, directory) = try themeDirectory([
            "footer.mustache": "<footer class=\"mine\">{{siteTitle}} · {{strings.made_with}}</footer>\n",
            "strings.json": #"{"en": {"made_with": "Made with care"}, "fr": {"contents": "Sommaire"}}"#,
            "logo.svg": "<svg/>",
        ])
        defer { fixture.remove() }
        let theme = try Theme(overridesAt: directory)
        let site = try render(with: theme)
        let page = try #require(site.text("a.html"))
        #expect(page.contains("<footer class=\"mine\">Course · Made with care</footer>"))
        #expect(page.contains("<nav id=\"sidebar\""), "other templates stay built in")
        #expect(site.text("logo.svg") == "<svg/>")
        #expect(site.files["style.css"] == Theme.default.files["style.css"])
        // strings.json merged: English kept its other strings, French was added.
        let compiled = try CompiledTheme(theme)
        #expect(compiled.strings.strings(for: "en")["search"] == "Search")
        #expect(compiled.strings.strings(for: "fr-CA")["contents"] == "Sommaire")
        #expect(
            compiled.strings.strings(for: "fr")["search"] == "Search", "a missing French string falls back to English")
    }

    @Test func aMalformedTemplateNamesTheFileAndLine() throws {
        let (fixture, directory) = try themeDirectory(["page.mustache": "<html>\n{{#lessons}}\n{{title}\n</html>\n"])
        defer { fixture.remove() }
        let theme = try Theme(overridesAt: directory)
        do {
            _ = try render(with: theme)
            Issue.record("a malformed template must fail the build")
        } catch let error as ThemeError {
            guard case .malformedTemplate(let path, let line, _, _) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(path.hasSuffix("theme/page.mustache"))
            #expect(line == 3)
            #expect(error.description.contains("page.mustache:3:"))
        }
    }

    @Test(arguments: [
        (["pgae.mustache": "x"], "pgae.mustache", "is not a template of the theme"),
        (["page.mustache": "{{> missing}}"], "page.mustache", "includes the partial 'missing'"),
        (["index.mustache": "  \n"], "index.mustache", "is empty"),
        (["strings.json": "{\"en\": [1]}"], "strings.json", "must be an object of strings"),
        (["strings.json": "{not json"], "strings.json", "is not valid JSON"),
    ])
    func badOverridesAreErrorsNamingTheFile(_ files: [String: String], _ file: String, _ message: String) throws {
        let (fixture, directory) = try themeDirectory(files)
        defer { fixture.remove() }
        do {
            let theme = try Theme(overridesAt: directory)
            _ = try render(with: theme)
            Issue.record("expected an error for \(file)")
        } catch let error as ThemeError {
            #expect(error.description.contains(file), "\(error)")
            #expect(error.description.contains(message), "\(error)")
        }
    }

    @Test func aNewPartialIncludedByAnOverrideIsAccepted() throws {
        let (fixture, directory) = try themeDirectory([
            "footer.mustache": "<footer>{{> credits}}</footer>\n", "credits.mustache": "<p>Credits</p>",
        ])
        defer { fixture.remove() }
        let page = try render(with: try Theme(overridesAt: directory)).text("a.html")
        #expect(page?.contains("<footer><p>Credits</p></footer>") == true)
    }

    @Test func aMissingThemeDirectoryIsAnError() {
        let url = URL(fileURLWithPath: "/nonexistent/litbook-theme")
        #expect(throws: ThemeError.missingDirectory(url.path)) { try Theme(overridesAt: url) }
    }

    @Test func templateIDsAreReserved() throws {
        let compiled = try CompiledTheme(.default)
        #expect(
            compiled.reservedIDs.isSuperset(of: [
                "content", "sidebar", "search-input", "search-results", "outline-title",
            ]))
    }

    @Test func everyLanguageHasEveryString() throws {
        let table = try UIStringTable.parse(try #require(Theme.default.files["strings.json"]), path: "strings.json")
        let english = Set(table.languages["en"].map { Array($0.keys) } ?? [])
        #expect(table.languages["zh"].map { Set($0.keys) } == english)
        #expect(table.strings(for: "zh").format("figure", ["number": "3"]) == "图3")
        #expect(table.strings(for: "en").format("figure", ["number": "3"]) == "Figure 3")
        #expect(table.strings(for: "de")["next"] == "Next")
    }
}
