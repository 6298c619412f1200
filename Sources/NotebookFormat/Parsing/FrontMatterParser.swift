import Diagnostics
import Yams

/// Reads the YAML front matter at the very top of a notebook.
///
/// The block opens with a `---` line on line 1 and closes with `---` or `...`.
/// YAML problems become diagnostics at the notebook line where libyaml found
/// them; an unclosed block is reported and the file is then read as Markdown
/// from its first line.
struct FrontMatterParser {
    /// Front matter nested deeper than this is reported rather than read.
    static let maximumDepth = 64

    let source: SourceText

    struct Result {
        var frontMatter = FrontMatter()
        /// The line of the closing `---`/`...`; nil when there is no front matter.
        var closingLine: Int?
        var diagnostics: [Diagnostic] = []
    }

    func parse() -> Result {
        var result = Result()
        guard source.lineCount >= 1, trimmedLine(1) == "---" else { return result }
        guard let closing = (2...max(2, source.lineCount)).first(where: { isClosingLine($0) }) else {
            result.diagnostics.append(.error(
                "Front matter is not closed: end it with a '---' line (or remove the '---' on line 1).",
                at: source.location(line: 1, byteColumn: 1), length: 3))
            return result
        }
        result.closingLine = closing
        result.frontMatter.range = source.range(source.fullRange(ofLine: 1).lowerBound..<source.contentRange(ofLine: closing).upperBound)
        let yaml = (2..<closing).map { source.text(ofLine: $0) }.joined(separator: "\n")
        do {
            guard let root = try Yams.compose(yaml: yaml) else { return result }
            guard case .mapping(let mapping) = root else {
                result.diagnostics.append(.error("Front matter must be a mapping of keys to values, such as 'title: …'.", at: location(root.mark)))
                return result
            }
            for (keyNode, valueNode) in mapping {
                let key = keyNode.scalar?.string ?? ""
                let entry = FrontMatter.Entry(key: key, value: value(of: valueNode, depth: 0, &result.diagnostics), location: location(keyNode.mark))
                result.frontMatter.values.append(entry)
                readKnownKey(entry, valueNode, into: &result)
            }
        } catch let error as YamlError {
            result.diagnostics.append(diagnostic(for: error))
        } catch {
            result.diagnostics.append(.error("Front matter could not be read: \(error)", at: source.location(line: 2, byteColumn: 1)))
        }
        return result
    }

    // MARK: - Lines

    private func trimmedLine(_ line: Int) -> String {
        var text = source.text(ofLine: line)
        while let last = text.unicodeScalars.last, last == " " || last == "\t" { text.unicodeScalars.removeLast() }
        return text
    }

    private func isClosingLine(_ line: Int) -> Bool {
        guard line <= source.lineCount else { return false }
        let text = trimmedLine(line)
        return text == "---" || text == "..."
    }

    /// A libyaml mark (line 1 = the line after the opening `---`) as a notebook location.
    private func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return source.location(line: 2, byteColumn: 1) }
        return SourceLocation(file: source.path, line: mark.line + 1, column: max(mark.column, 1))
    }

    // MARK: - Values

    private func value(of node: Node, depth: Int, _ diagnostics: inout [Diagnostic]) -> FrontMatterValue {
        guard depth < Self.maximumDepth else {
            diagnostics.append(.error("Front matter is nested more than \(Self.maximumDepth) levels deep.", at: location(node.mark)))
            return .null
        }
        switch node {
        case .scalar(let scalar):
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .null: return .null
            case .bool: return node.bool.map(FrontMatterValue.bool) ?? .string(scalar.string)
            case .int: return node.int.map(FrontMatterValue.int) ?? .string(scalar.string)
            case .float: return node.float.map(FrontMatterValue.double) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .sequence(let sequence):
            return .list(sequence.map { value(of: $0, depth: depth + 1, &diagnostics) })
        case .mapping(let mapping):
            return .mapping(mapping.map { (key: $0.key.scalar?.string ?? "", value: value(of: $0.value, depth: depth + 1, &diagnostics)) })
        case .alias:
            return .null
        }
    }

    // MARK: - The keys litbook uses

    private func readKnownKey(_ entry: FrontMatter.Entry, _ node: Node, into result: inout Result) {
        let valueLocation = location(node.mark)
        func fail(_ message: String) {
            result.diagnostics.append(.error(message, at: valueLocation, length: max(1, node.scalar?.string.unicodeScalars.count ?? 1)))
        }
        switch entry.key {
        case "title":
            guard let text = entry.value.scalarText else { return fail("'title' must be text.") }
            result.frontMatter.title = text
        case "seed":
            // Read the digits ourselves: a seed may exceed Int (PyTorch takes any 64-bit value).
            guard let scalar = node.scalar, Tag.Name(rawValue: node.tag.rawValue) == .int, let seed = UInt64(scalar.string) else {
                return fail("'seed' must be a non-negative integer, not '\(node.scalar?.string ?? "a list or mapping")'.")
            }
            result.frontMatter.seed = seed
        case "order":
            switch entry.value {
            case .int(let number): result.frontMatter.order = Double(number)
            case .double(let number) where number.isFinite: result.frontMatter.order = number
            default: fail("'order' must be a number, not '\(node.scalar?.string ?? "a list or mapping")'.")
            }
        case "lang":
            guard case .string(let text) = entry.value else { return fail("'lang' must be a language code such as 'en' or 'zh'.") }
            result.frontMatter.lang = text
        case "tab":
            guard case .string(let text) = entry.value, !text.isEmpty, text.utf8.allSatisfy(TabNames.isNameByte) else {
                return fail("'tab' must be a tab name such as 'pytorch'.")
            }
            result.frontMatter.tab = text
        default:
            break
        }
    }

    // MARK: - YAML errors

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return .error("Front matter is not valid YAML: \(problem).", at: location(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error("Front matter repeats the key \(keys).", at: location(context.mark))
        case .reader(let problem, _, _, _):
            return .error("Front matter could not be read: \(problem).", at: source.location(line: 2, byteColumn: 1))
        default:
            return .error("Front matter could not be read: \(error).", at: source.location(line: 2, byteColumn: 1))
        }
    }
}
