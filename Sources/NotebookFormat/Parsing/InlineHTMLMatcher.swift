/// Recognises what CommonMark reads as raw inline HTML or an autolink after a
/// `<`, so that the math scanner leaves it alone (`<img alt="$x$">` is HTML, not
/// math), while `$a<b$` stays math because `<b$` is no tag.
///
/// Follows CommonMark 0.30 §6.5–6.6: autolinks, open and closing tags, comments,
/// processing instructions, declarations and CDATA sections.
enum InlineHTMLMatcher {
    /// The index just past the construct that starts at `start` (a `<`), or nil.
    static func end(in text: [UInt8], at start: Int) -> Int? {
        guard start < text.count, text[start] == .lessThan else { return nil }
        return autolink(text, start) ?? openTag(text, start) ?? closingTag(text, start)
            ?? comment(text, start) ?? delimited(text, start, open: "<?", close: "?>")
            ?? delimited(text, start, open: "<![CDATA[", close: "]]>") ?? declaration(text, start)
    }

    // MARK: - Autolinks

    private static func autolink(_ text: [UInt8], _ start: Int) -> Int? {
        var index = start + 1
        // URI: scheme of 2–32 characters, `:`, then no spaces, `<` or `>`.
        let schemeStart = index
        while index < text.count, text[index].isASCIILetter || text[index].isASCIIDigit || "+.-".utf8.contains(text[index]) {
            index += 1
        }
        let schemeLength = index - schemeStart
        if schemeLength >= 2, schemeLength <= 32, text[schemeStart].isASCIILetter, index < text.count, text[index] == UInt8(ascii: ":") {
            index += 1
            while index < text.count, text[index] > 0x20, text[index] != .lessThan, text[index] != .greaterThan { index += 1 }
            if index < text.count, text[index] == .greaterThan { return index + 1 }
        }
        // Email: local part, `@`, then a domain.
        index = start + 1
        let localSpecials = Set(".!#$%&'*+/=?^_`{|}~-".utf8)
        while index < text.count, text[index].isASCIILetter || text[index].isASCIIDigit || localSpecials.contains(text[index]) {
            index += 1
        }
        guard index > start + 1, index < text.count, text[index] == UInt8(ascii: "@") else { return nil }
        index += 1
        let domainStart = index
        while index < text.count, text[index].isASCIILetter || text[index].isASCIIDigit || text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: ".") {
            index += 1
        }
        guard index > domainStart, index < text.count, text[index] == .greaterThan else { return nil }
        return index + 1
    }

    // MARK: - Tags

    private static func openTag(_ text: [UInt8], _ start: Int) -> Int? {
        guard var index = tagName(text, start + 1) else { return nil }
        while true {
            let afterSpace = skipWhitespace(text, index)
            guard afterSpace < text.count else { return nil }
            if text[afterSpace] == .greaterThan { return afterSpace + 1 }
            if text[afterSpace] == UInt8(ascii: "/") {
                return afterSpace + 1 < text.count && text[afterSpace + 1] == .greaterThan ? afterSpace + 2 : nil
            }
            // An attribute needs whitespace before it.
            guard afterSpace > index, let afterAttribute = attribute(text, afterSpace) else { return nil }
            index = afterAttribute
        }
    }

    private static func closingTag(_ text: [UInt8], _ start: Int) -> Int? {
        guard start + 1 < text.count, text[start + 1] == UInt8(ascii: "/"), let afterName = tagName(text, start + 2) else { return nil }
        let index = skipWhitespace(text, afterName)
        return index < text.count && text[index] == .greaterThan ? index + 1 : nil
    }

    /// Past a tag name (a letter, then letters, digits and `-`).
    private static func tagName(_ text: [UInt8], _ start: Int) -> Int? {
        guard start < text.count, text[start].isASCIILetter else { return nil }
        var index = start + 1
        while index < text.count, text[index].isASCIILetter || text[index].isASCIIDigit || text[index] == UInt8(ascii: "-") {
            index += 1
        }
        return index
    }

    /// Past `name`, `name=value`, `name='value'` or `name="value"`.
    private static func attribute(_ text: [UInt8], _ start: Int) -> Int? {
        let nameStart = Set("_:".utf8)
        let nameRest = Set("_.:-".utf8)
        guard start < text.count, text[start].isASCIILetter || nameStart.contains(text[start]) else { return nil }
        var index = start + 1
        while index < text.count, text[index].isASCIILetter || text[index].isASCIIDigit || nameRest.contains(text[index]) {
            index += 1
        }
        let beforeEquals = skipWhitespace(text, index)
        guard beforeEquals < text.count, text[beforeEquals] == UInt8(ascii: "=") else { return index }
        var valueStart = skipWhitespace(text, beforeEquals + 1)
        guard valueStart < text.count else { return nil }
        let quote = text[valueStart]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            valueStart += 1
            while valueStart < text.count, text[valueStart] != quote { valueStart += 1 }
            return valueStart < text.count ? valueStart + 1 : nil
        }
        let forbidden = Set("\"'=<>`".utf8)
        var end = valueStart
        while end < text.count, !text[end].isMarkdownWhitespace, !forbidden.contains(text[end]) { end += 1 }
        return end > valueStart ? end : nil
    }

    private static func skipWhitespace(_ text: [UInt8], _ start: Int) -> Int {
        var index = start
        while index < text.count, text[index].isMarkdownWhitespace { index += 1 }
        return index
    }

    // MARK: - Comments, instructions, declarations, CDATA

    private static func comment(_ text: [UInt8], _ start: Int) -> Int? {
        guard hasPrefix(text, start, "<!--") else { return nil }
        // `<!-->` and `<!--->` are (empty) comments too.
        if hasPrefix(text, start, "<!-->") { return start + 5 }
        if hasPrefix(text, start, "<!--->") { return start + 6 }
        return delimited(text, start, open: "<!--", close: "-->")
    }

    private static func declaration(_ text: [UInt8], _ start: Int) -> Int? {
        guard hasPrefix(text, start, "<!"), start + 2 < text.count, text[start + 2].isASCIILetter else { return nil }
        var index = start + 3
        while index < text.count, text[index] != .greaterThan { index += 1 }
        return index < text.count ? index + 1 : nil
    }

    private static func delimited(_ text: [UInt8], _ start: Int, open: String, close: String) -> Int? {
        guard hasPrefix(text, start, open) else { return nil }
        var index = start + open.utf8.count
        while index < text.count {
            if hasPrefix(text, index, close) { return index + close.utf8.count }
            index += 1
        }
        return nil
    }

    private static func hasPrefix(_ text: [UInt8], _ start: Int, _ prefix: String) -> Bool {
        let bytes = Array(prefix.utf8)
        guard start + bytes.count <= text.count else { return false }
        return text[start..<(start + bytes.count)].elementsEqual(bytes)
    }
}
