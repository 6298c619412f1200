/// What can be wrong with a theme, each case naming the file at fault; the
/// sentences are written in one place (`description`).
public enum ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `--theme DIR` names nothing on disk.
    case missingDirectory(String)
    case notADirectory(String)
    case unreadableFile(String, reason: String)
    case notUTF8(String)
    /// An override `.mustache` file that is no template of the theme and no partial any template includes.
    case unknownTemplate(String, known: [String])
    case malformedTemplate(String, line: Int, column: Int, reason: String)
    /// A template includes `{{> name}}` but the theme has no `name.mustache`.
    case missingPartial(String, partial: String)
    case emptyTemplate(String)
    case malformedStrings(String, reason: String)
    /// A file every theme needs is missing (only possible when the built-in theme is damaged).
    case missingFile(String)
    /// The tool's resource bundle holds no theme.
    case builtInThemeMissing(String)

    public var description: String {
        switch self {
        case .missingDirectory(let path):
            return "The theme directory \(path) does not exist."
        case .notADirectory(let path):
            return "The theme path \(path) is not a directory."
        case .unreadableFile(let path, let reason):
            return "The theme file \(path) cannot be read: \(reason)"
        case .notUTF8(let path):
            return "The theme file \(path) is not UTF-8 text."
        case .unknownTemplate(let path, let known):
            return "The theme file \(path) is not a template of the theme, and no template includes it as a partial"
                + " (templates: \(known.joined(separator: ", ")))."
        case .malformedTemplate(let path, let line, let column, let reason):
            return "\(path):\(line):\(column): the template is malformed: \(reason)."
        case .missingPartial(let path, let partial):
            return "The template \(path) includes the partial '\(partial)', but the theme has no \(partial).mustache."
        case .emptyTemplate(let path):
            return "The template \(path) is empty."
        case .malformedStrings(let path, let reason):
            return "The UI strings file \(path) is malformed: \(reason)."
        case .missingFile(let name):
            return "The theme has no \(name)."
        case .builtInThemeMissing(let path):
            return "The built-in theme is missing from litbook's resources (looked in \(path))."
        }
    }
}
