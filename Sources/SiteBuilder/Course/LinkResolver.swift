import Diagnostics

/// A link destination split into its parts: `other.md?x=1#anchor`.
struct LinkTarget {
    var path: String
    var query: String
    var fragment: String?

    init(_ destination: String) {
        var rest = destination[...]
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            query = String(rest[question...])
            rest = rest[..<question]
        } else {
            query = ""
        }
        path = String(rest)
    }

    /// Whether a destination starts with a URL scheme (`https:`, `mailto:`) or is
    /// protocol-relative (`//host`): it leaves the course and is not checked.
    static func hasScheme(_ destination: String) -> Bool {
        if destination.hasPrefix("//") { return true }
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else {
            return false
        }
        return scheme.unicodeScalars.allSatisfy {
            $0.isASCII
                && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == ".")
        }
    }
}

/// Turns the links of a notebook into links of the site and checks them.
///
/// `[x](other.md#anchor)` becomes `other.html#anchor`: the notebook must be part
/// of the course and its page must have the anchor (a heading id, or a label of
/// that page, which maps to its element's id). `[x](#anchor)` is checked against
/// the page itself. Links with a scheme, and links to other files, are left as written.
struct LinkResolver {
    let course: Course
    /// Site path → the ids of that page.
    let anchors: [String: Set<String>]
    /// Site path → label → id.
    let labelAnchors: [String: [String: String]]

    /// The `href` for a link destination written on `page`, and the problem with it, if any.
    func resolve(_ destination: String, from page: Lesson, at location: SourceLocation) -> (
        href: String, problem: Diagnostic?
    ) {
        if destination.isEmpty || LinkTarget.hasScheme(destination) || destination.hasPrefix("/") {
            return (destination, nil)
        }
        let target = LinkTarget(destination)
        if target.path.isEmpty {
            guard let fragment = target.fragment, !fragment.isEmpty else { return (destination, nil) }
            return anchor(fragment, on: page, from: page, prefix: target.query, destination: destination, at: location)
        }
        let decoded = SitePath.decode(target.path)
        let lowered = decoded.lowercased()
        guard lowered.hasSuffix(".md") || lowered.hasSuffix(".html") else { return (destination, nil) }
        let absolute = SitePath.join(page.absoluteDirectory, decoded)
        let sourcePath = SitePath.relative(absolute, from: course.root)
        let asNotebook = lowered.hasSuffix(".html") ? String(sourcePath.dropLast(5)) + ".md" : sourcePath
        guard let linked = course.page(forSource: asNotebook) else {
            if lowered.hasSuffix(".html") { return (destination, nil) }
            return (
                destination,
                .error("The link to \(target.path) names no notebook of the course.", at: location, length: 1)
            )
        }
        let href = SitePath.href(from: page.sitePath, to: linked.sitePath) + target.query
        guard let fragment = target.fragment, !fragment.isEmpty else { return (href, nil) }
        return anchor(fragment, on: linked, from: page, prefix: href, destination: destination, at: location)
    }

    private func anchor(
        _ fragment: String, on linked: Lesson, from page: Lesson, prefix: String, destination: String,
        at location: SourceLocation
    ) -> (href: String, problem: Diagnostic?) {
        let name = SitePath.decode(fragment)
        let ids = anchors[linked.sitePath] ?? []
        if ids.contains(name) { return (prefix + "#" + SitePath.encode(name), nil) }
        if let id = labelAnchors[linked.sitePath]?[name] { return (prefix + "#" + SitePath.encode(id), nil) }
        var message = "The page \(linked.sourcePath) has no anchor '#\(name)'."
        if let suggestion = Suggestion.closest(to: name, among: ids) { message += " Did you mean '#\(suggestion)'?" }
        return (destination, .error(message, at: location, length: 1))
    }
}
