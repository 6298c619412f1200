/// Grey-scale images with one class label each, as stored on disk (bytes).
///
/// `batch(_:)` turns a list of indices into what PyTorch's `ToTensor()` followed by
/// a `DataLoader` gives: float32 pixels in [0, 1] laid out [batch, 1, height, width]
/// and int64 labels.
public struct LabeledImages: Sendable {
    public let count: Int
    public let height: Int
    public let width: Int
    /// `count × height × width` pixels, row-major.
    public let pixels: [UInt8]
    public let labels: [UInt8]
    /// Human-readable class names, indexed by label.
    public let classNames: [String]

    public init(count: Int, height: Int, width: Int, pixels: [UInt8], labels: [UInt8], classNames: [String]) throws {
        guard count >= 0, height > 0, width > 0, pixels.count == count * height * width, labels.count == count else {
            throw DatasetError.mismatch(
                reason: "\(labels.count) labels and \(pixels.count) pixels do not make \(count) images of \(height)×\(width)")
        }
        self.count = count
        self.height = height
        self.width = width
        self.pixels = pixels
        self.labels = labels
        self.classNames = classNames
    }

    /// The images and labels at `indices`, in that order: pixels as `Float(p) / 255`
    /// (exactly what `ToTensor` computes) and labels widened to Int64.
    ///
    /// - Precondition: every index is in `0..<count` (the caller builds them).
    public func batch(_ indices: some Collection<Int>) -> (pixels: [Float], labels: [Int64]) {
        let imageSize = height * width
        var out = [Float](repeating: 0, count: indices.count * imageSize)
        var labelsOut: [Int64] = []
        labelsOut.reserveCapacity(indices.count)
        out.withUnsafeMutableBufferPointer { dst in
            pixels.withUnsafeBufferPointer { src in
                var at = 0
                for index in indices {
                    let start = index * imageSize
                    for k in 0..<imageSize {
                        dst[at + k] = Float(src[start + k]) / 255
                    }
                    at += imageSize
                    labelsOut.append(Int64(labels[index]))
                }
            }
        }
        return (out, labelsOut)
    }
}
