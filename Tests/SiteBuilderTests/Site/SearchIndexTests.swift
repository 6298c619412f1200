import Foundation
import Testing

@testable import SiteBuilder

@Suite struct SearchIndexTests {
    @Test(arguments: [
        ("互相关运算", ["互", "互相", "相", "相关", "关", "关运", "运", "运算", "算"]),
        ("Cross-Correlation of X", ["cross", "correlation", "of", "x"]),
        ("conv2d.zero_grad()", ["conv2d", "zero_grad", "zero", "grad"]),
        ("学习corr2d核", ["学", "学习", "习", "corr2d", "核"]),
        ("カタカナと한국어", ["カ", "カタ", "タ", "タカ", "カ", "カナ", "ナ", "ナと", "と", "と한", "한", "한국", "국", "국어", "어"]),
    ])
    func terms(_ text: String, _ expected: [String]) {
        #expect(SearchTerms.terms(in: text) == expected)
    }

    /// The index as the theme's script reads it.
    struct Index {
        var pages: [[String: String]]
        var sections: [[Any]]
        var terms: [String: [Int]]

        init(_ bytes: [UInt8]) throws {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            pages = try #require(object["pages"] as? [[String: String]])
            sections = try #require(object["sections"] as? [[Any]])
            terms = try #require(object["terms"] as? [String: [Int]])
        }

        /// `site.js`'s query: every query term must match (words by prefix,
        /// CJK bigrams exactly); returns `page#anchor` of the best section.
        func best(_ query: String) -> String? {
            var lists: [[Int: Int]] = []
            for term in SearchTerms.terms(in: query) {
                let isCJK = term.unicodeScalars.allSatisfy(SearchTerms.isCJK)
                if isCJK, term.unicodeScalars.count == 1, query.unicodeScalars.filter(SearchTerms.isCJK).count > 1 {
                    continue
                }
                var found: [Int: Int] = [:]
                for (key, postings) in terms where isCJK ? key == term : key.hasPrefix(term) {
                    for pair in stride(from: 0, to: postings.count - 1, by: 2) {
                        found[postings[pair]] = max(found[postings[pair]] ?? 0, postings[pair + 1])
                    }
                }
                lists.append(found)
            }
            guard var scores = lists.first else { return nil }
            for list in lists.dropFirst() {
                scores = scores.filter { list[$0.key] != nil }.mapValues { $0 }
                for key in scores.keys { scores[key, default: 0] += list[key] ?? 0 }
            }
            guard let top = scores.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }).first
            else { return nil }
            let section = sections[top.key]
            guard let page = section[0] as? Int, let anchor = section[1] as? String, let url = pages[page]["url"] else {
                return nil
            }
            return anchor.isEmpty ? url : "\(url)#\(anchor)"
        }
    }

    @Test func chineseAndEnglishTermsAreFound() throws {
        let (fixture, notebooks) = try CourseFixture.make()
        defer { fixture.remove() }
        let site = try fixture.render(notebooks)
        let index = try Index(try #require(site.files[SearchIndexBuilder.fileName]))
        #expect(index.pages.map { $0["url"] } == ["conv-layer.html", "training.html"])
        #expect(index.best("卷积窗口") == "conv-layer.html#互相关运算")
        #expect(index.best("学习卷积核") == "conv-layer.html#学习卷积核")
        #expect(index.best("train") == "training.html#training-a-kernel")
        #expect(index.best("epoch loss") == "training.html#training-loop")
        #expect(index.best("corr2d") == "conv-layer.html#互相关运算", "code is indexed")
        #expect(index.best("卷积 quote") == nil, "all terms must match one section")
    }

    @Test func headingsWeighMoreThanProse() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let source = "# Page\n\n## Other\n\nKernel here.\n\n## Kernel\n\nText.\n"
        let site = try fixture.render([Executed.notebook(source, path: "a.md")])
        let index = try Index(try #require(site.files[SearchIndexBuilder.fileName]))
        #expect(index.best("kern") == "a.html#kernel")
    }

    @Test func jsonStringsAreEscaped() {
        #expect(SearchIndexBuilder.quote("a\"b\\c\nd\u{1}") == #""a\"b\\c\nd\u0001""#)
    }
}
