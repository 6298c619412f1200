import Diagnostics
import Foundation

/// The images the notebooks show, found on disk and given a place in the site.
///
/// A relative image path is read relative to its notebook and copied to
/// `images/` + its path relative to the course root, with leading `..`
/// segments dropped (d2l's `../img/a.svg` becomes `images/img/a.svg`). An image
/// with a scheme (`https:`, `data:`) or an absolute URL path is left as written.
/// A missing file is an error at the image.
struct ImageCatalog {
    /// Absolute source path → site path.
    private(set) var sitePaths: [String: String] = [:]
    /// Site path → bytes.
    private(set) var files: [String: [UInt8]] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    static let directory = "images"

    init(pages: [(lesson: Lesson, images: [ImageReference])], root: String) {
        var sources: [String: String] = [:]  // site path → absolute source, to catch two files on one path
        for (lesson, images) in pages {
            for image in images {
                guard let absolute = Self.localPath(image.destination, from: lesson) else { continue }
                if sitePaths[absolute] != nil { continue }
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory),
                    !isDirectory.boolValue,
                    let data = FileManager.default.contents(atPath: absolute)
                else {
                    let shown = SitePath.relative(absolute, from: root)
                    diagnostics.append(
                        .error(
                            "The image file \(image.destination) does not exist (looked for \(shown) in the course).",
                            at: image.location, length: 2))
                    continue
                }
                let inside = SitePath.segments(SitePath.relative(absolute, from: root)).drop { $0 == ".." }
                let sitePath = ([Self.directory] + inside).joined(separator: "/")
                if let other = sources[sitePath], other != absolute {
                    diagnostics.append(
                        .error(
                            "The image \(image.destination) would be copied to \(sitePath), where another image already goes;"
                                + " rename one of them.", at: image.location, length: 2))
                    continue
                }
                sources[sitePath] = absolute
                sitePaths[absolute] = sitePath
                files[sitePath] = [UInt8](data)
            }
        }
    }

    /// The site path of an image written on a page, when it is a copied local file.
    func sitePath(of destination: String, from lesson: Lesson) -> String? {
        Self.localPath(destination, from: lesson).flatMap { sitePaths[$0] }
    }

    /// The absolute file an image destination names, or nil when it is not a local
    /// relative path (a URL with a scheme, `//host/…`, `/…`, or empty).
    static func localPath(_ destination: String, from lesson: Lesson) -> String? {
        var path = destination
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
        guard !path.isEmpty, !path.hasPrefix("/"), !LinkTarget.hasScheme(path) else { return nil }
        return SitePath.join(lesson.absoluteDirectory, SitePath.decode(path))
    }
}
