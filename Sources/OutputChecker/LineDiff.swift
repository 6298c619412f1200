/// A line diff in unified format, as `diff -u` prints it: what a course author
/// reads to see how a cell's output changed.
///
///     LineDiff(old: "a\nb\nc", new: "a\nB\nc").unified(oldName: "recorded", newName: "actual")
///     // --- recorded
///     // +++ actual
///     // @@ -1,3 +1,3 @@
///     //  a
///     // -b
///     // +B
///     //  c
public struct LineDiff: Sendable {
    enum Edit: Equatable {
        case keep(Int, Int)  // old index, new index
        case delete(Int)
        case insert(Int)
    }

    let old: [Substring]
    let new: [Substring]
    let edits: [Edit]

    public init(old: String, new: String) {
        self.old = old.isEmpty ? [] : old.split(separator: "\n", omittingEmptySubsequences: false)
        self.new = new.isEmpty ? [] : new.split(separator: "\n", omittingEmptySubsequences: false)
        self.edits = LineDiff.shortestEdits(self.old, self.new)
    }

    public var isEmpty: Bool { edits.allSatisfy { if case .keep = $0 { true } else { false } } }

    /// The diff with `context` unchanged lines around each change.
    public func unified(oldName: String, newName: String, context: Int = 3) -> String {
        var lines = ["--- \(oldName)", "+++ \(newName)"]
        for hunk in hunks(context: context) {
            lines.append(contentsOf: hunk)
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Hunks

    private func hunks(context: Int) -> [[String]] {
        let changed = edits.indices.filter { if case .keep = edits[$0] { false } else { true } }
        guard !changed.isEmpty else { return [] }
        // Group changes whose context windows touch.
        var groups: [ClosedRange<Int>] = []
        for index in changed {
            let window = max(0, index - context)...min(edits.count - 1, index + context)
            if let last = groups.last, window.lowerBound <= last.upperBound + 1 {
                groups[groups.count - 1] = last.lowerBound...max(last.upperBound, window.upperBound)
            } else {
                groups.append(window)
            }
        }
        return groups.map(hunk)
    }

    private func hunk(_ range: ClosedRange<Int>) -> [String] {
        var body: [String] = []
        var oldStart: Int?, newStart: Int?
        var oldCount = 0, newCount = 0
        // Positions where the hunk begins, for hunks that only insert or only delete.
        var oldCursor = 0, newCursor = 0
        for edit in edits[..<range.lowerBound] {
            switch edit {
            case .keep: oldCursor += 1; newCursor += 1
            case .delete: oldCursor += 1
            case .insert: newCursor += 1
            }
        }
        for edit in edits[range] {
            switch edit {
            case .keep(let o, let n):
                oldStart = oldStart ?? o; newStart = newStart ?? n
                oldCount += 1; newCount += 1
                body.append(" " + old[o])
            case .delete(let o):
                oldStart = oldStart ?? o
                oldCount += 1
                body.append("-" + old[o])
            case .insert(let n):
                newStart = newStart ?? n
                newCount += 1
                body.append("+" + new[n])
            }
        }
        // diff -u numbers an empty side by the line before it.
        let oldFirst = oldCount == 0 ? oldCursor : (oldStart ?? oldCursor) + 1
        let newFirst = newCount == 0 ? newCursor : (newStart ?? newCursor) + 1
        return ["@@ -\(Self.span(oldFirst, oldCount)) +\(Self.span(newFirst, newCount)) @@"] + body
    }

    private static func span(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(start),\(count)"
    }

    // MARK: - Myers' algorithm

    /// The shortest edit script (Myers 1986), O((n + m)·d) time: outputs are
    /// usually equal but for a few lines, and can be thousands of lines long.
    static func shortestEdits(_ a: [Substring], _ b: [Substring]) -> [Edit] {
        let n = a.count, m = b.count
        let maxD = n + m
        guard maxD > 0 else { return [] }
        let offset = maxD + 1
        var v = [Int](repeating: 0, count: 2 * maxD + 3)
        var trace: [[Int]] = []
        search: for d in 0...maxD {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1]
                } else {
                    x = v[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n, y >= m { break search }
            }
        }
        // Walk the trace backwards to recover the path.
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                edits.append(.keep(x, y))
            }
            if d > 0 {
                if x == previousX {
                    y -= 1
                    edits.append(.insert(y))
                } else {
                    x -= 1
                    edits.append(.delete(x))
                }
            }
        }
        return edits.reversed()
    }
}
