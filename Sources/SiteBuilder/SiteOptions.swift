import Foundation

/// Settings of a site build that do not come from the notebooks.
public struct SiteOptions: Sendable {
    /// The course title in every page header; default: the title of the course's
    /// `index.md`, else the theme's word for "Course".
    public var title: String?
    /// The language of pages whose front matter has no `lang`; default `en`.
    public var language: String?
    /// The directory relative notebook paths are read from (to find their images);
    /// default: the current directory.
    public var baseDirectory: URL?

    public init(title: String? = nil, language: String? = nil, baseDirectory: URL? = nil) {
        self.title = title
        self.language = language
        self.baseDirectory = baseDirectory
    }
}
