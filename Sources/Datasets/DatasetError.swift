/// Why a dataset could not be read. Every message names the file, and a missing
/// dataset names the Debian package that provides it.
public enum DatasetError: Error, Equatable, CustomStringConvertible {
    case missingFile(path: String, package: String)
    case unreadable(path: String, reason: String)
    case malformed(path: String, reason: String)
    case mismatch(reason: String)
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .missingFile(path, package):
            "dataset file \(path) does not exist; install Debian's package \(package) (apt-get install \(package))"
        case let .unreadable(path, reason):
            "cannot read \(path): \(reason)"
        case let .malformed(path, reason):
            "\(path) is not a valid IDX file: \(reason)"
        case let .mismatch(reason):
            reason
        case let .invalidArgument(message):
            message
        }
    }
}
