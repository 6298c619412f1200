import Diagnostics
import NotebookRunner
import Testing

@testable import SiteBuilder

/// Links between notebooks become links between pages, and are checked.
@Suite struct LinkTests {
    private static let target = """
        # Target
        :label:`sec_target`

        ## Deep section

        ```{plot} p
        :label: fig_p
        ```
        """

    private func render(_ source: String, path: String = "part/a.md") throws -> RenderedSite {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let target = Executed.notebook(Self.target, path: "b.md").drawing("p", figure: Executed.figure(.plot, id: "p"))
        return try fixture.render([Executed.notebook(source, path: path), target])
    }

    @Test(arguments: [
        ("[t](../b.md)", "../b.html"),
        ("[t](../b.md#deep-section)", "../b.html#deep-section"),
        ("[t](../b.md#fig_p)", "../b.html#fig_p"),
        ("[t](../b.html#deep-section)", "../b.html#deep-section"),
        ("[t](#here)", "#here"),
        ("[t](https://d2l.ai/x.md#nothing)", "https://d2l.ai/x.md#nothing"),
        ("[t](mailto:a@b.c)", "mailto:a@b.c"),
        ("[t](data.csv)", "data.csv"),
        ("[t](../b.md?x=1#deep-section)", "../b.html?x=1#deep-section"),
    ])
    func resolvedLinks(_ markdown: String, _ href: String) throws {
        let site = try render("# A\n\n## Here\n\n\(markdown)\n")
        #expect(site.errors == [])
        #expect(site.text("part/a.html")?.contains("<a href=\"\(href)\">t</a>") == true)
    }

    @Test(arguments: [
        ("[t](../missing.md)", "names no notebook of the course"),
        ("[t](../b.md#nowhere)", "has no anchor '#nowhere'"),
        ("[t](#nowhere)", "has no anchor '#nowhere'"),
        ("[t](../b.md#deep-sectio)", "Did you mean '#deep-section'?"),
    ])
    func brokenLinksAreErrorsAtTheLink(_ markdown: String, _ message: String) throws {
        let site = try render("# A\n\nSee \(markdown).\n")
        let error = try #require(site.errors.first)
        #expect(site.errors.count == 1)
        #expect(error.location == SourceLocation(file: "part/a.md", line: 3, column: 5))
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test func pagesInDirectoriesLinkToSharedFilesThroughTheRoot() throws {
        let site = try render("# A\n")
        let page = try #require(site.text("part/a.html"))
        #expect(page.contains(#"<link rel="stylesheet" href="../style.css">"#))
        #expect(page.contains(#"<script src="../site.js" defer></script>"#))
        #expect(page.contains(#"<body data-root="../">"#))
        #expect(page.contains(#"<a href="../b.html"><span class="lesson-number">1</span> Target</a>"#))
    }
}
