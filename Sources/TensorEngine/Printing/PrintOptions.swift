/// How tensors print: PyTorch's `torch.set_printoptions`.
///
/// The defaults are PyTorch's: 4 decimals, summarise above 1000 elements
/// keeping 3 items at each edge, wrap at 80 columns, and pick scientific
/// notation automatically.
///
///     var options = PrintOptions.default
///     options.scientificMode = false  // torch.set_printoptions(sci_mode=False)
public struct PrintOptions: Sendable, Equatable {
    /// Digits after the decimal point (`precision`).
    public var precision: Int
    /// Tensors with more elements than this are summarised with `...`
    /// (`threshold`; `.infinity` never summarises).
    public var threshold: Double
    /// Items kept at the beginning and end of each summarised dimension
    /// (`edgeitems`).
    public var edgeItems: Int
    /// Characters per line before wrapping (`linewidth`).
    public var lineWidth: Int
    /// `nil` chooses per tensor; `true`/`false` force scientific or fixed
    /// notation (`sci_mode`).
    public var scientificMode: Bool?
    /// The dtype that prints without a `dtype=` suffix among floating types
    /// (`torch.get_default_dtype()`); int64 and bool never show one.
    public var defaultFloatingType: DType

    public init(
        precision: Int = 4, threshold: Double = 1000, edgeItems: Int = 3, lineWidth: Int = 80,
        scientificMode: Bool? = nil, defaultFloatingType: DType = .float32
    ) {
        self.precision = precision
        self.threshold = threshold
        self.edgeItems = edgeItems
        self.lineWidth = lineWidth
        self.scientificMode = scientificMode
        self.defaultFloatingType = defaultFloatingType
    }

    // MARK: - PyTorch's profiles

    /// `profile="default"`.
    public static let `default` = PrintOptions()
    /// `profile="short"`: 2 decimals, 2 edge items.
    public static let short = PrintOptions(precision: 2, edgeItems: 2)
    /// `profile="full"`: never summarise.
    public static let full = PrintOptions(threshold: .infinity)

    // MARK: - Sanitised values

    /// Precision as used for formatting: Python rejects negative precisions,
    /// so they are treated as 0 here rather than trapping.
    var digits: Int { min(max(precision, 0), 300) }
    /// Edge items as used for summarising (negative counts act as 0).
    var edges: Int { max(edgeItems, 0) }
    /// The line width, bounded so that arithmetic on it cannot overflow
    /// (any width beyond ±2³² behaves the same).
    var columns: Int { Self.bounded(lineWidth) }

    /// `value` limited to ±2³², far beyond any real width or indent.
    static func bounded(_ value: Int) -> Int {
        min(max(value, -(1 << 32)), 1 << 32)
    }
}
