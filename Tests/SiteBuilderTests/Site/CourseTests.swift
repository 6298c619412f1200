import Diagnostics
import NotebookRunner
import Testing

@testable import SiteBuilder

/// Course structure: order, home page, navigation, languages.
@Suite struct CourseTests {
    private func render(_ notebooks: [ExecutedNotebook], title: String? = nil) throws -> RenderedSite {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        return try fixture.render(notebooks, title: title)
    }

    @Test func orderComesFromFrontMatterThenFileName() throws {
        let notebooks = [
            Executed.notebook("# Zeta\n", path: "a-zeta.md"),
            Executed.notebook("---\norder: 2\n---\n# Two\n", path: "z-two.md"),
            Executed.notebook("---\norder: 1.5\n---\n# One\n", path: "y-one.md"),
            Executed.notebook("# Alpha\n", path: "b-alpha.md"),
        ]
        let site = try render(notebooks)
        let home = try #require(site.text("index.html"))
        let titles = ["One", "Two", "Zeta", "Alpha"].map { title in home.range(of: "</span> \(title)</a>")?.lowerBound }
        #expect(titles.allSatisfy { $0 != nil })
        #expect(titles.compactMap { $0 } == titles.compactMap { $0 }.sorted())
        let two = try #require(site.text("z-two.html"))
        #expect(two.contains(#"<a class="pager-previous" href="y-one.html" rel="prev">"#))
        #expect(two.contains(#"<a class="pager-next" href="a-zeta.html" rel="next">"#))
        #expect(
            two.contains(
                #"<a href="z-two.html" class="current" aria-current="page"><span class="lesson-number">2</span> Two</a>"#
            ))
    }

    @Test func indexNotebookOpensTheHomePage() throws {
        let site = try render([
            Executed.notebook("---\ntitle: Deep Learning\n---\n# Welcome\n\nIntro text.\n", path: "index.md"),
            Executed.notebook("# Lesson\n", path: "lesson.md"),
        ])
        #expect(site.paths.filter { $0.hasSuffix(".html") } == ["index.html", "lesson.html"])
        let home = try #require(site.main(of: "index.html"))
        #expect(home.contains("<p>Intro text.</p>"))
        #expect(home.contains(#"<li><a href="lesson.html"><span class="lesson-number">1</span> Lesson</a>"#))
        #expect(
            site.text("lesson.html")?.contains("<a class=\"site-title\" href=\"index.html\">Deep Learning</a>") == true)
    }

    @Test func titlesFallBackToHeadingThenFileName() throws {
        let site = try render([
            Executed.notebook("Text only.\n", path: "no-heading.md"),
            Executed.notebook("# From heading\n", path: "h.md"),
        ])
        #expect(site.text("no-heading.html")?.contains("<h1 id=\"no-heading\">no-heading</h1>") == true)
        #expect(site.text("h.html")?.contains("<title>From heading · Course</title>") == true)
    }

    @Test func languageComesFromFrontMatterWithEnglishByDefault() throws {
        let site = try render([
            Executed.notebook("---\nlang: zh\n---\n# 中文\n", path: "a.md"),
            Executed.notebook("# English\n", path: "b.md"),
            Executed.notebook("---\nlang: \"not a tag!\"\n---\n# Bad\n", path: "c.md"),
        ])
        #expect(site.text("a.html")?.contains("<html lang=\"zh\">") == true)
        #expect(
            site.text("a.html")?.contains("<h2 id=\"outline-title\">本页内容</h2>") == false, "no outline without sections")
        #expect(site.text("b.html")?.contains("<html lang=\"en\">") == true)
        #expect(site.text("c.html")?.contains("<html lang=\"en\">") == true)
        #expect(site.warnings.count == 1)
        #expect(site.warnings.first?.location?.file == "c.md")
    }

    @Test func theSameNotebookTwiceIsAnError() throws {
        let site = try render([Executed.notebook("# A\n", path: "a.md"), Executed.notebook("# A\n", path: "./a.md")])
        #expect(site.errors.count == 1)
    }

    @Test func outlineListsSectionsAndSubsections() throws {
        let site = try render([Executed.notebook("# A\n\n## One $x$\n\n### Sub\n\n#### Deep\n", path: "a.md")])
        let page = try #require(site.text("a.html"))
        #expect(page.contains(##"<li><a href="#one-x">One <math alttext="x"><mi>x</mi></math></a></li>"##))
        #expect(page.contains(##"<li class="sub"><a href="#sub">Sub</a></li>"##))
        #expect(!page.contains(##"<a href="#deep">"##))
    }
}
