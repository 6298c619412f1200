import Diagnostics
import NotebookRunner
import Testing

@testable import SiteBuilder

/// The `<main>` of whole pages against recorded HTML (`Golden/Site/*.html`,
/// re-recorded with `LITBOOK_RECORD_GOLDEN=1`), as mdBook's tests do: the
/// content a reader sees, not the theme around it.
@Suite struct PageGoldenTests {
    @Test func chineseLessonPage() throws {
        let (fixture, notebooks) = try CourseFixture.make()
        defer { fixture.remove() }
        let site = try fixture.render(notebooks, title: "卷积神经网络")
        #expect(site.diagnostics == [])
        Golden.check(try #require(site.main(of: "conv-layer.html")) + "\n", against: "Site/conv-layer.main.html")
    }

    @Test func englishLessonPage() throws {
        let (fixture, notebooks) = try CourseFixture.make()
        defer { fixture.remove() }
        let site = try fixture.render(notebooks, title: "卷积神经网络")
        Golden.check(try #require(site.main(of: "training.html")) + "\n", against: "Site/training.main.html")
    }

    @Test func homePage() throws {
        let (fixture, notebooks) = try CourseFixture.make()
        defer { fixture.remove() }
        let site = try fixture.render(notebooks, title: "卷积神经网络")
        Golden.check(try #require(site.main(of: "index.html")) + "\n", against: "Site/index.main.html")
    }

    /// Each directive kind's `<figure>`, unlabelled and captioned, and a directive error.
    @Test func directiveFigures() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let source = """
            # Figures

            ```{correlation} a
            :label: fig_a
            :caption: Cross-correlation.
            ```

            ```{receptive-field} b
            :caption: The receptive field of one output.
            ```

            ```{plot} c
            :label: fig_c
            :width: 300px
            :alt: The loss per epoch.
            ```

            ```{heatmap} d
            ```

            ```{heatmap} e
            :tensor: Missing
            :label: fig_e
            ```

            See :numref:`fig_a`, :numref:`fig_c` and :numref:`fig_e`.
            """
        let notebook = Executed.notebook(source, path: "figures.md")
            .drawing("a", figure: Executed.figure(.correlation, id: "fig-1"))
            .drawing("b", figure: Executed.figure(.receptiveField, id: "fig-2"))
            .drawing("c", figure: Executed.figure(.plot, id: "fig-3"))
            .drawing("d", figure: Executed.figure(.heatmap, id: "fig-4"))
            .drawing(
                "e", figure: nil,
                error: .error(
                    "name 'Missing' is not defined", at: SourceLocation(file: "figures.md", line: 22, column: 10)))
        let site = try fixture.render([notebook])
        #expect(site.diagnostics == [])
        Golden.check(
            try #require(site.main(of: "figures.html")) + "\n", against: "Site/directive-figures.main.html")
    }
}
