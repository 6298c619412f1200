/// Formats the elements of one tensor to a common width, choosing PyTorch's
/// notation for the whole tensor (its `_Formatter`).
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
    let digits: Int

    // MARK: - Choosing

    /// A formatter for `values` (the elements that will be printed).
    init(values: TensorSnapshot.Values, printed offsets: [Int], options: PrintOptions) {
        digits = options.digits
        switch values {
        case .integer(let integers):
            notation = .plain
            width = offsets.reduce(1) { max($0, String(integers[$1]).count) }
        case .boolean(let flags):
            notation = .plain
            width = offsets.reduce(1) { max($0, PythonNumberText.boolean(flags[$1]).count) }
        case .floating(let floats):
            let chosen = Self.choose(offsets.lazy.map { floats[$0] }, options: options)
            notation = chosen.notation
            width = chosen.width
        }
    }

    private static func choose<Values: Sequence<Double>>(
        _ values: Values, options: PrintOptions
    ) -> (notation: Notation, width: Int) {
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
        guard counted > 0 else { return (.integral, 1) }

        let scientific =
            options.scientificMode
            ?? (largest / smallest > 1000 || largest > 1e8 || smallest < 1e-4)
        let digits = options.digits
        var width = 1
        for value in values where value.isFinite && value != 0 {
            let text: String
            switch (scientific, allWhole) {
            case (true, _): text = PythonNumberText.scientific(value, digits: digits)
            case (false, true): text = PythonNumberText.fixed(value, digits: 0) + "."
            case (false, false): text = PythonNumberText.fixed(value, digits: digits)
            }
            width = max(width, text.count)
        }
        return (scientific ? .scientific : allWhole ? .integral : .fixed, width)
    }

    // MARK: - Formatting

    /// The element at `offset` of `values`, right-aligned to `width`.
    func format(_ values: TensorSnapshot.Values, at offset: Int) -> String {
        let text: String
        switch values {
        case .integer(let integers): text = String(integers[offset])
        case .boolean(let flags): text = PythonNumberText.boolean(flags[offset])
        case .floating(let floats): text = format(floats[offset])
        }
        return padded(text)
    }

    /// One floating value in this formatter's notation (not padded).
    func format(_ value: Double) -> String {
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

    private func padded(_ text: String) -> String {
        let missing = width - text.count
        return missing > 0 ? String(repeating: " ", count: missing) + text : text
    }
}
