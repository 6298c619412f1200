import Diagnostics

/// A MyST-style directive: a fence whose info string is `{name}` or
/// `{name} argument`, whose first body lines may be `:key: value` options.
///
///     ```{correlation}
///     :input: X
///     :kernel: K
///     ```
///
/// Directives draw figures from the notebook's live values; what each option
/// means is up to the stage that draws it.
public struct Directive: Hashable, Sendable {
    public struct Option: Hashable, Sendable {
        public var key: String
        /// The value with surrounding spaces removed; empty when absent.
        public var value: String
        /// Where the option's line starts (the first `:`).
        public var location: SourceLocation
        /// Where the value starts, for errors about the value.
        public var valueLocation: SourceLocation

        public init(key: String, value: String, location: SourceLocation, valueLocation: SourceLocation) {
            self.key = key
            self.value = value
            self.location = location
            self.valueLocation = valueLocation
        }
    }

    /// Letters, digits, `-` and `_` (`receptive-field`).
    public var name: String
    /// The text after `{name}` on the fence line, nil when there is none.
    public var argument: String?
    /// Options in the order they are written; keys are unique.
    public var options: [Option]
    /// The lines after the options (and after one blank line that separates
    /// them), with `\n` line endings and no final line ending.
    public var body: String
    /// The notebook line of the body's first line.
    public var bodyFirstLine: Int
    public var fence: Fence

    public init(name: String, argument: String?, options: [Option], body: String, bodyFirstLine: Int, fence: Fence) {
        self.name = name
        self.argument = argument
        self.options = options
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.fence = fence
    }

    public var range: SourceRange { fence.range }

    /// The option with this key, if present.
    public func option(_ key: String) -> Option? {
        options.first { $0.key == key }
    }

    /// The value of the option with this key, if present.
    public subscript(key: String) -> String? { option(key)?.value }
}
