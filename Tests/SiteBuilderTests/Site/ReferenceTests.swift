import Diagnostics
import NotebookRunner
import Testing

@testable import SiteBuilder

/// Labels, numbering and cross-references (`:numref:`, `:eqref:`, MyST
/// `{numref}`), within a page and between pages, and their errors.
@Suite struct ReferenceTests {
    private func render(_ notebooks: [ExecutedNotebook]) throws -> RenderedSite {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        return try fixture.render(notebooks)
    }

    @Test func unknownLabelIsAnErrorAtTheReference() throws {
        let source = """
            # A

            ```{plot} p
            :label: fig_loss
            ```

            See :numref:`fig_los` here.
            """
        let notebook = Executed.notebook(source, path: "a.md").drawing("p", figure: Executed.figure(.plot, id: "p"))
        let site = try render([notebook])
        let error = try #require(site.errors.first)
        #expect(site.errors.count == 1)
        #expect(error.location == SourceLocation(file: "a.md", line: 7, column: 5))
        #expect(error.message.contains("'fig_los'"))
        #expect(error.message.contains("Did you mean 'fig_loss'?"))
        #expect(site.text("a.html")?.contains("xref-missing") == true)
    }

    @Test func unknownEquationAndMySTReferencesAreErrors() throws {
        let source = """
            # A

            First :eqref:`eq_none`, then {numref}`fig_none`.
            """
        let site = try render([Executed.notebook(source, path: "a.md")])
        #expect(
            site.errors.map(\.location) == [
                SourceLocation(file: "a.md", line: 3, column: 7), SourceLocation(file: "a.md", line: 3, column: 30),
            ])
    }

    @Test func referencesBetweenPagesCarryLessonNumbers() throws {
        let first = """
            ---
            order: 1
            lang: zh
            ---
            # 一

            ![图一](https://example.com/a.png)
            :label:`fig_first`

            $$x = 1$$
            :eqlabel:`eq_first`
            """
        let second = """
            ---
            order: 2
            lang: zh
            ---
            # 二

            ![Second](https://example.com/b.png)

            Compare :numref:`fig_first`, :eqref:`eq_first` and :numref:`sec_one`.

            ![Third](https://example.com/c.png)
            :label:`fig_third`

            See :numref:`fig_third`.

            ## One
            :label:`sec_one`
            """
        let site = try render([Executed.notebook(second, path: "b.md"), Executed.notebook(first, path: "a.md")])
        #expect(site.errors == [])
        let page = try #require(site.text("b.html"))
        #expect(page.contains(#"<a class="xref xref-figure" href="a.html#fig_first">图1.1</a>"#))
        #expect(page.contains(#"<a class="xref xref-equation" href="a.html#eq_first">(1.1)</a>"#))
        #expect(page.contains(##"<a class="xref xref-section" href="#one">One</a>"##))
        // An unlabelled image with a caption is numbered too, so the labelled one is the second.
        #expect(page.contains(##"<a class="xref xref-figure" href="#fig_third">图2.2</a>"##))
        #expect(page.contains(#"<span class="figure-number">图2.1</span> Second"#))
        let first1 = try #require(site.text("a.html"))
        #expect(first1.contains(#"<span id="eq_first" class="display-math numbered">"#))
        #expect(first1.contains(#"<span class="equation-number">(1.1)</span>"#))
    }

    @Test func aOneLessonCourseNumbersWithoutLesson() throws {
        let source = """
            # A

            ![Cap](https://example.com/a.png)
            :label:`fig_a`

            :numref:`fig_a`
            """
        let site = try render([Executed.notebook(source, path: "a.md")])
        #expect(site.text("a.html")?.contains(">Figure 1</a>") == true)
    }

    @Test func duplicateLabelsAreAnErrorWithANote() throws {
        let a = "# A\n:label:`sec_x`\n"
        let b = "# B\n:label:`sec_x`\n"
        let site = try render([Executed.notebook(a, path: "a.md"), Executed.notebook(b, path: "b.md")])
        let error = try #require(site.errors.first)
        #expect(site.errors.count == 1)
        #expect(error.location == SourceLocation(file: "b.md", line: 2, column: 1))
        #expect(error.notes.first?.location == SourceLocation(file: "a.md", line: 2, column: 1))
    }

    @Test func equationLabelWithoutEquationIsAWarning() throws {
        let site = try render([Executed.notebook("# A\n\nText.\n:eqlabel:`eq_x`\n", path: "a.md")])
        #expect(site.warnings.map(\.location) == [SourceLocation(file: "a.md", line: 4, column: 1)])
    }

    @Test func labelledCellWithoutFiguresIsAListing() throws {
        let source = """
            # A

            ```python
            #| label: lst_train
            #| caption: The training loop.
            x = 1
            ```

            As in :numref:`lst_train`.
            """
        let site = try render([Executed.notebook(source, path: "a.md")])
        let page = try #require(site.text("a.html"))
        #expect(page.contains(#"<div id="lst_train" class="cell">"#))
        #expect(page.contains(#"<span class="figure-number">Listing 1</span> The training loop."#))
        #expect(page.contains(##"href="#lst_train">Listing 1</a>"##))
    }

    @Test func citationsShowTheirKeys() throws {
        let site = try render([Executed.notebook("# A\n\nAs in :cite:`LeCun.1998,Bengio.2003`.\n", path: "a.md")])
        #expect(site.text("a.html")?.contains(#"<cite class="citation">[LeCun.1998, Bengio.2003]</cite>"#) == true)
    }

    @Test func unknownRolesAreShownAndWarned() throws {
        let site = try render([Executed.notebook("# A\n\nA :kbd:`Ctrl` key.\n", path: "a.md")])
        #expect(site.warnings.count == 1)
        #expect(site.text("a.html")?.contains(":kbd:<code>Ctrl</code>") == true)
    }
}
