/// One sliding-window layer (convolution or pooling) as the receptive field sees it.
public struct ReceptiveFieldLayer: Equatable, Sendable {
    /// What the figure calls the layer, e.g. `conv 2×2` or `pool 2×2`.
    public var label: String
    public var kernel: GridSize
    public var stride: GridSize
    public var padding: GridSize
    public var dilation: GridSize

    public init(
        _ label: String, kernel: GridSize, stride: GridSize = GridSize(height: 1, width: 1),
        padding: GridSize = GridSize(height: 0, width: 0), dilation: GridSize = GridSize(height: 1, width: 1)
    ) {
        self.label = label
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
    }

    /// A square convolution, labelled `conv k×k`.
    public static func convolution(kernel: Int, stride: Int = 1, padding: Int = 0, dilation: Int = 1) -> Self {
        ReceptiveFieldLayer(
            "conv \(kernel)×\(kernel)", kernel: GridSize(height: kernel, width: kernel),
            stride: GridSize(height: stride, width: stride), padding: GridSize(height: padding, width: padding),
            dilation: GridSize(height: dilation, width: dilation))
    }

    /// A square pooling window, labelled `pool k×k`; the stride defaults to the window
    /// size, as in PyTorch.
    public static func pooling(_ size: Int, stride: Int? = nil, padding: Int = 0) -> Self {
        let step = stride ?? size
        return ReceptiveFieldLayer(
            "pool \(size)×\(size)", kernel: GridSize(height: size, width: size),
            stride: GridSize(height: step, width: step), padding: GridSize(height: padding, width: padding))
    }
}

/// An input size and the layers applied to it, with every layer's output size.
public struct LayerStack: Equatable, Sendable {
    public let input: GridSize
    public let layers: [ReceptiveFieldLayer]
    /// `sizes[0]` is the input, `sizes[i + 1]` the output of `layers[i]`.
    public let sizes: [GridSize]

    /// Limits that keep the arithmetic exact and the drawing finite.
    static let maximumSide = 4_096
    static let maximumParameter = 1_024
    static let maximumLayers = 64

    /// Computes each output size, `⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1` per side, and
    /// throws when a parameter is out of range or a layer does not fit its input.
    public init(input: GridSize, layers: [ReceptiveFieldLayer]) throws {
        guard input.height >= 1, input.width >= 1 else { throw DiagramError.emptyGrid(name: "input") }
        guard input.height <= Self.maximumSide, input.width <= Self.maximumSide else {
            throw DiagramError.sizeTooLarge(name: "input", limit: Self.maximumSide)
        }
        guard layers.count <= Self.maximumLayers else {
            throw DiagramError.sizeTooLarge(name: "number of layers", limit: Self.maximumLayers)
        }
        var sizes = [input]
        for (index, layer) in layers.enumerated() {
            try Self.validate(layer, index: index)
            let previous = sizes[sizes.count - 1]
            let height = Self.outputLength(
                previous.height, kernel: layer.kernel.height, stride: layer.stride.height,
                padding: layer.padding.height, dilation: layer.dilation.height)
            let width = Self.outputLength(
                previous.width, kernel: layer.kernel.width, stride: layer.stride.width,
                padding: layer.padding.width, dilation: layer.dilation.width)
            guard height >= 1, width >= 1 else {
                throw DiagramError.layerTooLarge(index: index, label: layer.label, input: previous)
            }
            guard height <= Self.maximumSide, width <= Self.maximumSide else {
                throw DiagramError.sizeTooLarge(name: "output of layer \(index + 1)", limit: Self.maximumSide)
            }
            sizes.append(GridSize(height: height, width: width))
        }
        self.input = input
        self.layers = layers
        self.sizes = sizes
    }

    /// The size of the last layer (the input when there are no layers).
    public var outputSize: GridSize { sizes[sizes.count - 1] }

    static func outputLength(_ length: Int, kernel: Int, stride: Int, padding: Int, dilation: Int) -> Int {
        let span = length + 2 * padding - dilation * (kernel - 1) - 1
        // Floor division: a negative span means the window does not fit.
        return span < 0 ? 0 : span / stride + 1
    }

    private static func validate(_ layer: ReceptiveFieldLayer, index: Int) throws {
        let checks: [(GridSize, String, Int)] = [
            (layer.kernel, "kernel size", 1), (layer.stride, "stride", 1), (layer.padding, "padding", 0),
            (layer.dilation, "dilation", 1),
        ]
        for (value, name, minimum) in checks {
            guard value.height >= minimum, value.width >= minimum else {
                throw DiagramError.invalidLayer(
                    index: index, label: layer.label, reason: "the \(name) must be at least \(minimum), not \(value)")
            }
            guard value.height <= maximumParameter, value.width <= maximumParameter else {
                throw DiagramError.invalidLayer(
                    index: index, label: layer.label, reason: "the \(name) \(value) exceeds \(maximumParameter)")
            }
        }
    }
}

