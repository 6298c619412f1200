import Foundation
import Testing
import TorchBindings

/// The reference notebooks in ../shared (PyTorch-recorded), when present.
/// A fresh clone has no ../shared; these tests then do not run.
enum SharedCorpus {
    static let conformance = "/work/shared/conformance"
    static let lessons = "/work/shared/d2l"
    static var isPresent: Bool { FileManager.default.fileExists(atPath: conformance) }
}

@Suite(.enabled(if: SharedCorpus.isPresent))
struct SharedCorpusTests {
    static func notebooks(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".md") && $0 != "README.md" && !$0.hasPrefix("lenet") }.sorted().map {
            "\(directory)/\($0)"
        }
    }

    @Test(arguments: notebooks(in: SharedCorpus.conformance) + notebooks(in: SharedCorpus.lessons))
    func notebookMatchesPyTorch(path: String) throws {
        let (checked, mismatches) = try NotebookFixture(path: path).run(in: TorchSession())
        #expect(checked > 0 || path.contains("why-conv"))
        for mismatch in mismatches { Issue.record("\(path) \(mismatch)") }
    }
}
