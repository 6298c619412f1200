import Foundation

/// Writes a rendered site to disk and compares one with what is on disk.
///
/// The writer owns the files it wrote: it lists them in `.litbook-files` in the
/// site directory and, on the next write, removes those the new site no longer
/// has (and directories that became empty). Files it did not write are never
/// removed. Each file is replaced atomically (written beside, then renamed), and
/// a file whose bytes did not change is not touched.
public enum SiteWriter {
    /// The list of files the last write produced, one site path per line.
    public static let manifestName = ".litbook-files"

    public enum WriteError: Error, CustomStringConvertible {
        case unsafePath(String)
        case cannotWrite(String, reason: String)

        public var description: String {
            switch self {
            case .unsafePath(let path): return "The site path \(path) would leave the site directory."
            case .cannotWrite(let path, let reason): return "Cannot write \(path): \(reason)"
            }
        }
    }

    public static func write(_ site: RenderedSite, to directory: URL) throws {
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw WriteError.cannotWrite(directory.path, reason: error.localizedDescription)
        }
        let previous = ownedFiles(in: directory)
        for path in site.paths {
            guard isSafe(path) else { throw WriteError.unsafePath(path) }
            let bytes = site.files[path] ?? []
            let url = directory.appendingPathComponent(path)
            if let existing = fileManager.contents(atPath: url.path), [UInt8](existing) == bytes { continue }
            do {
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url, options: .atomic)
            } catch {
                throw WriteError.cannotWrite(url.path, reason: error.localizedDescription)
            }
        }
        for stale in previous.subtracting(site.files.keys).sorted() where isSafe(stale) {
            let url = directory.appendingPathComponent(stale)
            try? fileManager.removeItem(at: url)
            removeEmptyDirectories(from: url.deletingLastPathComponent(), upTo: directory)
        }
        let manifest = site.paths.joined(separator: "\n") + "\n"
        do {
            try Data(manifest.utf8).write(to: directory.appendingPathComponent(manifestName), options: .atomic)
        } catch {
            throw WriteError.cannotWrite(manifestName, reason: error.localizedDescription)
        }
    }

    /// What differs between `site` and `directory`, one line per file, sorted:
    /// `index.html: missing`, `conv.html: differs`, `old.html: extra`. Empty when
    /// the directory holds exactly the site (hidden files aside).
    public static func differences(_ site: RenderedSite, from directory: URL) -> [String] {
        var problems: [(String, String)] = []
        for path in site.paths {
            let url = directory.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                problems.append((path, "missing"))
                continue
            }
            if [UInt8](data) != site.files[path] { problems.append((path, "differs")) }
        }
        for path in filesOnDisk(in: directory) where site.files[path] == nil {
            problems.append((path, "extra"))
        }
        return problems.sorted { $0.0 < $1.0 }.map { "\($0.0): \($0.1)" }
    }

    // MARK: - Helpers

    private static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
    }

    private static func ownedFiles(in directory: URL) -> Set<String> {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(manifestName).path)
        else { return [] }
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).filter { !$0.isEmpty })
    }

    /// Every regular, non-hidden file under `directory`, as site paths.
    private static func filesOnDisk(in directory: URL) -> [String] {
        let root = directory.standardizedFileURL.resolvingSymlinksInPath()
        guard
            let walker = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var paths: [String] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard path.hasPrefix(root.path + "/") else { continue }
            paths.append(String(path.dropFirst(root.path.count + 1)))
        }
        return paths.sorted()
    }

    private static func removeEmptyDirectories(from start: URL, upTo root: URL) {
        var current = start.standardizedFileURL
        let stop = root.standardizedFileURL.path
        while current.path.hasPrefix(stop + "/"),
            let contents = try? FileManager.default.contentsOfDirectory(atPath: current.path), contents.isEmpty
        {
            try? FileManager.default.removeItem(at: current)
            current = current.deletingLastPathComponent()
        }
    }
}
