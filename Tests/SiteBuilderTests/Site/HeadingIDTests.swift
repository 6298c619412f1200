import Testing

@testable import SiteBuilder

@Suite struct HeadingIDTests {
    @Test(arguments: [
        ("互相关运算", "互相关运算"),
        ("多输入（通道）与输出", "多输入-通道-与输出"),
        ("2.1 Cross-Correlation!", "2-1-cross-correlation"),
        ("  The   $1\\times 1$ layer ", "the-1-times-1-layer"),
        ("zero_grad()", "zero_grad"),
        ("Ünïcödé Café", "ünïcödé-café"),
        ("!!!", ""),
    ])
    func slug(_ text: String, _ expected: String) {
        #expect(AnchorAllocator.slug(text) == expected)
    }

    @Test func slugsAreNFC() {
        // "é" written as e + combining acute gives the same id as the precomposed letter.
        #expect(AnchorAllocator.slug("Cafe\u{301}") == AnchorAllocator.slug("Caf\u{E9}"))
    }

    @Test func duplicatesGetNumberedSuffixes() {
        var ids = AnchorAllocator()
        #expect(ids.claim(slugOf: "小结") == "小结")
        #expect(ids.claim(slugOf: "小结") == "小结-1")
        #expect(ids.claim(slugOf: "小结") == "小结-2")
        // A heading whose own slug is a generated suffix does not steal it.
        #expect(ids.claim(slugOf: "小结 1") == "小结-1-1")
        #expect(ids.claim(slugOf: "???") == "section")
        #expect(ids.claim(slugOf: "") == "section-1")
    }

    @Test func reservedThemeIDsAreNotTaken() {
        var ids = AnchorAllocator(reserved: ["content", "search-input"])
        #expect(ids.claim(slugOf: "Content") == "content-1")
        #expect(ids.claim(slugOf: "Search input") == "search-input-1")
    }

    @Test func longHeadingsAreCut() {
        let slug = AnchorAllocator.slug(String(repeating: "卷积", count: 100))
        #expect(slug.unicodeScalars.count == AnchorAllocator.maximumSlugLength)
    }

    /// On a page: Chinese headings keep their characters, repeats get suffixes,
    /// and a heading named like a theme element does not take its id.
    @Test func pageHeadingIDs() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let source = """
            # 卷积层

            ## 小结

            ## 小结

            ## Content

            ## 练习
            """
        let site = try fixture.render([Executed.notebook(source, path: "a.md")])
        let page = try #require(site.text("a.html"))
        for id in ["卷积层", "小结", "小结-1", "content-1", "练习"] {
            #expect(page.contains("id=\"\(id)\""), "missing id \(id)")
        }
        #expect(page.contains("<main id=\"content\">"))
        #expect(HTMLChecker.problems(in: page) == [])
        // Deterministic: the same notebook gives the same ids.
        #expect(try fixture.render([Executed.notebook(source, path: "a.md")]).text("a.html") == page)
    }
}
