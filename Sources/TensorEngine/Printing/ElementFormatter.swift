/// Formats the printed elements of one tensor to a common width, choosing
/// PyTorch's notation for the whole tensor (its `_Formatter`).
///
/// The choice looks only at the nonzero finite values that will be printed
/// (the edges of a summarised tensor):
/// - all of them whole numbers: "integer mode", `19.` (a trailing point shows
///   the dtype is floating);
/// - otherwise fixed notation with `precision` decimals, `0.1235`;
/// - scientific notation, `1.0000e-05`, when the largest magnitude exceeds
///   1e8, the smallest is below 1e-4 (not in integer mode), or their ratio
///   exceeds 1000 — unless `PrintOptions.scientificMode` forces a choice.
///
/// The width is the longest of those values' texts (+1 for the point in
/// integer mode); zeros, infinities and NaN never widen a column.
struct ElementFormatter {
    enum Notation: Equatable {
        /// Whole floats: `19.`
        case integral
        case fixed
        case scientific
        /// Integer and bool tensors: `str(value)`.
        case plain
    }

    let notation: Notation
    let width: Int
    /// The printed elements' texts, right-aligned to `width`, in the order
    /// of the offsets given to `init`. Each element is formatted once.
    let texts: [String]

    // MARK: - Choosing and formatting

    /// Formats the elements at `offsets` (those that will be printed).
    init(values: TensorSnapshot.Values, printed offsets: [Int], options: PrintOptions) {
        let notation: Notation
        let texts: [String]
        switch values {
        case .integer(let integers):
            notation = .plain
            texts = offsets.map { String(integers[$0]) }
        case .boolean(let flags):
            notation = .plain
            texts = offsets.map { PythonNumberText.boolean(flags[$0]) }
        case .floating(let floats):
            let printed = offsets.map { floats[$0] }
            notation = Self.notation(for: printed, options: options)
            texts = printed.map { Self.format($0, notation: notation, digits: options.digits) }
        }
        let width = Self.width(of: texts, values: values, offsets: offsets)
        self.notation = notation
        self.width = width
        self.texts = texts.map { text in
            let missing = width - text.utf8.count
            return missing > 0 ? String(repeating: " ", count: missing) + text : text
        }
    }

    /// PyTorch's choice of notation for these floats.
    private static func notation(for values: [Double], options: PrintOptions) -> Notation {
        var smallest = Double.infinity
        var largest = 0.0
        var allWhole = true
        var counted = 0
        for value in values where value.isFinite && value != 0 {
            counted += 1
            smallest = min(smallest, value.magnitude)
            largest = max(largest, value.magnitude)
            if value != value.rounded(.up) { allWhole = false }
        }
        // No nonzero finite value: PyTorch keeps its defaults, and ignores a
        // forced scientific mode.
        guard counted > 0 else { return .integral }
        let scientific =
            options.scientificMode
            ?? (largest / smallest > 1000 || largest > 1e8 || smallest < 1e-4)
        return scientific ? .scientific : allWhole ? .integral : .fixed
    }

    /// One float in a notation, not padded.
    private static func format(_ value: Double, notation: Notation, digits: Int) -> String {
        switch notation {
        case .scientific:
            return PythonNumberText.scientific(value, digits: digits)
        case .integral, .plain:
            let text = PythonNumberText.fixed(value, digits: 0)
            return value.isFinite ? text + "." : text
        case .fixed:
            return PythonNumberText.fixed(value, digits: digits)
        }
    }

    /// The column width: the longest text, except that float zeros and
    /// non-finite values do not count (at least 1).
    private static func width(of texts: [String], values: TensorSnapshot.Values, offsets: [Int]) -> Int {
        guard case .floating(let floats) = values else {
            return texts.reduce(1) { max($0, $1.utf8.count) }
        }
        var width = 1
        for (text, offset) in zip(texts, offsets) {
            let value = floats[offset]
            if value.isFinite && value != 0 { width = max(width, text.utf8.count) }
        }
        return width
    }
}
