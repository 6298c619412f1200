import Foundation
import Testing

@testable import SiteBuilder

/// Properties of the whole output: well-formed HTML, determinism, nothing of the
/// machine that built it.
@Suite struct SiteOutputTests {
    @Test func everyPageIsWellFormed() throws {
        let (fixture, notebooks) = try CourseFixture.make()
        defer { fixture.remove() }
        let site = try fixture.render(notebooks)
        let pages = site.paths.filter { $0.hasSuffix(".html") }
        #expect(pages == ["conv-layer.html", "index.html", "training.html"])
        for path in pages {
            let html = try #require(site.text(path))
            #expect(HTMLChecker.problems(in: html) == [], "\(path)")
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\""))
            #expect(html.components(separatedBy: "<main").count == 2, "one <main> in \(path)")
        }
        #expect(site.text("conv-layer.html")?.contains(#"<html lang="zh">"#) == true)
        #expect(site.text("training.html")?.contains(#"<html lang="en">"#) == true)
    }

    @Test func renderingTwiceGivesTheSameBytes() throws {
        let (fixture, notebooks) = try CourseFixture.make()
        defer { fixture.remove() }
        let first = try fixture.render(notebooks)
        let second = try fixture.render(notebooks)
        #expect(first.files == second.files)
        // The order notebooks are given in does not matter either.
        let reversed = try fixture.render(notebooks.reversed())
        #expect(reversed.files == first.files)
    }

    @Test func theSameCourseElsewhereGivesTheSameBytes() throws {
        let (one, notebooks) = try CourseFixture.make()
        let (two, _) = try CourseFixture.make()
        defer {
            one.remove()
            two.remove()
        }
        let first = try one.render(notebooks)
        let second = try two.render(notebooks)
        #expect(first.files == second.files)
        for (path, bytes) in first.files {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains(one.directory.path), "\(path) holds an absolute path")
            #expect(
                !text.contains(FileManager.default.currentDirectoryPath + "/"), "\(path) holds the working directory")
        }
    }

    @Test func theCheckerFindsWhatItShould() {
        #expect(HTMLChecker.problems(in: "<p>a</p>") == [])
        #expect(!HTMLChecker.problems(in: "<p>a").isEmpty)
        #expect(!HTMLChecker.problems(in: "<div><p>a</div></p>").isEmpty)
        #expect(!HTMLChecker.problems(in: "<p>a & b</p>").isEmpty)
        #expect(!HTMLChecker.problems(in: "<p>a < b</p>").isEmpty)
        #expect(!HTMLChecker.problems(in: #"<a id="x"></a><b id="x"></b>"#).isEmpty)
        #expect(!HTMLChecker.problems(in: #"<a href="a" href="b"></a>"#).isEmpty)
        #expect(!HTMLChecker.problems(in: "<p><div></div></p>").isEmpty)
        #expect(!HTMLChecker.problems(in: "<br></br>").isEmpty)
        #expect(HTMLChecker.problems(in: "<svg><path d=\"M0 0\"/></svg><style>a > b {}</style>&amp;&#39;") == [])
    }
}

@Suite struct EscapingTests {
    @Test(arguments: [
        ("plain 卷积", "plain 卷积"),
        ("<a href='x'>&amp;</a>", "&lt;a href=&#39;x&#39;&gt;&amp;amp;&lt;/a&gt;"),
        ("\"q\"", "&quot;q&quot;"),
        ("tab\tline\ncr\r", "tab\tline\ncr\r"),
        ("nul\u{0}bell\u{7}del\u{7F}", "nul\u{FFFD}bell\u{FFFD}del\u{FFFD}"),
    ])
    func escape(_ text: String, _ html: String) {
        #expect(HTML.escape(text) == html)
    }

    @Test func attributesKeepTheirOrderAndSkipNil() {
        #expect(HTML.attributes([("id", "a\"b"), ("class", nil), ("alt", "")]) == #" id="a&quot;b" alt="""#)
    }
}
