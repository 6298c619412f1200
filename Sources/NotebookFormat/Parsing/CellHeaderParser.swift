import Diagnostics

/// Reads the header of a code cell: the `#| key: value` option lines and the
/// d2lbook `#@tab` line at its top, plus the `#@save` mark anywhere in it.
///
/// Bad values are errors and unknown keys warnings, each at the column of
/// what is wrong, so that a typo reads like a compiler message:
///
///     conv.md:12:4: warning: Unknown cell option 'tolerence'. Did you mean 'tolerance'?
struct CellHeaderParser {
    let path: String

    struct Header {
        var options = CellOptions()
        var tabs: [String]?
        var lineCount = 0
        var saves = false
        var diagnostics: [Diagnostic] = []
    }

    func parse(_ lines: [FenceReader.BodyLine], indent: Int) -> Header {
        var header = Header()
        var seenKeys: Set<String> = []
        for line in lines {
            let text = line.text
            if text.hasPrefix("#|") {
                parseOption(line, indent: indent, seenKeys: &seenKeys, into: &header)
            } else if text.hasPrefix("#@tab") {
                parseTabLine(line, indent: indent, into: &header)
            } else {
                break
            }
            header.lineCount += 1
        }
        header.saves = lines.contains { hasSaveMark($0.text) }
        return header
    }

    // MARK: - #@save

    /// Whether a line carries d2lbook's `#@save` mark (`# @save` after a formatter).
    private func hasSaveMark(_ line: String) -> Bool {
        let bytes = Array(line.utf8)
        guard let hash = bytes.firstIndex(of: UInt8(ascii: "#")) else { return false }
        for start in bytes[hash...].indices where bytes[start] == UInt8(ascii: "#") {
            var index = start + 1
            if index < bytes.count, bytes[index] == .space { index += 1 }
            if bytes[index...].starts(with: "@save".utf8) { return true }
        }
        return false
    }

    // MARK: - #@tab

    private func parseTabLine(_ line: FenceReader.BodyLine, indent: Int, into header: inout Header) {
        let location = SourceLocation(file: path, line: line.line, column: 1 + indent)
        guard header.tabs == nil else {
            header.diagnostics.append(.error("A cell takes one '#@tab' line; this is a second one.", at: location, length: 5))
            return
        }
        let names = line.text.dropFirst("#@tab".count)
        guard names.first.map({ $0 == " " || $0 == "\t" }) ?? false, let tabs = TabNames.parseList(names) else {
            header.diagnostics.append(.error(
                "'#@tab' must name the tabs of the cell, such as '#@tab pytorch', '#@tab mxnet, pytorch' or '#@tab all'.",
                at: location, length: line.text.unicodeScalars.count))
            return
        }
        header.tabs = tabs
    }

    // MARK: - #| options

    private func parseOption(_ line: FenceReader.BodyLine, indent: Int, seenKeys: inout Set<String>, into header: inout Header) {
        let scalars = Array(line.text.unicodeScalars)
        // Column (1-based, in the notebook) of the scalar at `index` in this line.
        func location(_ index: Int) -> SourceLocation {
            SourceLocation(file: path, line: line.line, column: index + 1 + indent)
        }
        var keyStart = 2
        while keyStart < scalars.count, scalars[keyStart] == " " || scalars[keyStart] == "\t" { keyStart += 1 }
        guard let colon = scalars[keyStart...].firstIndex(of: ":") else {
            header.diagnostics.append(.error("A cell option line must read '#| key: value'.", at: location(0), length: scalars.count))
            return
        }
        let key = String(String.UnicodeScalarView(scalars[keyStart..<colon])).trimmingSpaces()
        var valueStart = colon + 1
        while valueStart < scalars.count, scalars[valueStart] == " " || scalars[valueStart] == "\t" { valueStart += 1 }
        let value = String(String.UnicodeScalarView(scalars[valueStart...])).trimmingSpaces()
        let keyLocation = location(keyStart)
        let valueLocation = location(valueStart)
        let valueLength = max(1, value.unicodeScalars.count)

        guard !key.isEmpty else {
            header.diagnostics.append(.error("A cell option line must read '#| key: value'.", at: location(0), length: scalars.count))
            return
        }
        guard CellOptions.knownKeys.contains(key) else {
            var message = "Unknown cell option '\(key)'."
            if let suggestion = closestKnownKey(to: key) { message += " Did you mean '\(suggestion)'?" }
            header.diagnostics.append(.warning(message, at: keyLocation, length: key.unicodeScalars.count))
            return
        }
        guard seenKeys.insert(key).inserted else {
            header.diagnostics.append(.error("Cell option '\(key)' is given twice.", at: keyLocation, length: key.unicodeScalars.count))
            return
        }
        switch CellOptionValue.parse(key: key, value: value, into: &header.options) {
        case .success:
            break
        case .failure(let problem):
            header.diagnostics.append(.error(problem.message, at: valueLocation, length: valueLength))
        }
    }

    /// The known key at edit distance 1 or 2 from `key`, for "did you mean".
    private func closestKnownKey(to key: String) -> String? {
        let candidates = CellOptions.knownKeys.map { ($0, editDistance(Array(key.lowercased()), Array($0))) }
        guard let best = candidates.min(by: { $0.1 < $1.1 }), best.1 <= 2 else { return nil }
        return best.0
    }

    private func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
