import Diagnostics
import Foundation
import Testing

@testable import SiteBuilder

/// Images are copied into the site from beside their notebook; missing ones are errors.
@Suite struct ImageTests {
    private static let svg: [UInt8] = Array(#"<svg xmlns="http://www.w3.org/2000/svg"/>"#.utf8)

    @Test func localImagesAreCopiedAndLinked() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        try fixture.write("course/img/a.svg", Self.svg)
        try fixture.write("course/chapter/figs/my image.png", [1, 2, 3])
        try fixture.write("img/outside.svg", Self.svg)
        let source = """
            # A

            ![A](../img/a.svg) and ![B](figs/my%20image.png) and ![C](../../img/outside.svg).

            ![Remote](https://example.com/x.png)
            """
        let other = Executed.notebook("# Other\n", path: "course/intro.md")
        let site = try fixture.render([Executed.notebook(source, path: "course/chapter/a.md"), other])
        #expect(site.errors == [])
        #expect(site.files["images/img/a.svg"] == Self.svg)
        #expect(site.files["images/chapter/figs/my image.png"] == [1, 2, 3])
        #expect(site.files["images/img/outside.svg"] == Self.svg)
        let page = try #require(site.text("chapter/a.html"))
        #expect(page.contains(#"src="../images/img/a.svg""#))
        #expect(page.contains(#"src="../images/chapter/figs/my%20image.png""#))
        #expect(page.contains(#"src="https://example.com/x.png""#))
    }

    @Test func aMissingImageIsAnErrorAtTheImage() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let source = "# A\n\nText ![gone](img/gone.svg)\n"
        let site = try fixture.render([Executed.notebook(source, path: "a.md")])
        let error = try #require(site.errors.first)
        #expect(site.errors.count == 1)
        #expect(error.location == SourceLocation(file: "a.md", line: 3, column: 6))
        #expect(error.message.contains("img/gone.svg"))
        #expect(!error.message.contains(fixture.directory.path), "messages name course paths, not machine paths")
    }

    @Test func twoImagesOnOneSitePathAreAnError() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        try fixture.write("course/img/a.svg", Self.svg)
        try fixture.write("img/a.svg", [9])
        let source = "# A\n\n![x](img/a.svg) ![y](../img/a.svg)\n"
        let site = try fixture.render([Executed.notebook(source, path: "course/a.md")])
        #expect(site.errors.count == 1)
        #expect(site.errors.first?.message.contains("images/img/a.svg") == true)
    }

    @Test func aDirectoryIsNotAnImage() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        try fixture.write("img/inner/x.svg", Self.svg)
        let site = try fixture.render([Executed.notebook("# A\n\n![x](img/inner)\n", path: "a.md")])
        #expect(site.errors.count == 1)
    }
}
