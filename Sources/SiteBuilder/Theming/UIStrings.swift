import Foundation

/// The words of the interface (Contents, Search, Previous, Figure 3, …) in every
/// language the theme knows, from the theme's `strings.json`:
///
///     { "en": { "figure": "Figure {number}", … }, "zh": { "figure": "图{number}", … } }
///
/// A course translates the site by overriding `strings.json` with its language
/// added. Lookup falls back from `zh-CN` to `zh`, then to English, then to the key.
struct UIStringTable: Sendable {
    /// Language tag → key → text.
    var languages: [String: [String: String]]

    static let fallbackLanguage = "en"

    /// The strings for a page in `language`.
    func strings(for language: String) -> UIStrings {
        let english = languages[Self.fallbackLanguage] ?? [:]
        var merged = english
        let primary = language.split(separator: "-").first.map { String($0).lowercased() } ?? language
        let candidates = [primary, language.lowercased(), language]
        for candidate in candidates {
            guard let table = languages[candidate] else { continue }
            merged.merge(table) { _, new in new }
        }
        return UIStrings(values: merged)
    }

    /// `base` with every language and key of `override` laid over it.
    func merging(_ override: UIStringTable) -> UIStringTable {
        var result = languages
        for (language, table) in override.languages {
            result[language, default: [:]].merge(table) { _, new in new }
        }
        return UIStringTable(languages: result)
    }
}

/// The interface words for one language.
struct UIStrings: Sendable {
    var values: [String: String]

    /// The text for `key`, or the key itself so a missing string shows, not vanishes.
    subscript(key: String) -> String { values[key] ?? key }

    /// The text for `key` with each `{name}` replaced: `format("figure", ["number": "3"])` → `图3`.
    func format(_ key: String, _ arguments: [String: String]) -> String {
        var text = self[key]
        for (name, value) in arguments.sorted(by: { $0.key < $1.key }) {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }
}

// MARK: - strings.json

extension UIStringTable {
    static let fileName = "strings.json"

    /// Reads a `strings.json`: an object of languages, each an object of strings.
    static func parse(_ bytes: [UInt8], path: String) throws -> UIStringTable {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw ThemeError.malformedStrings(path, reason: "it is not valid JSON (\(Self.reason(error)))")
        }
        guard let languages = object as? [String: Any] else {
            throw ThemeError.malformedStrings(path, reason: "the top level must be an object of languages")
        }
        var table: [String: [String: String]] = [:]
        for (language, value) in languages {
            guard let entries = value as? [String: Any] else {
                throw ThemeError.malformedStrings(
                    path, reason: "the value of \"\(language)\" must be an object of strings")
            }
            var strings: [String: String] = [:]
            for (key, text) in entries {
                guard let text = text as? String else {
                    throw ThemeError.malformedStrings(path, reason: "\"\(language)\".\"\(key)\" must be a string")
                }
                strings[key] = text
            }
            table[language] = strings
        }
        return UIStringTable(languages: table)
    }

    /// The table as JSON with sorted keys (the same table always gives the same bytes).
    func jsonBytes() -> [UInt8] {
        let data =
            (try? JSONSerialization.data(withJSONObject: languages, options: [.sortedKeys, .prettyPrinted])) ?? Data()
        return [UInt8](data)
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        return nsError.localizedDescription
    }
}
