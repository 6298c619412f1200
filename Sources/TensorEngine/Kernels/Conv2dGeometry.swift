/// The shape of one 2-D convolution: sizes, stride, padding, dilation, groups.
///
/// Layouts are NCHW and contiguous: input `[batch, inChannels, inHeight, inWidth]`,
/// weight `[outChannels, inChannels / groups, kernelHeight, kernelWidth]`,
/// output `[batch, outChannels, outHeight, outWidth]`.
///
///     // d2l's first LeNet layer on a batch of 256: output [256, 6, 28, 28]
///     Conv2dGeometry(batch: 256, inChannels: 1, inHeight: 28, inWidth: 28,
///                    outChannels: 6, kernelHeight: 5, kernelWidth: 5,
///                    strideY: 1, strideX: 1, padY: 2, padX: 2,
///                    dilationY: 1, dilationX: 1, groups: 1)
public struct Conv2dGeometry: Hashable, Sendable {
    public var batch: Int
    public var inChannels: Int
    public var inHeight: Int
    public var inWidth: Int
    public var outChannels: Int
    public var kernelHeight: Int
    public var kernelWidth: Int
    public var strideY: Int
    public var strideX: Int
    public var padY: Int
    public var padX: Int
    public var dilationY: Int
    public var dilationX: Int
    public var groups: Int

    public init(
        batch: Int, inChannels: Int, inHeight: Int, inWidth: Int,
        outChannels: Int, kernelHeight: Int, kernelWidth: Int,
        strideY: Int, strideX: Int, padY: Int, padX: Int,
        dilationY: Int, dilationX: Int, groups: Int
    ) {
        self.batch = batch
        self.inChannels = inChannels
        self.inHeight = inHeight
        self.inWidth = inWidth
        self.outChannels = outChannels
        self.kernelHeight = kernelHeight
        self.kernelWidth = kernelWidth
        self.strideY = strideY
        self.strideX = strideX
        self.padY = padY
        self.padX = padX
        self.dilationY = dilationY
        self.dilationX = dilationX
        self.groups = groups
    }

    // MARK: - Output size

    /// `(inHeight + 2·padY − dilationY·(kernelHeight − 1) − 1) / strideY + 1`,
    /// PyTorch's formula; 0 or less when the kernel does not fit (the caller
    /// reports that), 0 when a size is non-positive or the arithmetic overflows.
    public var outHeight: Int {
        Self.outputSize(input: inHeight, kernel: kernelHeight, stride: strideY, pad: padY, dilation: dilationY)
    }

    /// The width counterpart of `outHeight`.
    public var outWidth: Int {
        Self.outputSize(input: inWidth, kernel: kernelWidth, stride: strideX, pad: padX, dilation: dilationX)
    }

    static func outputSize(input: Int, kernel: Int, stride: Int, pad: Int, dilation: Int) -> Int {
        guard input >= 0, kernel >= 1, stride >= 1, pad >= 0, dilation >= 1 else { return 0 }
        guard let span = CheckedSize.product(dilation, kernel - 1),
            let padded = CheckedSize.sum(input, pad, pad)
        else { return 0 }
        let numerator = padded - span - 1
        return CheckedSize.floorDivide(numerator, stride) + 1
    }

    // MARK: - Derived sizes

    /// Input channels each group sees.
    public var inChannelsPerGroup: Int { groups > 0 ? inChannels / groups : 0 }
    /// Output channels each group produces.
    public var outChannelsPerGroup: Int { groups > 0 ? outChannels / groups : 0 }
    // The counts below saturate at Int.max instead of trapping: they are read
    // from geometries built of user input, valid or not (an overflowing one
    // is never valid).

    /// Rows of one group's im2col matrix: `inChannelsPerGroup · kernelHeight · kernelWidth`.
    var patchSize: Int { CheckedSize.product(inChannelsPerGroup, kernelHeight, kernelWidth) ?? .max }
    /// Pixels of one output plane.
    var outPlane: Int { CheckedSize.product(outHeight, outWidth) ?? .max }
    /// Pixels of one input plane.
    var inPlane: Int { CheckedSize.product(inHeight, inWidth) ?? .max }

    /// Elements of the input, weight and output buffers.
    public var inputCount: Int { CheckedSize.product(batch, inChannels, inPlane) ?? .max }
    public var weightCount: Int { CheckedSize.product(outChannels, patchSize) ?? .max }
    public var outputCount: Int { CheckedSize.product(batch, outChannels, outPlane) ?? .max }

    /// Multiply-adds of the forward pass (also of each backward pass).
    public var multiplyAddCount: Int { CheckedSize.product(outputCount, patchSize) ?? .max }

    // MARK: - Validity

    /// True when the kernels can run this geometry: positive sizes (batch may
    /// be 0), non-negative padding, groups dividing both channel counts, an
    /// output of at least 1 × 1, and every buffer size representable.
    ///
    /// Callers check this (and report PyTorch's messages) before calling a
    /// kernel; a kernel given an invalid geometry asserts in debug builds and
    /// does nothing otherwise.
    public var isValid: Bool {
        let outHeight = self.outHeight
        let outWidth = self.outWidth
        guard batch >= 0, inChannels >= 1, inHeight >= 1, inWidth >= 1, outChannels >= 1,
            kernelHeight >= 1, kernelWidth >= 1, strideY >= 1, strideX >= 1,
            padY >= 0, padX >= 0, dilationY >= 1, dilationX >= 1, groups >= 1,
            inChannels % groups == 0, outChannels % groups == 0,
            outHeight >= 1, outWidth >= 1,
            CheckedSize.product(batch, inChannels, inHeight, inWidth) != nil,
            CheckedSize.product(outChannels, inChannels, kernelHeight, kernelWidth) != nil,
            let outputs = CheckedSize.product(batch, outChannels, outHeight, outWidth)
        else { return false }
        return CheckedSize.product(outputs, inChannels, kernelHeight, kernelWidth) != nil
    }
}
