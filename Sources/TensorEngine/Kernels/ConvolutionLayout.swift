/// A `Conv2dGeometry` with every derived size computed once, for the kernels'
/// loops.
///
/// `Conv2dGeometry`'s output sizes are computed properties (with overflow
/// checks and a floor division) and its per-group counts divide; read in an
/// inner loop they cost more than the tiny convolutions they describe. The
/// kernels take this snapshot instead, built once per call from a valid
/// geometry; member names match `Conv2dGeometry`'s.
struct ConvolutionLayout {
    let batch, inChannels, inHeight, inWidth, outChannels: Int
    let kernelHeight, kernelWidth, strideY, strideX, padY, padX, dilationY, dilationX, groups: Int
    let outHeight, outWidth: Int
    let inChannelsPerGroup, outChannelsPerGroup: Int
    /// Taps per group: `inChannelsPerGroup · kernelHeight · kernelWidth`.
    let patchSize: Int
    let inPlane, outPlane: Int
    let inputCount, weightCount, outputCount: Int
    let multiplyAddCount: Int

    init(_ g: Conv2dGeometry) {
        batch = g.batch
        inChannels = g.inChannels
        inHeight = g.inHeight
        inWidth = g.inWidth
        outChannels = g.outChannels
        kernelHeight = g.kernelHeight
        kernelWidth = g.kernelWidth
        strideY = g.strideY
        strideX = g.strideX
        padY = g.padY
        padX = g.padX
        dilationY = g.dilationY
        dilationX = g.dilationX
        groups = g.groups
        outHeight = g.outHeight
        outWidth = g.outWidth
        inChannelsPerGroup = g.inChannelsPerGroup
        outChannelsPerGroup = g.outChannelsPerGroup
        patchSize = inChannelsPerGroup * kernelHeight * kernelWidth
        inPlane = inHeight * inWidth
        outPlane = outHeight * outWidth
        inputCount = batch * inChannels * inPlane
        weightCount = outChannels * patchSize
        outputCount = batch * outChannels * outPlane
        multiplyAddCount = outputCount * patchSize
    }
}
