import Foundation
import NotebookFormat

/// Finds and orders the notebooks of a course.
///
/// Arguments may be files or folders; a folder contributes every `.md` file below
/// it. Notebooks run in course order: by front matter `order` when given, then
/// by path, so `#@save` definitions of an earlier lesson exist for later ones.
public enum CourseSources {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notFound(String)
        case notMarkdown(String)
        case unreadable(String, String)

        public var description: String {
            switch self {
            case .notFound(let path): "\(path): no such file or directory"
            case .notMarkdown(let path): "\(path): not a Markdown notebook (expected a .md file)"
            case .unreadable(let path, let reason): "\(path): cannot be read: \(reason)"
            }
        }
    }

    /// The `.md` files named by `paths`, each once, in the order given, folders
    /// expanded in sorted order. Hidden files and folders are skipped.
    public static func notebookPaths(_ paths: [String]) throws -> [String] {
        var found: [String] = []
        var seen = Set<String>()
        let files = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: path, isDirectory: &isDirectory) else { throw Failure.notFound(path) }
            if isDirectory.boolValue {
                let base = path.hasSuffix("/") ? String(path.dropLast()) : path
                guard let walker = files.enumerator(atPath: path) else { throw Failure.unreadable(path, "cannot list it") }
                var inside: [String] = []
                while let relative = walker.nextObject() as? String {
                    if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                    if relative.hasSuffix(".md") { inside.append(base + "/" + relative) }
                }
                for file in inside.sorted() where seen.insert(file).inserted { found.append(file) }
            } else {
                guard path.hasSuffix(".md") else { throw Failure.notMarkdown(path) }
                if seen.insert(path).inserted { found.append(path) }
            }
        }
        return found
    }

    /// Parses the notebooks and puts them in course order (front matter `order`,
    /// then path; notebooks without `order` come after those with one).
    public static func load(_ paths: [String], parser: NotebookParser = NotebookParser()) throws -> [Notebook] {
        let notebooks = try notebookPaths(paths).map { path in
            do {
                return try parser.parse(contentsOf: URL(fileURLWithPath: path), path: path)
            } catch {
                throw Failure.unreadable(path, "\(error)")
            }
        }
        return notebooks.sorted { a, b in
            switch (a.frontMatter.order, b.frontMatter.order) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.path < b.path
            }
        }
    }
}
