import Testing

@testable import SiteBuilder

/// Hostile and random input: the renderer must neither trap nor emit broken markup.
@Suite struct MathRobustnessTests {
    static let hostileInputs: [String] = [
        String(repeating: "{", count: 10_000),
        String(repeating: "}", count: 10_000),
        String(repeating: #"\sqrt"#, count: 5_000) + "x",
        String(repeating: #"\not"#, count: 5_000) + "=",
        String(repeating: "x^", count: 5_000),
        String(repeating: #"\left("#, count: 5_000),
        String(repeating: #"\begin{matrix}"#, count: 2_000),
        String(repeating: #"\text{"#, count: 5_000),
        String(repeating: #"\text{$"#, count: 3_000),
        String(repeating: #"\frac"#, count: 5_000),
        "x_a" + String(repeating: "_b", count: 10_000),
        "x" + String(repeating: "'", count: 10_000),
        String(repeating: #"\mathbf"#, count: 5_000) + "x",
        String(repeating: #"\hat"#, count: 5_000) + "x",
        String(repeating: #"\sqrt["#, count: 5_000),
        String(repeating: "a \\over ", count: 2_000),
        String(repeating: "a & b \\\\ ", count: 2_000),
        String(repeating: #"\operatorname{"#, count: 3_000),
        String(repeating: #"\big"#, count: 1_000),
        #"\kern99999999999999999999999999em \hspace{-1e308pt}"#,
        "\\", "^", "_", "&", "$", "%", "'", "\u{0}", "",
    ]

    @Test(arguments: hostileInputs.indices)
    func hostileInputRendersBalancedMarkup(_ index: Int) {
        let tex = Self.hostileInputs[index]
        for display in [false, true] {
            let rendering = MathRenderer.render(tex, display: display)
            #expect(MarkupBalance.check(rendering.markup) == nil)
        }
    }

    @Test func deepNestingIsReportedNotFollowed() {
        let rendering = MathRenderer.render(String(repeating: "{", count: 500) + "x", display: false)
        #expect(rendering.warnings.contains { $0.message.contains("nested more than 64 levels") })
    }

    /// Random strings of TeX fragments from a fixed seed (reproducible).
    @Test func randomFragmentsNeverBreakTheMarkup() {
        let fragments = [
            "x", "12", "{", "}", "^", "_", "'", "&", #"\\"#, #"\frac"#, #"\sqrt"#, "[", "]", #"\left("#,
            #"\right)"#, #"\middle|"#, #"\begin{aligned}"#, #"\end{aligned}"#, #"\begin{pmatrix}"#,
            #"\end{pmatrix}"#, #"\text{"#, "$", #"\mathbf"#, #"\sum"#, #"\limits"#, #"\tag{1}"#, #"\over"#,
            #"\hline"#, #"\not"#, #"\color{red}"#, #"\displaystyle"#, #"\operatorname*"#, #"\big"#, "(",
            ")", "+", "-", "=", "<", ">", " ", "\n", "%", "~", #"\,"#, #"\foo"#, "α", "。", #"\substack"#,
            #"\underbrace"#, #"\xrightarrow"#, #"\binom"#, #"\bf"#, #"\array"#, #"\begin{array}{c|l}"#,
            #"\end{array}"#, #"\begin{cases}"#, #"\end{cases}"#,
        ]
        var generator = SplitMix64(seed: 0x5EED)
        for _ in 0..<3_000 {
            let length = Int(generator.next() % 24)
            var tex = ""
            for _ in 0..<length {
                tex += fragments[Int(generator.next() % UInt64(fragments.count))]
            }
            let display = generator.next() % 2 == 0
            let rendering = MathRenderer.render(tex, display: display)
            if let problem = MarkupBalance.check(rendering.markup) {
                Issue.record("\(problem) for input \(tex.debugDescription)")
                return
            }
        }
    }
}

/// A tiny deterministic random generator for fuzzing (SplitMix64).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Checks that MathML output is well formed: every element closed in order, text and
/// attributes escaped (no raw `<`, `>`, stray `&`), one `<math>` root.
enum MarkupBalance {
    /// nil when well formed, else what is wrong.
    static func check(_ markup: String) -> String? {
        guard markup.hasPrefix("<math"), markup.hasSuffix("</math>") else { return "not one <math> element" }
        var stack: [String] = []
        var index = markup.startIndex
        while index < markup.endIndex {
            if markup[index] == "<" {
                guard let close = markup[index...].firstIndex(of: ">") else { return "unterminated tag" }
                let tag = markup[markup.index(after: index)..<close]
                if tag.hasPrefix("/") {
                    let name = String(tag.dropFirst())
                    guard stack.popLast() == name else { return "unexpected </\(name)>" }
                } else {
                    let name = String(tag.prefix { $0 != " " })
                    if tag.contains("<") { return "'<' inside a tag" }
                    if let problem = checkEntities(String(tag)) { return problem }
                    stack.append(name)
                }
                index = markup.index(after: close)
                if stack.isEmpty, index < markup.endIndex { return "content after </math>" }
            } else {
                let next = markup[index...].firstIndex(of: "<") ?? markup.endIndex
                let text = String(markup[index..<next])
                if text.contains(">") { return "raw '>' in text" }
                if let problem = checkEntities(text) { return problem }
                index = next
            }
        }
        return stack.isEmpty ? nil : "unclosed <\(stack.last ?? "")>"
    }

    private static func checkEntities(_ text: String) -> String? {
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            let after = rest[rest.index(after: ampersand)...]
            let valid =
                ["amp;", "lt;", "gt;", "quot;"].contains { after.hasPrefix($0) }
                || (after.hasPrefix("#x") && after.dropFirst(2).prefix { $0 != ";" }.allSatisfy(\.isHexDigit))
            if !valid { return "stray '&' in \(text.prefix(40))" }
            rest = after
        }
        return nil
    }
}
