/// A strict well-formedness check for the HTML litbook writes (no html5lib):
/// tags balanced and properly nested, void elements never closed, no duplicate
/// attributes, ids unique in the document, text escaped (`<` only as a tag,
/// `&` only as a character reference), and no block element inside `<p>`.
///
/// It is stricter than HTML5 (which forgives unclosed `<p>` and bare `&`), so a
/// page that passes parses the same way in every browser.
enum HTMLChecker {
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]
    static let rawTextElements: Set<String> = ["script", "style"]
    /// Elements that end an open `<p>` in a real parser.
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre",
        "section", "table", "ul",
    ]

    /// Every problem found, as `offset: message`; empty when the document is well formed.
    static func problems(in html: String) -> [String] {
        var problems: [String] = []
        var stack: [String] = []
        var ids = Set<String>()
        let text = Array(html.unicodeScalars)
        var index = 0

        func report(_ message: String) { problems.append("\(index): \(message)") }

        while index < text.count {
            let scalar = text[index]
            if scalar == "&" {
                if let end = characterReferenceEnd(text, from: index) {
                    index = end
                } else {
                    report("a bare '&' in text")
                    index += 1
                }
                continue
            }
            guard scalar == "<" else {
                if scalar == ">" { report("a bare '>' in text") }
                if scalar.value < 0x20 && !["\t", "\n", "\u{0C}", "\r"].contains(scalar)
                    || (0x7F...0x9F).contains(scalar.value)
                {
                    report("the control character U+\(String(scalar.value, radix: 16))")
                }
                index += 1
                continue
            }
            if starts(text, at: index, with: "<!--") {
                guard let end = find(text, "-->", from: index + 4) else {
                    report("an unclosed comment")
                    break
                }
                index = end + 3
                continue
            }
            if starts(text, at: index, with: "<!") {
                guard let end = find(text, ">", from: index) else {
                    report("an unclosed declaration")
                    break
                }
                index = end + 1
                continue
            }
            guard let tag = parseTag(text, at: index) else {
                report("a '<' that starts no tag")
                index += 1
                continue
            }
            for problem in tag.problems { report(problem) }
            if let id = tag.attributes["id"] {
                if id.isEmpty || id.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
                    report("the id '\(id)' is not valid")
                }
                if !ids.insert(id).inserted { report("the id '\(id)' is used twice") }
            }
            index = tag.end
            if tag.isClosing {
                guard let open = stack.last else {
                    report("</\(tag.name)> closes nothing")
                    continue
                }
                if open != tag.name {
                    report("</\(tag.name)> closes <\(open)>")
                    if let position = stack.lastIndex(of: tag.name) { stack.removeSubrange(position...) }
                } else {
                    stack.removeLast()
                }
                continue
            }
            if blockElements.contains(tag.name), stack.contains("p") {
                report("<\(tag.name)> inside <p>")
            }
            if voidElements.contains(tag.name) || tag.isSelfClosing { continue }
            if rawTextElements.contains(tag.name) {
                guard let end = find(text, "</\(tag.name)", from: index) else {
                    report("<\(tag.name)> is never closed")
                    break
                }
                stack.append(tag.name)
                index = end
                continue
            }
            stack.append(tag.name)
        }
        for open in stack.reversed() { problems.append("end: <\(open)> is never closed") }
        return problems
    }

    // MARK: - Tags

    struct Tag {
        var name: String
        var isClosing: Bool
        var isSelfClosing: Bool
        var attributes: [String: String]
        var problems: [String]
        var end: Int
    }

    static func parseTag(_ text: [Unicode.Scalar], at start: Int) -> Tag? {
        var index = start + 1
        let isClosing = index < text.count && text[index] == "/"
        if isClosing { index += 1 }
        var name = ""
        while index < text.count,
            text[index].properties.isAlphabetic || ("0"..."9").contains(text[index]) || text[index] == "-"
        {
            name.unicodeScalars.append(text[index])
            index += 1
        }
        guard !name.isEmpty else { return nil }
        var tag = Tag(
            name: name.lowercased(), isClosing: isClosing, isSelfClosing: false, attributes: [:], problems: [],
            end: index)
        while index < text.count {
            while index < text.count, text[index].properties.isWhitespace { index += 1 }
            guard index < text.count else { break }
            if text[index] == ">" {
                tag.end = index + 1
                return tag
            }
            if text[index] == "/", index + 1 < text.count, text[index + 1] == ">" {
                tag.isSelfClosing = true
                tag.end = index + 2
                return tag
            }
            var attribute = ""
            while index < text.count, !text[index].properties.isWhitespace,
                !["=", ">", "/", "\"", "'"].contains(text[index])
            {
                attribute.unicodeScalars.append(text[index])
                index += 1
            }
            guard !attribute.isEmpty else {
                tag.problems.append("a malformed attribute in <\(name)>")
                index += 1
                continue
            }
            var value = ""
            if index < text.count, text[index] == "=" {
                index += 1
                guard index < text.count else { break }
                let quote = text[index]
                if quote == "\"" || quote == "'" {
                    index += 1
                    let valueStart = index
                    while index < text.count, text[index] != quote { index += 1 }
                    value = String(String.UnicodeScalarView(text[valueStart..<min(index, text.count)]))
                    index += 1
                    if value.contains("<") { tag.problems.append("a '<' in the value of \(attribute)") }
                    if value.contains("&"), !validReferences(value) {
                        tag.problems.append("a bare '&' in the value of \(attribute)")
                    }
                } else {
                    tag.problems.append("the unquoted value of \(attribute) in <\(name)>")
                    while index < text.count, !text[index].properties.isWhitespace, text[index] != ">" {
                        value.unicodeScalars.append(text[index])
                        index += 1
                    }
                }
            }
            let key = attribute.lowercased()
            if tag.attributes[key] != nil { tag.problems.append("the attribute \(attribute) twice in <\(name)>") }
            tag.attributes[key] = value
        }
        tag.problems.append("the tag <\(name)> is never ended")
        tag.end = text.count
        return tag
    }

    // MARK: - Character references

    /// The index after `&name;`, `&#123;` or `&#x1F;` starting at `start`, if one does.
    static func characterReferenceEnd(_ text: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start + 1
        var body = ""
        while index < text.count, index - start <= 32, text[index] != ";" {
            body.unicodeScalars.append(text[index])
            index += 1
        }
        guard index < text.count, text[index] == ";", !body.isEmpty else { return nil }
        let valid: Bool
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            valid = body.count > 2 && body.dropFirst(2).allSatisfy(\.isHexDigit)
        } else if body.hasPrefix("#") {
            valid = body.count > 1 && body.dropFirst().allSatisfy(\.isNumber)
        } else {
            valid = body.allSatisfy { $0.isLetter || $0.isNumber }
        }
        return valid ? index + 1 : nil
    }

    private static func validReferences(_ value: String) -> Bool {
        let text = Array(value.unicodeScalars)
        var index = 0
        while index < text.count {
            if text[index] == "&" {
                guard let end = characterReferenceEnd(text, from: index) else { return false }
                index = end
            } else {
                index += 1
            }
        }
        return true
    }

    private static func starts(_ text: [Unicode.Scalar], at index: Int, with prefix: String) -> Bool {
        let pattern = Array(prefix.unicodeScalars)
        guard index + pattern.count <= text.count else { return false }
        return Array(text[index..<(index + pattern.count)]) == pattern
    }

    private static func find(_ text: [Unicode.Scalar], _ needle: String, from start: Int) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        var index = start
        while index + pattern.count <= text.count {
            if Array(text[index..<(index + pattern.count)]) == pattern { return index }
            index += 1
        }
        return nil
    }
}
