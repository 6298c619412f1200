/// What a fence's info string makes of the block.
enum FenceInfo: Equatable {
    /// ```` ```python ````: a code cell.
    case python
    /// ```` ```{.python .input n=3} ````: a d2lbook code cell.
    case d2lbook(attributes: [CodeCell.Attribute])
    /// ```` ```output ````: a recorded output.
    case output
    /// ```` ```{name} argument ````: a directive.
    case directive(name: String, argument: String?)
    /// Anything else: code that is shown, not run.
    case shown

    init(_ infoString: String) {
        let info = infoString.trimmingSpaces()
        let firstWord = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        if firstWord == "python" {
            self = .python
        } else if firstWord == "output" {
            self = .output
        } else if info.hasPrefix("{"), let close = info.firstIndex(of: "}") {
            let inside = info[info.index(after: info.startIndex)..<close]
            let tokens = inside.split(whereSeparator: { $0 == " " || $0 == "\t" })
            let rest = info[info.index(after: close)...].trimmingSpaces()
            if tokens.first?.hasPrefix(".") == true {
                guard tokens.contains(".python") else {
                    self = .shown
                    return
                }
                let attributes = tokens.compactMap { token -> CodeCell.Attribute? in
                    let parts = token.split(separator: "=", maxSplits: 1)
                    guard parts.count == 2 else { return nil }
                    return CodeCell.Attribute(key: String(parts[0]), value: String(parts[1]))
                }
                self = .d2lbook(attributes: attributes)
            } else if tokens.count == 1, let name = tokens.first, name.utf8.allSatisfy(TabNames.isNameByte) {
                self = .directive(name: String(name), argument: rest.isEmpty ? nil : rest)
            } else {
                self = .shown
            }
        } else {
            self = .shown
        }
    }

    var isCodeCell: Bool {
        switch self {
        case .python, .d2lbook: return true
        default: return false
        }
    }
}
