/// Why a figure cannot be drawn from the values given. The caller attaches the
/// location of the directive that asked for it.
public enum DiagramError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A grid with no rows or no columns.
    case emptyGrid(name: String)
    /// Rows of different lengths.
    case raggedGrid(name: String, row: Int, length: Int, expected: Int)
    case kernelLargerThanInput(kernel: GridSize, input: GridSize)
    case outputShapeMismatch(output: GridSize, expected: GridSize)
    case positionOutside(position: GridPosition, size: GridSize, name: String)
    /// A layer hyper-parameter out of its domain (kernel 0, stride 0, negative padding…).
    case invalidLayer(index: Int, label: String, reason: String)
    /// A layer whose window no longer fits its (padded) input.
    case layerTooLarge(index: Int, label: String, input: GridSize)
    case sizeTooLarge(name: String, limit: Int)
    case noSeries
    case lengthMismatch(series: String, xCount: Int, yCount: Int)
    case invalidLimits(axis: String)
    case nonPositiveOnLogScale(series: String, x: Double, y: Double)

    public var description: String {
        switch self {
        case .emptyGrid(let name):
            return "The \(name) grid is empty; it needs at least one row and one column."
        case .raggedGrid(let name, let row, let length, let expected):
            return "Row \(row) of the \(name) grid has \(length) values but row 0 has \(expected); "
                + "every row must have the same length."
        case .kernelLargerThanInput(let kernel, let input):
            return "The \(kernel) kernel is larger than the \(input) input."
        case .outputShapeMismatch(let output, let expected):
            return "The output is \(output) but correlating this input with this kernel gives \(expected)."
        case .positionOutside(let position, let size, let name):
            return "Position (\(position.row), \(position.column)) is outside the \(size) \(name); "
                + "rows go from 0 to \(size.height - 1) and columns from 0 to \(size.width - 1)."
        case .invalidLayer(let index, let label, let reason):
            return "Layer \(index + 1) (\(label)): \(reason)."
        case .layerTooLarge(let index, let label, let input):
            return "Layer \(index + 1) (\(label)) does not fit its \(input) input: its output would be empty."
        case .sizeTooLarge(let name, let limit):
            return "The \(name) is too large to draw (the limit is \(limit))."
        case .noSeries:
            return "A line plot needs at least one series."
        case .lengthMismatch(let series, let xCount, let yCount):
            return "Series '\(series)' has \(xCount) x values but \(yCount) y values."
        case .invalidLimits(let axis):
            return "The \(axis) limits must be finite with the lower limit below the upper one."
        case .nonPositiveOnLogScale(let series, let x, let y):
            return "Series '\(series)' has y = \(NumberFormatting.compact(y)) at x = \(NumberFormatting.compact(x)); "
                + "a logarithmic y axis needs positive values."
        }
    }
}

// MARK: - Grid vocabulary

/// A height × width pair, printed `3×3`.
public struct GridSize: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var height: Int
    public var width: Int

    public init(height: Int, width: Int) {
        self.height = height
        self.width = width
    }

    public var description: String { "\(height)×\(width)" }
}

/// A (row, column) position in a grid, 0-based.
public struct GridPosition: Equatable, Hashable, Sendable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    func isInside(_ size: GridSize) -> Bool {
        row >= 0 && column >= 0 && row < size.height && column < size.width
    }
}

/// Validates a `[[Double]]` as a rectangular, non-empty grid small enough to draw
/// cell by cell (65 536 cells: a 256×256 image; the SVG stays a few megabytes).
enum GridValidation {
    static let maximumCells = 65_536

    static func size(of grid: [[Double]], name: String) throws -> GridSize {
        guard let first = grid.first, !first.isEmpty else { throw DiagramError.emptyGrid(name: name) }
        for (index, row) in grid.enumerated() where row.count != first.count {
            throw DiagramError.raggedGrid(name: name, row: index, length: row.count, expected: first.count)
        }
        // Both sides are at least 1, so checking the product by division cannot overflow.
        guard grid.count <= maximumCells / first.count else {
            throw DiagramError.sizeTooLarge(name: "\(name) grid (\(grid.count)×\(first.count))", limit: maximumCells)
        }
        return GridSize(height: grid.count, width: first.count)
    }
}
