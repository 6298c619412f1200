import Diagnostics
import NotebookFormat
import Testing

@testable import NotebookRunner

@Suite struct DirectiveTests {
    private func figure(_ directive: String, after code: String = "X = [[0, 1, 2], [3, 4, 5], [6, 7, 8]]\nK = [[0, 1], [2, 3]]") -> FigureResult? {
        run(notebook(code) + "\n" + directive).figures.first
    }

    @Test func correlationDrawsTheLiveValuesAndTheSumAtThePosition() throws {
        let result = try #require(figure("```{correlation}\n:input: X\n:kernel: K\n:at: 0, 0\n```\n"))
        #expect(result.error == nil)
        let svg = try #require(result.figure?.svg)
        #expect(svg.contains("19"))
        #expect(result.figure?.summary.contains("19") == true)
        let other = try #require(figure("```{correlation}\n:input: X\n:kernel: K\n:at: 1, 1\n```\n")?.figure)
        #expect(other.summary.contains("43"))
    }

    @Test func receptiveFieldFromALayerList() throws {
        let result = try #require(figure("```{receptive-field}\n:input: 3x3\n:layers: conv 2x2, conv 2x2\n```\n"))
        #expect(result.error == nil)
        #expect(result.figure?.kind == .receptiveField)
    }

    @Test func plotAndHeatmapFromLists() throws {
        let plot = try #require(figure("```{plot}\n:y: losses\n:xlabel: epoch\n:ylabel: loss\n```\n", after: "losses = [5.9, 1.4, 0.4, 0.13, 0.05]"))
        #expect(plot.error == nil && plot.figure?.kind == .plot)
        let heat = try #require(figure("```{heatmap}\n:tensor: X\n```\n"))
        #expect(heat.error == nil && heat.figure?.kind == .heatmap)
    }

    @Test func anUndefinedNameIsAnErrorAtTheOption() throws {
        let result = try #require(figure("```{correlation}\n:input: Z\n:kernel: K\n```\n"))
        let error = try #require(result.error)
        #expect(error.message.contains("NameError: name 'Z' is not defined"))
        #expect(error.location?.line == 7)
        #expect(error.location?.column == 9)
    }

    @Test func anUnknownOptionOrAMissingOneIsAnErrorAtItsLine() throws {
        let unknown = try #require(figure("```{heatmap}\n:tensor: X\n:colour: red\n```\n")?.error)
        #expect(unknown.message.hasPrefix("the {heatmap} directive has no option :colour:"))
        #expect(unknown.location?.line == 8)
        let missing = try #require(figure("```{correlation}\n:input: X\n```\n")?.error)
        #expect(missing.message == "the {correlation} directive needs the option :kernel:")
        #expect(missing.location?.line == 6)
    }

    @Test func aValueOfTheWrongKindIsAnError() throws {
        let error = try #require(figure("```{heatmap}\n:tensor: name\n```\n", after: "name = 'abc'")?.error)
        #expect(error.location?.line == 6)
        let badSize = try #require(figure("```{receptive-field}\n:input: three\n:layers: conv 2x2\n```\n")?.error)
        #expect(badSize.message.contains("is not a size"))
    }

    @Test func anUnknownDirectiveIsAnError() throws {
        let error = try #require(figure("```{histogram}\n:x: X\n```\n")?.error)
        #expect(error.message.hasPrefix("unknown directive {histogram}"))
    }

    @Test func layerGrammar() throws {
        let directive = NotebookParser().parse(source: "```{receptive-field}\n:input: 8x8\n:layers: conv 3x3 stride 2 padding 1, pool 2x2, conv 5x3 s1 p2x1 d2\n```\n", path: "x.md").directives[0]
        let options = try DirectiveOptions(directive, known: ["input", "layers"])
        let layers = try options.layers(try options.required("layers"))
        #expect(layers.map(\.label) == ["conv 3×3", "pool 2×2", "conv 5×3"])
        #expect(layers[0].stride.height == 2 && layers[0].padding.width == 1)
        #expect(layers[1].stride.width == 2)
        #expect(layers[2].padding.height == 2 && layers[2].padding.width == 1 && layers[2].dilation.height == 2)
    }
}
