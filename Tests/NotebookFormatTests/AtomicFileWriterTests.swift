import Foundation
import Testing

@testable import NotebookFormat

/// Temp file + rename: contents, permissions, links, failures.
@Suite struct AtomicFileWriterTests {
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("litbook-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func permissions(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func replacesContentsAndKeepsPermissions() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("lesson.md").path
        try "old\n".write(toFile: file, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file)

        try AtomicFileWriter.write("新的\r\n内容", toFileAt: file)

        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == Data("新的\r\n内容".utf8))
        #expect(try permissions(file) == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["lesson.md"])
    }

    @Test func createsAMissingFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("new.md").path
        try AtomicFileWriter.write("x", toFileAt: file)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "x")
    }

    @Test func followsASymbolicLink() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("target.md").path
        let link = directory.appendingPathComponent("link.md").path
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)

        try AtomicFileWriter.write("new", toFileAt: link)

        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    }

    @Test func aMissingDirectoryThrowsAndLeavesNothing() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("no/such/dir/x.md").path
        #expect(throws: AtomicFileWriter.WriteError.self) { try AtomicFileWriter.write("x", toFileAt: file) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func parseRewriteWriteReadBack() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("lesson.md")
        try Fixtures.text("rewrite/lesson.md").write(to: file, atomically: false, encoding: .utf8)
        let notebook = try NotebookParser().parse(contentsOf: file)
        try AtomicFileWriter.write(try OutputRewriter.rewrite(notebook, applying: [OutputEdit(cellIndex: 2, output: "a\tb  ")]), toFileAt: file.path)
        let reread = try NotebookParser().parse(contentsOf: file)
        #expect(reread.codeCells[1].output?.text == "a\tb  ")
        #expect(reread.path == file.path)
    }
}
