import Diagnostics

/// A whole site in memory: every file by its path relative to the site root,
/// and what the build found wrong.
///
/// The same notebooks and theme always give the same bytes: no timestamps, no
/// absolute paths, no random ids.
public struct RenderedSite: Sendable {
    /// Site path (`index.html`, `images/img/a.svg`) → bytes.
    public var files: [String: [UInt8]]
    /// Warnings and errors with notebook locations, sorted by location. The build
    /// failed when one of them is an error.
    public var diagnostics: [Diagnostic]

    public init(files: [String: [UInt8]], diagnostics: [Diagnostic]) {
        self.files = files
        self.diagnostics = diagnostics
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The file paths in the order they are written and compared.
    public var paths: [String] { files.keys.sorted() }

    /// A file's text (for tests and tools).
    public func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }
}
