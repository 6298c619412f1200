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
    /// Rows of one group's im2col matrix: `inChannelsPerGroup · kernelHeight · kernelWidth`.
    var patchSize: Int { inChannelsPerGroup * kernelHeight * kernelWidth }
    /// Pixels of one output plane.
    var outPlane: Int { outHeight * outWidth }
    /// Pixels of one input plane.
    var inPlane: Int { inHeight * inWidth }

    /// Elements of the input, weight and output buffers.
    public var inputCount: Int { batch * inChannels * inPlane }
    public var weightCount: Int { outChannels * patchSize }
    public var outputCount: Int { batch * outChannels * outPlane }

    /// Multiply-adds of the forward pass (also of each backward GEMM).
    public var multiplyAddCount: Int { batch * outChannels * outPlane * patchSize }

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
