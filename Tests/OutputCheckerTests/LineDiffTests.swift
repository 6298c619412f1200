import Testing

@testable import OutputChecker

/// Expected hunks were produced by GNU `diff -u` on the same inputs.
@Suite struct LineDiffTests {
    private func body(_ old: String, _ new: String) -> String {
        LineDiff(old: old, new: new).unified(oldName: "recorded", newName: "actual")
            .split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n")
    }

    @Test func changeNearTheStartAndAnAppendedLineMakeTwoHunks() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj"
        let new = "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk"
        #expect(body(old, new) == """
            @@ -1,5 +1,5 @@
             a
            -b
            +B
             c
             d
             e
            @@ -8,3 +8,4 @@
             h
             i
             j
            +k
            """)
    }

    @Test func insertionIntoAndDeletionToEmpty() {
        #expect(body("", "x\ny") == "@@ -0,0 +1,2 @@\n+x\n+y")
        #expect(body("x\ny", "") == "@@ -1,2 +0,0 @@\n-x\n-y")
    }

    @Test func distantChangesStaySeparate() {
        let old = (1...20).map(String.init).joined(separator: "\n")
        let new = old.replacingOccurrences(of: "\n3\n", with: "\nthree\n").replacingOccurrences(of: "\n18\n", with: "\neighteen\n")
        #expect(body(old, new) == """
            @@ -1,6 +1,6 @@
             1
             2
            -3
            +three
             4
             5
             6
            @@ -15,6 +15,6 @@
             15
             16
             17
            -18
            +eighteen
             19
             20
            """)
    }

    @Test func equalTextsHaveNoHunks() {
        let diff = LineDiff(old: "same\ntext", new: "same\ntext")
        #expect(diff.isEmpty)
        #expect(diff.unified(oldName: "a", newName: "b") == "--- a\n+++ b")
    }

    @Test func aLongOutputWithOneChangedDigitIsOneSmallHunk() {
        let old = (0..<5000).map { "row \($0)" }.joined(separator: "\n")
        let new = old.replacingOccurrences(of: "row 2500\n", with: "row X\n")
        let text = body(old, new)
        #expect(text.hasPrefix("@@ -2498,7 +2498,7 @@"))
        #expect(text.split(separator: "\n").count == 9)
    }
}
