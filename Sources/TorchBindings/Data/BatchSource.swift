import CellLanguage
import TensorEngine

/// A dataset that can hand out whole batches at once, instead of one sample
/// at a time followed by a collate (the fast path of `DataLoader`).
protocol BatchSource: AnyObject {
    var sampleCount: Int { get }
    /// The collated batch of the samples at `indices` (a list, as PyTorch's
    /// default collate makes from tuple samples).
    func batch(_ indices: ArraySlice<Int>) throws -> Value
}
