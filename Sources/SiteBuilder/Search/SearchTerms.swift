/// How text becomes search terms, at build time here and at query time in the
/// theme's `site.js` (which follows the same rules):
///
/// - everything is lower-cased;
/// - a run of letters, digits and `_` outside CJK scripts is a word (queries
///   match words by prefix); a word with `_` also yields its parts
///   (`zero_grad` → `zero_grad`, `zero`, `grad`);
/// - a run of CJK characters (Han, kana, Hangul) yields every character and every
///   pair of neighbouring characters: Chinese has no spaces, and bigrams find
///   words of any length without a dictionary (`互相关` → 互, 相, 关, 互相, 相关).
enum SearchTerms {
    /// Longest word kept, in Unicode scalars.
    static let maximumWordLength = 40

    static func terms(in text: String) -> [String] {
        var terms: [String] = []
        var word = String.UnicodeScalarView()
        var ideographs: [Unicode.Scalar] = []

        func flushWord() {
            guard !word.isEmpty else { return }
            let text = String(word)
            terms.append(text)
            if text.contains("_") {
                terms.append(
                    contentsOf: text.split(separator: "_").map(String.init).filter { !$0.isEmpty && $0 != text })
            }
            word = String.UnicodeScalarView()
        }
        func flushIdeographs() {
            for (index, scalar) in ideographs.enumerated() {
                terms.append(String(scalar))
                if index + 1 < ideographs.count {
                    var pair = String.UnicodeScalarView()
                    pair.append(scalar)
                    pair.append(ideographs[index + 1])
                    terms.append(String(pair))
                }
            }
            ideographs.removeAll()
        }

        for scalar in text.lowercased().unicodeScalars {
            if isCJK(scalar) {
                flushWord()
                ideographs.append(scalar)
            } else if isWordCharacter(scalar) {
                flushIdeographs()
                if word.count < maximumWordLength { word.append(scalar) }
            } else {
                flushWord()
                flushIdeographs()
            }
        }
        flushWord()
        flushIdeographs()
        return terms
    }

    /// Han (with extensions and compatibility ideographs), Hiragana, Katakana, Hangul.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xAC00...0xD7AF, 0x20000...0x2FFFF:
            return true
        default:
            return false
        }
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
