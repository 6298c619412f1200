import Foundation

/// Hands out the `id`s of one page: stable (derived from the text they stand for),
/// valid (no white space, never empty) and unique (a repeat gets `-1`, `-2`, …).
///
/// Every id of a page — headings, figures, equations, the ids inside embedded
/// SVG figures and the ids the theme's templates use — is claimed from one
/// allocator, in document order, so two builds of the same notebook give the
/// same ids and no two elements share one.
///
///     var ids = AnchorAllocator(reserved: ["content"])
///     ids.claim(slugOf: "互相关运算")   // "互相关运算"
///     ids.claim(slugOf: "互相关运算")   // "互相关运算-1"
///     ids.claim(slugOf: "Content")      // "content-1"
struct AnchorAllocator {
    private(set) var used: Set<String>

    init(reserved: Set<String> = []) {
        used = reserved
    }

    /// Claims the slug of `text`, or `fallback` when the text has no letters or digits.
    mutating func claim(slugOf text: String, fallback: String = "section") -> String {
        let slug = Self.slug(text)
        return claim(exactly: slug.isEmpty ? fallback : slug)
    }

    /// Claims `id` itself when it is free, else the first free `id-N`.
    mutating func claim(exactly id: String) -> String {
        if used.insert(id).inserted { return id }
        var suffix = 1
        while !used.insert("\(id)-\(suffix)").inserted { suffix += 1 }
        return "\(id)-\(suffix)"
    }

    /// Whether an id is already taken on this page.
    func isUsed(_ id: String) -> Bool { used.contains(id) }

    // MARK: - Slugs

    /// Longest slug kept, in Unicode scalars: ids stay readable in a URL bar.
    static let maximumSlugLength = 80

    /// The id form of a heading's text: NFC, lower case, letters, digits, marks
    /// and `_` kept in any script (so Chinese headings keep their characters),
    /// every other run of characters (`-` included) one `-`, none at either end.
    ///
    ///     slug("2.1 Cross-Correlation!")   // "2-1-cross-correlation"
    ///     slug("多输入（通道）")             // "多输入-通道"
    static func slug(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingDash = false
        var length = 0
        for scalar in text.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            guard length < maximumSlugLength else { break }
            if isIDCharacter(scalar) {
                if pendingDash && !result.isEmpty {
                    result.append("-")
                    length += 1
                }
                pendingDash = false
                result.append(scalar)
                length += 1
            } else {
                pendingDash = true
            }
        }
        var slug = String(result)
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug
    }

    private static func isIDCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark:
            return true
        default:
            return false
        }
    }
}
