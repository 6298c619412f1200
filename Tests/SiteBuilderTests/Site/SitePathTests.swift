import Testing

@testable import SiteBuilder

@Suite struct SitePathTests {
    @Test(arguments: [
        ("a/./b/../c", "a/c"), ("/x//y/", "/x/y"), ("../img/a.svg", "../img/a.svg"), ("/../a", "/a"),
        ("a/../../b", "../b"),
    ])
    func normalize(_ path: String, _ expected: String) {
        #expect(SitePath.normalize(path) == expected)
    }

    @Test(arguments: [
        ("/c/n/img/a.svg", "/c/n", "img/a.svg"), ("/c/img/a.svg", "/c/n", "../img/a.svg"), ("/c/n", "/c/n", ""),
    ])
    func relative(_ path: String, _ directory: String, _ expected: String) {
        #expect(SitePath.relative(path, from: directory) == expected)
    }

    @Test func hrefsBetweenPages() {
        #expect(SitePath.href(from: "part/a.html", to: "style.css") == "../style.css")
        #expect(SitePath.href(from: "a.html", to: "part/b c.html") == "part/b%20c.html")
        #expect(SitePath.href(from: "x/y/a.html", to: "x/z/b.html") == "../z/b.html")
        #expect(SitePath.rootPrefix(of: "x/y/a.html") == "../../")
    }

    @Test func commonDirectory() {
        #expect(SitePath.commonDirectory(of: ["/c/n/a.md", "/c/n/p/b.md"]) == "/c/n")
        #expect(SitePath.commonDirectory(of: ["/c/n/a.md", "/c/m/b.md"]) == "/c")
        #expect(SitePath.commonDirectory(of: []) == "")
    }

    @Test(arguments: [("图 1#?.svg", "图%201%23%3F.svg"), ("a\"b", "a%22b"), ("plain-name_1.png", "plain-name_1.png")])
    func encodeAndDecode(_ path: String, _ encoded: String) {
        #expect(SitePath.encode(path) == encoded)
        #expect(SitePath.decode(encoded) == path)
    }

    @Test func malformedEscapesStayAsWritten() {
        #expect(SitePath.decode("100%") == "100%")
        #expect(SitePath.decode("%zz%4") == "%zz%4")
    }
}
