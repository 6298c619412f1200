import Diagrams
import Foundation
import NotebookFormat
import NotebookRunner
import Testing

@testable import SiteBuilder

/// Writes a site to the directory named by `LITBOOK_SITE_PREVIEW`: the site
/// `make browser-test` checks while `litbook build` cannot write one. With
/// `LITBOOK_SITE_NOTEBOOKS` (paths, `:`-separated) it runs those notebooks with
/// the NotebookRunner; otherwise it writes the fixture course with real Diagrams
/// figures. Skipped unless `LITBOOK_SITE_PREVIEW` is set.
@Suite(.enabled(if: PreviewTarget.directory != nil, "LITBOOK_SITE_PREVIEW is not set"))
struct SitePreviewWriter {

    @Test func writePreview() throws {
        let target = try #require(PreviewTarget.directory)
        if let paths = PreviewTarget.notebooks {
            let runner = NotebookRunner()
            let executed = try CourseSources.load(paths).map { runner.run($0) }
            let site = try SiteBuilder().render(executed)
            #expect(site.errors == [], "\(site.diagnostics)")
            try SiteWriter.write(site, to: target)
            return
        }
        let (fixture, notebooks) = try CourseFixture.make()
        defer { fixture.remove() }
        // An image as authors draw them: black on a transparent background.
        let image = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60" font-family="sans-serif" font-size="14">
            <rect x="10" y="10" width="40" height="40" fill="#cde" stroke="#000"/><text x="30" y="35" text-anchor="middle">0</text>
            <text x="70" y="35" text-anchor="middle">×</text>
            <rect x="90" y="10" width="40" height="40" fill="#fdc" stroke="#000"/><text x="110" y="35" text-anchor="middle">1</text>
            <text x="150" y="35" text-anchor="middle">=</text><text x="180" y="35" text-anchor="middle">0</text>
            </svg>
            """
        try fixture.write("img/correlation.svg", Array(image.utf8))
        let correlation = try CorrelationDiagram(
            input: [[0, 1, 2], [3, 4, 5], [6, 7, 8]], kernel: [[0, 1], [2, 3]], output: [[19, 25], [37, 43]],
            at: GridPosition(row: 0, column: 0))
        let plot = try LinePlot(
            series: [LinePlot.Series(name: "loss", y: [5.996, 1.383, 0.386, 0.128, 0.047])], xLabel: "epoch",
            yLabel: "loss")
        var course = notebooks
        course[0] = course[0].drawing(
            "main",
            figure: Figure(kind: .correlation, svg: correlation.svg(idPrefix: "fig-corr"), summary: correlation.summary)
        )
        course[1].cells[3].figures = [Figure(kind: .plot, svg: plot.svg(idPrefix: "fig-loss"), summary: plot.summary)]
        let site = try fixture.render(course, title: "卷积神经网络 · Convolutions")
        #expect(site.errors == [])
        try SiteWriter.write(site, to: target)
    }
}

/// Where `LITBOOK_SITE_PREVIEW` asks the preview to go.
enum PreviewTarget {
    static var notebooks: [String]? {
        ProcessInfo.processInfo.environment["LITBOOK_SITE_NOTEBOOKS"].flatMap {
            $0.isEmpty ? nil : $0.split(separator: ":").map(String.init)
        }
    }

    static var directory: URL? {
        ProcessInfo.processInfo.environment["LITBOOK_SITE_PREVIEW"].flatMap {
            $0.isEmpty ? nil : URL(fileURLWithPath: $0)
        }
    }
}
