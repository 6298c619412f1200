extension StringProtocol {
    /// The text without leading and trailing spaces and tabs. Native and cheap:
    /// Foundation's `trimmingCharacters(in:)` showed up in profiles of the parser.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
