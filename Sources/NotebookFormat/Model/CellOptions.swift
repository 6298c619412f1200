import Diagnostics

/// A cell's `#| key: value` lines (Quarto's convention), parsed and checked.
///
///     #| check: skip
///     #| tolerance: 1e-4
///
/// Defaults are what a cell without options means: show the source and the
/// output, run it, compare its output exactly.
public struct CellOptions: Hashable, Sendable {
    /// How a cell's fresh output is compared with the recorded one.
    public enum CheckMode: String, Hashable, Sendable, CaseIterable {
        /// Byte for byte (with `tolerance`, numbers within it count as equal).
        case exact
        /// Not compared: the output depends on something no run can reproduce.
        case skip
    }

    /// Show the cell's source on the page.
    public var echo = true
    /// Show the cell's output on the page.
    public var output = true
    /// Run the cell.
    public var eval = true
    /// The exception class the cell must raise (`RuntimeError`), if any.
    public var raises: String?
    public var check = CheckMode.exact
    /// Relative tolerance for numbers in the output; positive.
    public var tolerance: Double?
    /// Seconds the cell may run; positive.
    public var timeout: Double?
    public var label: String?
    public var caption: String?

    public init() {}

    /// The option keys litbook knows, in the order the documentation lists them.
    public static let knownKeys = ["echo", "output", "eval", "raises", "check", "tolerance", "timeout", "label", "caption"]
}
