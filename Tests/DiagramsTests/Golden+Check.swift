import GoldenFiles
import Testing

/// `Golden/` beside this file; a mismatch is a test issue at the caller.
enum Golden {
    static let files = GoldenFile(besideTestFile: #filePath)

    static func check(_ actual: String, against relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if let problem = files.problem(with: actual, against: relativePath) {
            Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
        }
    }
}
