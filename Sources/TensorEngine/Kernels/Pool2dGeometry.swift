/// The shape of one 2-D pooling: planes, window, stride, padding, ceil mode.
///
/// Layouts are contiguous: input `[planes, inHeight, inWidth]` and output
/// `[planes, outHeight, outWidth]`, where planes = batch · channels (pooling
/// treats every channel of every image alike).
///
///     // LeNet's first pooling on a batch of 256: [256·6, 28, 28] → [256·6, 14, 14]
///     Pool2dGeometry(planes: 256 * 6, inHeight: 28, inWidth: 28,
///                    kernelHeight: 2, kernelWidth: 2, strideY: 2, strideX: 2,
///                    padY: 0, padX: 0, ceilMode: false)
public struct Pool2dGeometry: Hashable, Sendable {
    public var planes: Int
    public var inHeight: Int
    public var inWidth: Int
    public var kernelHeight: Int
    public var kernelWidth: Int
    public var strideY: Int
    public var strideX: Int
    public var padY: Int
    public var padX: Int
    public var ceilMode: Bool

    public init(
        planes: Int, inHeight: Int, inWidth: Int, kernelHeight: Int, kernelWidth: Int,
        strideY: Int, strideX: Int, padY: Int, padX: Int, ceilMode: Bool
    ) {
        self.planes = planes
        self.inHeight = inHeight
        self.inWidth = inWidth
        self.kernelHeight = kernelHeight
        self.kernelWidth = kernelWidth
        self.strideY = strideY
        self.strideX = strideX
        self.padY = padY
        self.padX = padX
        self.ceilMode = ceilMode
    }

    // MARK: - Output size

    /// PyTorch's pooling rule: `⌊(in + 2·pad − kernel) / stride⌋ + 1`, or with
    /// `ceilMode` the ceiling — minus one if the last window would then start
    /// past the input and its left padding. 0 or less when the window does not
    /// fit (the caller reports it); 0 for non-positive sizes or overflow.
    public var outHeight: Int {
        Self.outputSize(input: inHeight, kernel: kernelHeight, stride: strideY, pad: padY, ceilMode: ceilMode)
    }

    /// The width counterpart of `outHeight`.
    public var outWidth: Int {
        Self.outputSize(input: inWidth, kernel: kernelWidth, stride: strideX, pad: padX, ceilMode: ceilMode)
    }

    static func outputSize(input: Int, kernel: Int, stride: Int, pad: Int, ceilMode: Bool) -> Int {
        guard input >= 0, kernel >= 1, stride >= 1, pad >= 0,
            let padded = CheckedSize.sum(input, pad, pad, ceilMode ? stride - 1 : 0)
        else { return 0 }
        var size = CheckedSize.floorDivide(padded - kernel, stride) + 1
        if ceilMode, let lastStart = CheckedSize.product(size - 1, stride), lastStart >= input + pad {
            size -= 1
        }
        return size
    }

    // MARK: - Derived sizes

    // Saturating at Int.max rather than trapping (an overflowing geometry is never valid).
    var inPlane: Int { CheckedSize.product(inHeight, inWidth) ?? .max }
    var outPlane: Int { CheckedSize.product(outHeight, outWidth) ?? .max }
    public var inputCount: Int { CheckedSize.product(planes, inPlane) ?? .max }
    public var outputCount: Int { CheckedSize.product(planes, outPlane) ?? .max }

    // MARK: - Validity

    /// True when the kernels can run this geometry: positive sizes (planes may
    /// be 0), padding at most half the window (PyTorch's rule, which also
    /// guarantees every window overlaps the input), an output of at least
    /// 1 × 1, planes small enough for `Int32` argmax indices, and every
    /// size product representable.
    public var isValid: Bool {
        guard planes >= 0, inHeight >= 1, inWidth >= 1, kernelHeight >= 1, kernelWidth >= 1,
            strideY >= 1, strideX >= 1, padY >= 0, padX >= 0,
            padY <= kernelHeight / 2, padX <= kernelWidth / 2,
            outHeight >= 1, outWidth >= 1,
            let plane = CheckedSize.product(inHeight, inWidth), plane <= Int(Int32.max),
            CheckedSize.product(kernelHeight, kernelWidth) != nil
        else { return false }
        return CheckedSize.product(planes, plane) != nil
            && CheckedSize.product(planes, outHeight, outWidth) != nil
    }
}
