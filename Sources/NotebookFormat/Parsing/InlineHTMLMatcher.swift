/// Recognises what CommonMark reads as raw inline HTML or an autolink after a
/// `<`, so that the math scanner leaves it alone (`<img alt="$x$">` is HTML, not
/// math), while `$a<b$` stays math because `<b$` is no tag.
///
/// Follows CommonMark 0.30 §6.5–6.6: autolinks, open and closing tags, comments,
/// processing instructions, declarations and CDATA sections.
enum InlineHTMLMatcher {
    /// Where each closing token was last looked for in vain: past that point it
    /// cannot be found either, so `<!a <!a <!a …` stays linear, not quadratic.
    struct Memo {
        fileprivate var noCloseFrom: [String: Int] = [:]
    }

    /// The index just past the construct that starts at `start` (a `<`), or nil.
    static func end(in text: [UInt8], at start: Int, memo: inout Memo) -> Int? {
        guard start < text.count, text[start] == .lessThan else { return nil }
        return autolink(text, start) ?? openTag(text, start, &memo) ?? closingTag(text, start)
            ?? comment(text, start, &memo) ?? delimited(text, start, open: "<?", close: "?>", &memo)
            ?? delimited(text, start, open: "<![CDATA[", close: "]]>", &memo) ?? declaration(text, start, &memo)
    }

    /// The first index at or after `start` where `token` begins, or nil (remembered).
    private static func find(_ token: String, in text: [UInt8], from start: Int, _ memo: inout Memo) -> Int? {
        if let known = memo.noCloseFrom[token], start >= known { return nil }
        var index = start
        while index < text.count {
            if hasPrefix(text, index, token) { return index }
            index += 1
        }
        memo.noCloseFrom[token] = min(memo.noCloseFrom[token] ?? start, start)
        return nil
    }

    // MARK: - Character classes

    private static let schemeSymbols = Set("+.-".utf8)
    private static let localSpecials = Set(".!#$%&'*+/=?^_`{|}~-".utf8)
    private static let nameStart = Set("_:".utf8)
    private static let nameRest = Set("_.:-".utf8)
    private static let forbidden = Set("\"'=<>`".utf8)

    // MARK: - Autolinks

    private static func autolink(_ text: [UInt8], _ start: Int) -> Int? {
        var index = start + 1
        // URI: scheme of 2–32 characters, `:`, then no spaces, `<` or `>`.
        let schemeStart = index
        while index < text.count, text[index].isASCIILetter || text[index].isASCIIDigit || schemeSymbols.contains(text[index]) {
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

    private static func openTag(_ text: [UInt8], _ start: Int, _ memo: inout Memo) -> Int? {
        guard var index = tagName(text, start + 1) else { return nil }
        while true {
            let afterSpace = skipWhitespace(text, index)
            guard afterSpace < text.count else { return nil }
            if text[afterSpace] == .greaterThan { return afterSpace + 1 }
            if text[afterSpace] == UInt8(ascii: "/") {
                return afterSpace + 1 < text.count && text[afterSpace + 1] == .greaterThan ? afterSpace + 2 : nil
            }
            // An attribute needs whitespace before it.
            guard afterSpace > index, let afterAttribute = attribute(text, afterSpace, &memo) else { return nil }
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
    private static func attribute(_ text: [UInt8], _ start: Int, _ memo: inout Memo) -> Int? {
        guard start < text.count, text[start].isASCIILetter || nameStart.contains(text[start]) else { return nil }
        var index = start + 1
        while index < text.count, text[index].isASCIILetter || text[index].isASCIIDigit || nameRest.contains(text[index]) {
            index += 1
        }
        let beforeEquals = skipWhitespace(text, index)
        guard beforeEquals < text.count, text[beforeEquals] == UInt8(ascii: "=") else { return index }
        let valueStart = skipWhitespace(text, beforeEquals + 1)
        guard valueStart < text.count else { return nil }
        let quote = text[valueStart]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            return find(String(UnicodeScalar(quote)), in: text, from: valueStart + 1, &memo).map { $0 + 1 }
        }
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

    private static func comment(_ text: [UInt8], _ start: Int, _ memo: inout Memo) -> Int? {
        guard hasPrefix(text, start, "<!--") else { return nil }
        // `<!-->` and `<!--->` are (empty) comments too.
        if hasPrefix(text, start, "<!-->") { return start + 5 }
        if hasPrefix(text, start, "<!--->") { return start + 6 }
        return delimited(text, start, open: "<!--", close: "-->", &memo)
    }

    private static func declaration(_ text: [UInt8], _ start: Int, _ memo: inout Memo) -> Int? {
        guard hasPrefix(text, start, "<!"), start + 2 < text.count, text[start + 2].isASCIILetter else { return nil }
        return find(">", in: text, from: start + 3, &memo).map { $0 + 1 }
    }

    private static func delimited(_ text: [UInt8], _ start: Int, open: String, close: String, _ memo: inout Memo) -> Int? {
        guard hasPrefix(text, start, open) else { return nil }
        return find(close, in: text, from: start + open.utf8.count, &memo).map { $0 + close.utf8.count }
    }

    private static func hasPrefix(_ text: [UInt8], _ start: Int, _ prefix: String) -> Bool {
        var index = start
        for byte in prefix.utf8 {
            guard index < text.count, text[index] == byte else { return false }
            index += 1
        }
        return true
    }
}
