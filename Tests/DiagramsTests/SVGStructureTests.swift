import Foundation
import Testing

@testable import Diagrams

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What every figure promises, checked by parsing its SVG as XML: a scalable
/// `viewBox`, `role="img"`, a title and description, a dark-scheme style, ids that
/// all carry the figure's prefix, and references that resolve inside the figure.
@Suite struct SVGStructureTests {
    @Test(arguments: FigureCatalogue.names)
    func figureIsAccessibleScalableAndSelfContained(_ name: String) throws {
        let make = try #require(FigureCatalogue.figures[name])
        let svg = try make()
        let document = try #require(ParsedSVG(svg), "\(name) is not well-formed XML")
        let root = try #require(document.root)
        #expect(root.name == "svg")
        #expect(root.attributes["viewBox"] != nil)
        #expect(root.attributes["width"] == nil && root.attributes["height"] == nil)
        #expect(root.attributes["role"] == "img")
        let prefix = try #require(root.attributes["id"])
        #expect(root.attributes["aria-labelledby"] == "\(prefix)-title \(prefix)-desc")
        #expect(document.text(of: "title")?.isEmpty == false)
        #expect((document.text(of: "desc")?.count ?? 0) > 30)
        #expect(document.text(of: "style")?.contains("@media (prefers-color-scheme: dark)") == true)
        for id in document.ids { #expect(id.hasPrefix(prefix), "\(id) lacks the prefix \(prefix)") }
        for reference in document.references { #expect(document.ids.contains(reference), "url(#\(reference)) dangles") }
        // Every style rule is scoped to this figure.
        for line in (document.text(of: "style") ?? "").split(separator: "\n") where line.contains("{") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            #expect(trimmed.hasPrefix("#\(prefix)") || trimmed.hasPrefix("@media"), "unscoped rule: \(trimmed)")
        }
    }

    @Test func idPrefixesAreSanitized() throws {
        let svg = try Heatmap([[1]]).svg(idPrefix: "1 bad\"id<x>")
        #expect(svg.contains(#"id="f1-bad-id-x-""#))
        #expect(!svg.contains("<x>"))
    }

    @Test func twoFiguresOnOnePageShareNoId() throws {
        let first = try #require(ParsedSVG(try Heatmap([[1, 2]]).svg(idPrefix: "fig-1")))
        let second = try #require(ParsedSVG(try Heatmap([[1, 2]]).svg(idPrefix: "fig-2")))
        #expect(first.ids.isDisjoint(with: second.ids))
    }

    @Test func textIsEscaped() throws {
        let labels = CorrelationDiagram.Labels(input: "<in>", kernel: "a & b", output: "\"out\"")
        let svg = try CorrelationDiagram(
            input: [[1, 2]], kernel: [[1]], output: [[1, 2]], at: .init(row: 0, column: 0), labels: labels
        )
        .svg(idPrefix: "e")
        #expect(ParsedSVG(svg) != nil)
        #expect(svg.contains("&lt;in&gt;"))
        #expect(svg.contains("a &amp; b"))
    }
}

/// A minimal DOM-less view of an SVG: the root, ids, url(#…) references, texts.
final class ParsedSVG: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    private(set) var root: Element?
    private(set) var ids: Set<String> = []
    private(set) var references: Set<String> = []
    private var texts: [String: String] = [:]
    private var stack: [String] = []

    init?(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        guard parser.parse() else { return nil }
    }

    func text(of element: String) -> String? { texts[element] }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        if root == nil { root = Element(name: elementName, attributes: attributes) }
        if let id = attributes["id"] { ids.insert(id) }
        for value in attributes.values {
            var rest = Substring(value)
            while let start = rest.range(of: "url(#") {
                let tail = rest[start.upperBound...]
                let name = tail.prefix { $0 != ")" }
                references.insert(String(name))
                rest = tail.dropFirst(name.count)
            }
        }
        stack.append(elementName)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard let current = stack.last else { return }
        texts[current, default: ""] += string
    }
}
