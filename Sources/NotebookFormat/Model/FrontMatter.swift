import Diagnostics

/// The YAML block at the very top of a notebook, between `---` lines.
///
///     ---
///     title: "图像卷积"
///     seed: 42
///     ---
///
/// The keys litbook uses are checked and typed; every key (these included) is
/// also kept as a value tree in `values` for later stages.
public struct FrontMatter: Hashable, Sendable {
    public var title: String?
    /// The seed of `torch.manual_seed` before the first cell; 0 by default.
    public var seed: UInt64 = 0
    /// Position of the notebook in the course.
    public var order: Double?
    public var lang: String?
    /// The framework tab to run (`pytorch` unless set).
    public var tab = "pytorch"
    /// Every top-level key in the order written.
    public var values: [Entry] = []
    /// The block including its `---` lines; nil when the notebook has none.
    public var range: SourceRange?

    public struct Entry: Hashable, Sendable {
        public var key: String
        public var value: FrontMatterValue
        /// Where the key is written.
        public var location: SourceLocation

        public init(key: String, value: FrontMatterValue, location: SourceLocation) {
            self.key = key
            self.value = value
            self.location = location
        }
    }

    public init() {}

    /// The value of a top-level key, if present.
    public subscript(key: String) -> FrontMatterValue? {
        values.first { $0.key == key }?.value
    }
}

/// A YAML value as a plain tree: what front-matter keys hold.
public indirect enum FrontMatterValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([FrontMatterValue])
    /// Key–value pairs in the order written.
    case mapping([(key: String, value: FrontMatterValue)])

    public static func == (a: FrontMatterValue, b: FrontMatterValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.list(let x), .list(let y)): return x == y
        case (.mapping(let x), .mapping(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .int(let value): hasher.combine(value)
        case .double(let value): hasher.combine(value)
        case .string(let value): hasher.combine(value)
        case .list(let values): hasher.combine(values)
        case .mapping(let pairs):
            for pair in pairs {
                hasher.combine(pair.key)
                hasher.combine(pair.value)
            }
        }
    }

    /// The value as text when it is a scalar (`title: 2024` reads as "2024").
    public var scalarText: String? {
        switch self {
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .string(let value): return value
        case .null, .list, .mapping: return nil
        }
    }
}

extension FrontMatterValue: CustomStringConvertible {
    /// YAML flow style: `[{name: "A"}, 3, true]`; strings in double quotes.
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .string(let value): return value.debugDescription
        case .list(let values): return "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .mapping(let pairs): return "{" + pairs.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}
