import Testing

@testable import Diagrams

/// Every figure of the catalogue against its recorded SVG.
@Suite struct FigureGoldenTests {
    @Test(arguments: FigureCatalogue.names)
    func figure(_ name: String) throws {
        let make = try #require(FigureCatalogue.figures[name])
        let svg = try make()
        Golden.check(svg, against: "\(name).svg")
    }

    @Test(arguments: FigureCatalogue.names)
    func figureIsDeterministic(_ name: String) throws {
        let make = try #require(FigureCatalogue.figures[name])
        #expect(try make() == make())
    }
}
