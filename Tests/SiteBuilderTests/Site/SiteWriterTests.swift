import Foundation
import Testing

@testable import SiteBuilder

@Suite struct SiteWriterTests {
    private func site(_ files: [String: String]) -> RenderedSite {
        RenderedSite(files: files.mapValues { Array($0.utf8) }, diagnostics: [])
    }

    @Test func writesComparesAndRemovesOnlyItsOwnStaleFiles() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let directory = fixture.directory.appendingPathComponent("site")
        let first = site(["index.html": "home", "old/page.html": "old", "style.css": "css"])
        try SiteWriter.write(first, to: directory)
        #expect(SiteWriter.differences(first, from: directory) == [])
        try fixture.write("site/CNAME", Array("course.example".utf8))

        let second = site(["index.html": "home 2", "style.css": "css", "new.html": "new"])
        #expect(
            SiteWriter.differences(second, from: directory) == [
                "CNAME: extra", "index.html: differs", "new.html: missing", "old/page.html: extra",
            ])
        try SiteWriter.write(second, to: directory)
        #expect(
            !FileManager.default.fileExists(atPath: directory.appendingPathComponent("old").path),
            "stale file and its empty directory removed")
        #expect(
            FileManager.default.fileExists(atPath: directory.appendingPathComponent("CNAME").path),
            "a file it did not write stays")
        #expect(SiteWriter.differences(second, from: directory) == ["CNAME: extra"])
        let manifest = try String(
            contentsOf: directory.appendingPathComponent(SiteWriter.manifestName), encoding: .utf8)
        #expect(manifest == "index.html\nnew.html\nstyle.css\n")
    }

    @Test func unchangedFilesAreNotRewritten() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let directory = fixture.directory.appendingPathComponent("site")
        let rendered = site(["a.html": "same"])
        try SiteWriter.write(rendered, to: directory)
        let file = directory.appendingPathComponent("a.html").path
        let past = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: file)
        try SiteWriter.write(rendered, to: directory)
        let date = try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date
        #expect(date == past)
    }

    @Test func pathsOutsideTheSiteAreRefused() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        #expect(throws: SiteWriter.WriteError.self) {
            try SiteWriter.write(site(["../escape.html": "x"]), to: fixture.directory.appendingPathComponent("site"))
        }
    }
}
