/// Builds `search-index.json`, the index the theme's search box reads: no
/// server, no network, one file fetched on the first search.
///
///     {"pages":[{"url":"conv-layer.html","title":"图像卷积"}],
///      "sections":[[0,"互相关运算","互相关运算","卷积窗口从输入张量的左上角开始…"]],
///      "terms":{"互相":[0,6],"corr2d":[0,1,3,2]}}
///
/// A section is the stretch of a page under one heading: `[page, anchor, heading,
/// snippet]`. Each term maps to `[section, weight, section, weight, …]`; a term
/// in a heading weighs more than one in prose or code. Terms follow `SearchTerms`.
struct SearchIndexBuilder {
    static let fileName = "search-index.json"
    /// Characters of prose shown under a result.
    static let snippetLength = 160

    static let headingWeight = 5
    static let titleWeight = 3
    static let textWeight = 1
    /// One section's weight for one term stops growing here (a word repeated in
    /// every line of a long cell should not drown everything else).
    static let maximumWeight = 20

    private var pages: [(url: String, title: String)] = []
    private var sections: [(page: Int, anchor: String, heading: String, snippet: String)] = []
    /// term → section → weight
    private var postings: [String: [Int: Int]] = [:]

    mutating func add(page url: String, title: String, sections pageSections: [SearchSection]) {
        let pageIndex = pages.count
        pages.append((url, title))
        var titleIndexed = false
        for section in pageSections {
            let text = section.prose.joined(separator: " ")
            guard !text.isEmpty || !section.code.isEmpty || section.anchor != nil else { continue }
            let sectionIndex = sections.count
            sections.append(
                (
                    pageIndex, section.anchor ?? "", section.heading,
                    Self.snippet(of: text.isEmpty ? section.code.joined(separator: " ") : text)
                ))
            if !titleIndexed {
                // The page title leads to the page's first section.
                addTerms(of: title, to: sectionIndex, weight: Self.titleWeight)
                titleIndexed = true
            }
            addTerms(of: section.heading, to: sectionIndex, weight: Self.headingWeight)
            addTerms(of: text, to: sectionIndex, weight: Self.textWeight)
            for code in section.code { addTerms(of: code, to: sectionIndex, weight: Self.textWeight) }
        }
    }

    private mutating func addTerms(of text: String, to section: Int, weight: Int) {
        for term in SearchTerms.terms(in: text) {
            let current = postings[term, default: [:]][section, default: 0]
            postings[term, default: [:]][section] = min(current + weight, Self.maximumWeight)
        }
    }

    /// The index as compact JSON; the same pages always give the same bytes.
    func json() -> String {
        var out = "{\"pages\":["
        out += pages.map { "{\"url\":\(Self.quote($0.url)),\"title\":\(Self.quote($0.title))}" }.joined(separator: ",")
        out += "],\n\"sections\":[\n"
        out += sections.map {
            "[\($0.page),\(Self.quote($0.anchor)),\(Self.quote($0.heading)),\(Self.quote($0.snippet))]"
        }
        .joined(separator: ",\n")
        out += "],\n\"terms\":{\n"
        let terms = postings.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        out += terms.map { term in
            let list = (postings[term] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key),\($0.value)" }.joined(
                separator: ",")
            return "\(Self.quote(term)):[\(list)]"
        }.joined(separator: ",\n")
        out += "}}\n"
        return out
    }

    // MARK: - Helpers

    /// White space collapsed, cut at `snippetLength` characters with an ellipsis.
    static func snippet(of text: String) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        let collapsed = words.joined(separator: " ")
        guard collapsed.count > snippetLength else { return collapsed }
        return String(collapsed.prefix(snippetLength)) + "…"
    }

    /// A JSON string literal.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
