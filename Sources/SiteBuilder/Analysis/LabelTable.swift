import Diagnostics

/// Every label of the course, from every page: d2l labels are global, so a
/// lesson can `:numref:` a figure of another lesson.
struct LabelTable {
    private(set) var targets: [String: LabelTarget] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    /// Collects the labels of all pages (in course order); a label defined twice is
    /// an error at the second definition, with a note at the first.
    init(_ analyses: [PageAnalysis]) {
        for analysis in analyses {
            for label in analysis.labels {
                if let first = targets[label.name] {
                    diagnostics.append(
                        Diagnostic(
                            .error, "The label '\(label.name)' is already defined.", at: label.location,
                            length: label.name.unicodeScalars.count,
                            notes: [Diagnostic(.note, "'\(label.name)' is first defined here.", at: first.location)]))
                } else {
                    targets[label.name] = label
                }
            }
        }
    }

    subscript(name: String) -> LabelTarget? { targets[name] }

    /// The error for a reference to a label that does not exist, with the closest
    /// label as a suggestion when one is near.
    func unknownLabel(_ name: String, role: String, at location: SourceLocation, length: Int) -> Diagnostic {
        var message = "The \(role) reference names the label '\(name)', which no page defines."
        if let suggestion = Suggestion.closest(to: name, among: targets.keys) {
            message += " Did you mean '\(suggestion)'?"
        }
        return .error(message, at: location, length: length)
    }
}

/// "Did you mean …?": the closest candidate by edit distance, when it is close.
enum Suggestion {
    static func closest<S: Sequence>(to word: String, among candidates: S) -> String? where S.Element == String {
        let target = Array(word.unicodeScalars)
        guard !target.isEmpty, target.count <= 200 else { return nil }
        let limit = max(1, target.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates.sorted() {
            let scalars = Array(candidate.unicodeScalars)
            guard abs(scalars.count - target.count) <= limit, scalars.count <= 200 else { continue }
            let distance = editDistance(target, scalars)
            if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// Levenshtein distance between two short scalar arrays.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
