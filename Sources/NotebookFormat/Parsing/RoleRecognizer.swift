/// Turns d2lbook roles in prose into `role` nodes.
///
/// cmark reads ``:numref:`fig_x` `` as the text `:numref:` followed by the code
/// span `fig_x`; this pass joins the two into `role(numref, fig_x)` so that the
/// site builder can resolve labels and references instead of printing them.
/// `:end_tab:` takes no argument and stands alone.
struct RoleRecognizer {
    /// Roles written without a backtick argument, as `:name:` byte strings.
    static let bareRoles = ["end_tab"]
    private static let bareMarkers = bareRoles.map { (name: $0, marker: Array(":\($0):".utf8)) }

    let source: SourceText

    func recognize(_ nodes: [DraftNode]) -> [DraftNode] {
        var result: [DraftNode] = []
        var index = 0
        while index < nodes.count {
            let node = nodes[index]
            guard case .text(let text) = node.kind else {
                result.append(node)
                index += 1
                continue
            }
            if index + 1 < nodes.count, case .inlineCode(let argument) = nodes[index + 1].kind,
                let name = trailingRoleName(text)
            {
                let marker = ":\(name):"
                let prefix = String(text.utf8.dropLast(marker.utf8.count)) ?? ""
                let roleStart = mapsOneToOne(node) ? node.bytes.upperBound - marker.utf8.count : node.bytes.lowerBound
                result.append(contentsOf: splitBareRoles(DraftNode(.text(prefix), bytes: node.bytes.lowerBound..<roleStart)))
                result.append(DraftNode(.role(name: name, argument: argument), bytes: roleStart..<nodes[index + 1].bytes.upperBound))
                index += 2
            } else {
                result.append(contentsOf: splitBareRoles(node))
                index += 1
            }
        }
        return result.filter { node in
            if case .text(let text) = node.kind { return !text.isEmpty }
            return true
        }
    }

    // MARK: - Roles with an argument

    /// The name in a `:name:` that ends `text`, when it is a role marker: a
    /// letter, then letters, digits, `_` or `-`, with no letter or digit before
    /// the opening colon (so `a:b:` is not a role).
    private func trailingRoleName(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 3, bytes[bytes.count - 1] == UInt8(ascii: ":") else { return nil }
        var start = bytes.count - 2
        while start >= 0, isNameByte(bytes[start]) { start -= 1 }
        guard start >= 0, bytes[start] == UInt8(ascii: ":"), start + 1 < bytes.count - 1,
            bytes[start + 1].isASCIILetter
        else { return nil }
        if start > 0, bytes[start - 1].isASCIILetter || bytes[start - 1].isASCIIDigit { return nil }
        return String(decoding: bytes[(start + 1)..<(bytes.count - 1)], as: UTF8.self)
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        byte.isASCIILetter || byte.isASCIIDigit || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    // MARK: - Bare roles

    /// Splits `:end_tab:` out of a text node.
    private func splitBareRoles(_ node: DraftNode) -> [DraftNode] {
        guard case .text(let text) = node.kind else { return [node] }
        let bytes = Array(text.utf8)
        let exact = mapsOneToOne(node)
        var result: [DraftNode] = []
        var segmentStart = 0
        var index = 0
        while index < bytes.count {
            guard let name = bareRole(in: bytes, at: index) else {
                index += 1
                continue
            }
            let length = name.utf8.count + 2
            let start = exact ? node.bytes.lowerBound + index : node.bytes.lowerBound
            let end = exact ? start + length : node.bytes.upperBound
            let segmentSource = exact ? node.bytes.lowerBound + segmentStart : node.bytes.lowerBound
            result.append(DraftNode(.text(String(decoding: bytes[segmentStart..<index], as: UTF8.self)), bytes: segmentSource..<start))
            result.append(DraftNode(.role(name: name, argument: nil), bytes: start..<end))
            index += length
            segmentStart = index
        }
        guard !result.isEmpty else { return [node] }
        let tailStart = exact ? node.bytes.lowerBound + segmentStart : node.bytes.upperBound
        result.append(DraftNode(.text(String(decoding: bytes[segmentStart...], as: UTF8.self)), bytes: tailStart..<node.bytes.upperBound))
        return result
    }

    /// The bare role written at `index`, if one is, standing on its own (no
    /// letter or digit right before or after it).
    private func bareRole(in bytes: [UInt8], at index: Int) -> String? {
        guard bytes[index] == UInt8(ascii: ":") else { return nil }
        if index > 0, bytes[index - 1].isASCIILetter || bytes[index - 1].isASCIIDigit { return nil }
        for (name, marker) in Self.bareMarkers {
            guard index + marker.count <= bytes.count, bytes[index..<(index + marker.count)].elementsEqual(marker) else { continue }
            let after = index + marker.count
            if after < bytes.count, bytes[after].isASCIILetter || bytes[after].isASCIIDigit || bytes[after] == UInt8(ascii: "`") {
                continue
            }
            return name
        }
        return nil
    }

    /// Whether the text's literal is exactly its source bytes (no escapes or
    /// entities), so offsets in the literal are offsets in the source.
    private func mapsOneToOne(_ node: DraftNode) -> Bool {
        guard case .text(let text) = node.kind, node.bytes.upperBound <= source.bytes.count else { return false }
        return source.bytes[node.bytes].elementsEqual(text.utf8)
    }
}
