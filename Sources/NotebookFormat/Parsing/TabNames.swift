import Foundation

/// Tab names as d2lbook writes them: in `#@tab` lines, `:begin_tab:` roles and
/// the `tabs = …` line of a book's `config.ini`.
enum TabNames {
    static func isNameByte(_ byte: UInt8) -> Bool {
        byte.isASCIILetter || byte.isASCIIDigit || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// `"mxnet, pytorch"` → `["mxnet", "pytorch"]`; nil when empty or when a name
    /// holds anything but letters, digits, `_` and `-`.
    static func parseList(_ text: some StringProtocol) -> [String]? {
        let names = text.split(separator: ",").map { $0.trimmingSpaces() }
        guard !names.isEmpty, names.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(isNameByte) }) else { return nil }
        return names
    }

    /// The first tab of the `tabs = …` line in the text of a `config.ini`: the
    /// tab that d2lbook gives to cells without a `#@tab` line.
    static func defaultTab(configText: String) -> String? {
        for line in configText.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingSpaces() == "tabs" else { continue }
            return parseList(parts[1])?.first
        }
        return nil
    }

    /// The default tab from a `config.ini` in the notebook's directory, if there is one.
    static func defaultTab(besideNotebookAt url: URL) -> String? {
        let config = url.deletingLastPathComponent().appendingPathComponent("config.ini")
        guard let data = FileManager.default.contents(atPath: config.path) else { return nil }
        return defaultTab(configText: String(decoding: data, as: UTF8.self))
    }
}
