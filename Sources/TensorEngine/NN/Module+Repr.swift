/// PyTorch's `nn.Module.__repr__`: the class name, then either the one-line
/// `extra_repr` in parentheses or one indented line per setting and child.
///
///     Sequential(
///       (0): Linear(in_features=2, out_features=3, bias=True)
///       (1): ReLU()
///     )
extension Module: CustomStringConvertible {
    public var description: String { repr() }

    /// The repr; `childRepr` may supply a submodule's text (the bindings use
    /// it for Python subclasses with their own `__repr__`), nil meaning the
    /// default.
    public func repr(childRepr: ((Module) -> String?)? = nil) -> String {
        let extraLines =
            extraRepr.isEmpty ? [] : extraRepr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var childLines: [String] = []
        for slot in childSlots {
            let text = slot.item.map { childRepr?($0) ?? $0.repr(childRepr: childRepr) } ?? "None"
            childLines.append("(\(slot.name)): " + Self.indentingFollowingLines(text, by: 2))
        }
        let lines = extraLines + childLines
        var text = typeName + "("
        if !lines.isEmpty {
            if extraLines.count == 1 && childLines.isEmpty {
                text += extraLines[0]
            } else {
                text += "\n  " + lines.joined(separator: "\n  ") + "\n"
            }
        }
        return text + ")"
    }

    /// PyTorch's `_addindent`: every line but the first moves right.
    static func indentingFollowingLines(_ text: String, by count: Int) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > 1 else { return text }
        let padding = String(repeating: " ", count: count)
        return lines[0] + "\n" + lines.dropFirst().map { padding + $0 }.joined(separator: "\n")
    }
}
