/// Makes a figure's SVG safe to place in a page: its ids must not collide with
/// the page's other ids (two figures drawn with the same id prefix, a heading
/// whose slug equals a figure id).
///
/// Diagrams scopes every id and CSS rule of a figure by one prefix (the root
/// `<svg id>`), so renaming the prefix wherever it stands as a whole token
/// (after `"`, `#` or a space) renames the figure consistently.
enum SVGEmbedding {
    /// The SVG with its ids claimed on the page, its prefix renamed when needed.
    static func embed(_ svg: String, ids: inout AnchorAllocator) -> String {
        let found = idValues(in: svg)
        guard let prefix = found.first else { return svg }
        if found.allSatisfy({ !ids.isUsed($0) }) && Set(found).count == found.count {
            for id in found { _ = ids.claim(exactly: id) }
            return svg
        }
        var newPrefix = ids.claim(exactly: prefix)
        var renamed = rename(prefix, to: newPrefix, in: svg)
        var renamedIDs = idValues(in: renamed).dropFirst()
        var attempts = 0
        while renamedIDs.contains(where: ids.isUsed), attempts < 100 {
            // A suffixed id of the figure is taken too: move the whole figure on.
            // (Bounded: an id that does not carry the prefix cannot be moved.)
            attempts += 1
            newPrefix = ids.claim(exactly: prefix)
            renamed = rename(prefix, to: newPrefix, in: svg)
            renamedIDs = idValues(in: renamed).dropFirst()
        }
        for id in renamedIDs { _ = ids.claim(exactly: id) }
        return renamed
    }

    /// The values of every `id="…"` attribute, in order.
    static func idValues(in svg: String) -> [String] {
        var ids: [String] = []
        var rest = svg[...]
        while let open = rest.range(of: " id=\"") {
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: "\"") else { break }
            ids.append(String(rest[..<close]))
            rest = rest[close...]
        }
        return ids
    }

    /// Replaces `prefix` where it is a whole id token: after `"`, `#` or a space and
    /// not followed by a letter, digit or `_` (so `-title` suffixes follow it).
    static func rename(_ prefix: String, to newPrefix: String, in svg: String) -> String {
        guard !prefix.isEmpty else { return svg }
        let text = Array(svg.unicodeScalars)
        let pattern = Array(prefix.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < text.count {
            if index > 0, ["\"", "#", " "].contains(text[index - 1]), matches(pattern, in: text, at: index) {
                let after = index + pattern.count
                if after >= text.count || !isIDContinuation(text[after]) {
                    result.append(contentsOf: newPrefix.unicodeScalars)
                    index = after
                    continue
                }
            }
            result.append(text[index])
            index += 1
        }
        return String(result)
    }

    private static func matches(_ pattern: [Unicode.Scalar], in text: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + pattern.count <= text.count else { return false }
        for offset in pattern.indices where text[index + offset] != pattern[offset] { return false }
        return true
    }

    private static func isIDContinuation(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }
}
