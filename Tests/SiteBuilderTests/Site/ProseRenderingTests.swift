import Diagnostics
import Testing

@testable import SiteBuilder

/// Markdown prose on the page.
@Suite struct ProseRenderingTests {
    private func main(_ source: String) throws -> (html: String, site: RenderedSite) {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let site = try fixture.render([Executed.notebook("# P\n\n" + source, path: "p.md")])
        return (try #require(site.main(of: "p.html")), site)
    }

    @Test(arguments: [
        ("卷积窗口从左上角开始，\n从左到右滑动。\n", "<p>卷积窗口从左上角开始，从左到右滑动。</p>"),
        ("English words\nwrap with a space.\n", "<p>English words\nwrap with a space.</p>"),
        ("中文\nEnglish\n", "<p>中文\nEnglish</p>"),
        ("Hard  \nbreak\n", "<p>Hard<br>\nbreak</p>"),
        (
            "*em* and **strong** and `a < b`\n",
            "<p><em>em</em> and <strong>strong</strong> and <code>a &lt; b</code></p>"
        ),
        ("[t](https://x.org \"T & t\")\n", "<p><a href=\"https://x.org\" title=\"T &amp; t\">t</a></p>"),
        ("- a\n- b\n", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"),
        ("3. a\n\n4. b\n", "<ol start=\"3\">\n<li><p>a</p>\n</li>\n<li><p>b</p>\n</li>\n</ol>"),
        (
            "```text\n<raw> & shown\n```\n",
            "<pre class=\"code-block\"><code class=\"language-text\">&lt;raw&gt; &amp; shown</code></pre>"
        ),
        ("<div class=\"note\">Raw HTML</div>\n", "<div class=\"note\">Raw HTML</div>"),
        ("***\n", "<hr>"),
    ])
    func renders(_ markdown: String, _ expected: String) throws {
        let (html, _) = try main(markdown)
        #expect(html.contains(expected), "\(html)")
    }

    @Test func imageAloneIsAFigureNumberedWhenCaptioned() throws {
        let (html, _) = try main(
            "![A cat](https://x.org/cat.png)\n\nText ![inline](https://x.org/i.png) here.\n\n![](https://x.org/bare.png)\n"
        )
        #expect(
            html.contains(
                "<figure class=\"figure image-figure\">\n<img src=\"https://x.org/cat.png\" alt=\"A cat\" loading=\"lazy\">\n<figcaption><span class=\"figure-number\">Figure 1</span> A cat</figcaption>"
            ))
        #expect(html.contains("<p>Text <img src=\"https://x.org/i.png\" alt=\"inline\" loading=\"lazy\"> here.</p>"))
        #expect(
            html.contains("<img src=\"https://x.org/bare.png\" alt=\"\" loading=\"lazy\">\n</figure>"),
            "no caption, no number")
    }

    @Test(arguments: [
        ("400px", "width:400px"), ("50%", "width:50%"), ("300", "width:300px"), ("12.5em", "width:12.5em"),
    ])
    func widths(_ width: String, _ style: String) throws {
        let (html, site) = try main("![c](https://x.org/a.png)\n:width:`\(width)`\n")
        #expect(html.contains("style=\"\(style)\""))
        #expect(site.warnings == [])
    }

    @Test func aBadWidthIsIgnoredWithAWarning() throws {
        let (html, site) = try main("![c](https://x.org/a.png)\n:width:`1px;color:red`\n")
        #expect(!html.contains("style="))
        #expect(site.warnings.map(\.location) == [SourceLocation(file: "p.md", line: 4, column: 1)])
    }

    @Test func tabRegionsShowOnlyThePyTorchText() throws {
        let (html, _) = try main(
            ":begin_tab:`mxnet`\nMXNet text.\n:end_tab:\n\n:begin_tab:`pytorch`\nPyTorch text.\n:end_tab:\n")
        #expect(!html.contains("MXNet"))
        #expect(html.contains("<p>PyTorch text.</p>"))
        #expect(!html.contains("begin_tab") && !html.contains("end_tab"))
    }

    @Test func aBadDirectiveWidthIsIgnoredWithAWarning() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let notebook = Executed.notebook("# P\n\n```{plot} p\n:width: wide\n```\n", path: "p.md")
            .drawing("p", figure: Executed.figure(.plot, id: "p"))
        let site = try fixture.render([notebook])
        #expect(site.warnings.map(\.location) == [SourceLocation(file: "p.md", line: 4, column: 9)])
        #expect(site.text("p.html")?.contains("--figure-width") == false)
    }
}
