import Foundation
import OutputChecker

/// Compares text with a golden file in a test target's `Golden/` folder, or
/// re-records it. Shared by the test targets that keep golden files; each
/// records the returned problem as a test issue.
///
/// Set `LITBOOK_RECORD_GOLDEN=1` to rewrite the files from the current output;
/// the run then fails on purpose, so a re-recording is never mistaken for a
/// pass. A mismatch reads as a unified diff (`-` expected, `+` actual).
public struct GoldenFile {
    public static var isRecording: Bool {
        ProcessInfo.processInfo.environment["LITBOOK_RECORD_GOLDEN"] == "1"
    }

    /// The folder the relative paths start from.
    public let directory: URL

    /// The `Golden` folder beside `testFile` (pass `#filePath` of a file at the
    /// test target's top level).
    public init(besideTestFile testFile: String) {
        directory = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    /// Nil when `actual` is what the golden file holds; otherwise what is wrong.
    public func problem(with actual: String, against relativePath: String) -> String? {
        let file = directory.appendingPathComponent(relativePath)
        if Self.isRecording {
            do {
                try FileManager.default.createDirectory(
                    at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: file, atomically: true, encoding: .utf8)
                return "Re-recorded \(relativePath); unset LITBOOK_RECORD_GOLDEN to compare."
            } catch {
                return "Could not write \(relativePath): \(error)"
            }
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            return "Missing golden file \(relativePath); run with LITBOOK_RECORD_GOLDEN=1 to create it."
        }
        guard expected != actual else { return nil }
        let diff = LineDiff(old: expected, new: actual).unified(oldName: "expected", newName: "actual", context: 2)
        return "\(relativePath) differs:\n\(diff)"
    }
}