/// The part of one layer that can influence the chosen output element.
public struct FieldRegion: Equatable, Sendable {
    /// The rows and columns of the real grid in the field; nil when the element only
    /// reads padding (then nothing below it matters).
    public var rows: ClosedRange<Int>?
    public var columns: ClosedRange<Int>?
    /// The field including the zero padding that the next layer adds around this
    /// grid (indices below 0 or past the end are padding); equal to `rows`/`columns`
    /// when the window stays inside.
    public var paddedRows: ClosedRange<Int>?
    public var paddedColumns: ClosedRange<Int>?
    /// Exactly the rows and columns reached (fewer than the ranges when dilated).
    public var touchedRows: [Int]
    public var touchedColumns: [Int]
    /// How many paths lead from each touched row / column to the element; the count
    /// for a cell is the product (windows are rectangles, so the count separates).
    public var rowPaths: [Double]
    public var columnPaths: [Double]

    /// The number of real grid elements in the field.
    public var elementCount: Int { touchedRows.count * touchedColumns.count }
}

/// The receptive field of the element at `position` in the last layer of `stack`, in
/// every layer from the input (index 0) to that layer itself (last index).
///
/// Exact interval arithmetic: an output index o of a layer reads inputs
/// `o·s − p + i·d` for `i` in `0..<k`; what falls in the padding is kept apart,
/// and only real elements carry the field further down.
///
/// ```swift
/// let stack = try LayerStack(input: GridSize(height: 3, width: 3),
///                            layers: [.convolution(kernel: 2), .convolution(kernel: 2)])
/// try receptiveField(of: GridPosition(row: 0, column: 0), in: stack)[0].rows  // 0...2
/// ```
public func receptiveField(of position: GridPosition, in stack: LayerStack) throws -> [FieldRegion] {
    guard position.isInside(stack.outputSize) else {
        throw DiagramError.positionOutside(position: position, size: stack.outputSize, name: "last layer")
    }
    var rows = FieldAxis(indices: [position.row], paths: [1], padded: position.row...position.row)
    var columns = FieldAxis(indices: [position.column], paths: [1], padded: position.column...position.column)
    var regions = [FieldRegion(rows: rows, columns: columns)]
    for (index, layer) in stack.layers.enumerated().reversed() {
        let size = stack.sizes[index]
        rows = rows.backward(
            kernel: layer.kernel.height, stride: layer.stride.height, padding: layer.padding.height,
            dilation: layer.dilation.height, inputLength: size.height)
        columns = columns.backward(
            kernel: layer.kernel.width, stride: layer.stride.width, padding: layer.padding.width,
            dilation: layer.dilation.width, inputLength: size.width)
        regions.append(FieldRegion(rows: rows, columns: columns))
    }
    return regions.reversed()
}

/// The field along one axis: the real indices reached, their path counts, and the
/// hull including padding.
struct FieldAxis {
    var indices: [Int]
    var paths: [Double]
    var padded: ClosedRange<Int>?

    /// The field one layer down: every input index each output index reads.
    func backward(kernel: Int, stride: Int, padding: Int, dilation: Int, inputLength: Int) -> FieldAxis {
        guard let first = indices.first, let last = indices.last else {
            return FieldAxis(indices: [], paths: [], padded: nil)
        }
        let low = first * stride - padding
        let high = last * stride - padding + dilation * (kernel - 1)
        var counts = Array(repeating: 0.0, count: high - low + 1)
        for (output, weight) in zip(indices, paths) {
            let start = output * stride - padding - low
            for tap in 0..<kernel { counts[start + tap * dilation] += weight }
        }
        var realIndices: [Int] = []
        var realPaths: [Double] = []
        for (offset, count) in counts.enumerated() where count > 0 {
            let index = low + offset
            if index >= 0, index < inputLength {
                realIndices.append(index)
                realPaths.append(count)
            }
        }
        return FieldAxis(indices: realIndices, paths: realPaths, padded: low...high)
    }

    /// The real indices as a range.
    var range: ClosedRange<Int>? {
        guard let first = indices.first, let last = indices.last else { return nil }
        return first...last
    }
}

extension FieldRegion {
    init(rows: FieldAxis, columns: FieldAxis) {
        self.init(
            rows: rows.range, columns: columns.range, paddedRows: rows.padded, paddedColumns: columns.padded,
            touchedRows: rows.indices, touchedColumns: columns.indices, rowPaths: rows.paths,
            columnPaths: columns.paths)
    }
}
