import Foundation

/// The look of the site: Mustache templates, CSS, JavaScript and the UI strings
/// table, as files by name.
///
/// The default theme ships inside litbook (`Sources/SiteBuilder/Theme/`, a
/// resource bundle). A course overrides it file by file, as mdBook books do:
/// every file of `--theme DIR` replaces the built-in file of the same name or
/// adds a new asset, and its `strings.json` adds or replaces strings language by
/// language. Problems are `ThemeError`s naming the file.
///
///     let theme = try Theme(overridesAt: URL(fileURLWithPath: "theme"))
///     let site = try SiteBuilder(theme: theme).render(notebooks)
public struct Theme: Sendable {
    /// Relative path in the theme → bytes (`page.mustache`, `style.css`, `strings.json`).
    public private(set) var files: [String: [UInt8]]
    /// The files that came from an override, with the path they were read from (for messages).
    private(set) var overrideOrigins: [String: String] = [:]
    /// Set when the built-in theme could not be loaded; `SiteBuilder.render` throws it.
    private(set) var loadProblem: ThemeError?

    /// Files of the theme directory that document it and are not part of a site.
    static let ignoredFiles: Set<String> = ["README.md"]

    init(files: [String: [UInt8]], loadProblem: ThemeError? = nil) {
        self.files = files
        self.loadProblem = loadProblem
    }

    /// The built-in theme.
    public static let `default`: Theme = builtIn()

    /// The built-in theme with the files of `directory` laid over it.
    public init(overridesAt directory: URL, base: Theme = .default) throws {
        self = base
        if let problem = base.loadProblem { throw problem }
        let overrides = try Theme.readDirectory(directory)
        for (name, bytes) in overrides {
            files[name] = bytes
            overrideOrigins[name] = directory.appendingPathComponent(name).path
        }
        if let strings = overrides[UIStringTable.fileName], let builtIn = base.files[UIStringTable.fileName] {
            // strings.json merges language by language instead of replacing the table.
            let path = overrideOrigins[UIStringTable.fileName] ?? UIStringTable.fileName
            let merged = try UIStringTable.parse(builtIn, path: UIStringTable.fileName)
                .merging(UIStringTable.parse(strings, path: path))
            files[UIStringTable.fileName] = merged.jsonBytes()
        }
    }

    /// How a file is named in messages: its override path, or `built-in theme/NAME`.
    func displayPath(of name: String) -> String {
        overrideOrigins[name] ?? "built-in theme/\(name)"
    }

    // MARK: - Reading

    private static func builtIn() -> Theme {
        guard let directory = Bundle.module.url(forResource: "Theme", withExtension: nil) else {
            return Theme(files: [:], loadProblem: .builtInThemeMissing(Bundle.module.bundlePath))
        }
        do {
            return Theme(files: try readDirectory(directory))
        } catch let error as ThemeError {
            return Theme(files: [:], loadProblem: error)
        } catch {
            return Theme(files: [:], loadProblem: .builtInThemeMissing(directory.path))
        }
    }

    /// Every regular file under `directory` (hidden files and README.md skipped), by relative path.
    static func readDirectory(_ directory: URL) throws -> [String: [UInt8]] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
            throw ThemeError.missingDirectory(directory.path)
        }
        guard isDirectory.boolValue else { throw ThemeError.notADirectory(directory.path) }
        var files: [String: [UInt8]] = [:]
        let root = directory.standardizedFileURL.resolvingSymlinksInPath().path
        guard
            let walker = FileManager.default.enumerator(
                at: directory.standardizedFileURL.resolvingSymlinksInPath(),
                includingPropertiesForKeys: [.isRegularFileKey],
                options: [.skipsHiddenFiles])
        else { throw ThemeError.unreadableFile(directory.path, reason: "the directory cannot be listed") }
        for case let url as URL in walker {
            let path = url.resolvingSymlinksInPath().path
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                path.hasPrefix(root + "/")
            else { continue }
            let name = String(path.dropFirst(root.count + 1))
            guard !ignoredFiles.contains(name) else { continue }
            do {
                files[name] = [UInt8](try Data(contentsOf: url))
            } catch {
                throw ThemeError.unreadableFile(path, reason: error.localizedDescription)
            }
        }
        return files
    }
}
