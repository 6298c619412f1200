/// A strided, PyTorch-like n-dimensional array with reverse-mode autograd.
///
/// A tensor is a window (shape, strides, storage offset) onto a shared
/// `TensorStorage`; views made by `select`, slicing, `transposed()`, `reshaped`
/// of contiguous data, … alias their base, so writes through one are seen by the
/// other. `Tensor` is a class because identity matters: a parameter is one
/// object whose `grad` fills up across `backward()` calls.
///
/// ```swift
/// let x = try Tensor.arange(12).reshaped([3, 4])   // int64, shape [3, 4]
/// let row = try x.select(0, index: 1)              // a view: [4, 5, 6, 7]
/// ```
public final class Tensor {
    // MARK: - Layout

    public let storage: TensorStorage
    public let shape: [Int]
    /// Element (not byte) strides, one per dimension.
    public let strides: [Int]
    public let storageOffset: Int
    /// Cached product of `shape`.
    public let count: Int

    // MARK: - Autograd state

    /// The node that computed this tensor (PyTorch's `grad_fn`); nil for leaves.
    /// Mutable because an in-place op rebases a tensor's history.
    var storedGradNode: GradientNode?
    /// Bumped whenever an in-place op gives this tensor a new history, so views
    /// made from it earlier know their own `grad_fn` is stale.
    var historyVersion = 0
    /// The base's `historyVersion` when this view's history was last derived.
    var viewHistoryVersion = 0
    /// `requires_grad` of a leaf, as set by the user.
    var leafRequiresGrad = false
    /// The accumulated gradient of a leaf (PyTorch's `.grad`).
    public var grad: Tensor?
    /// Set for `nn.Parameter`s: they print with a `Parameter containing:` header.
    public var isParameter = false
    /// Set by `retainGrad()` on a non-leaf so backward stores its gradient.
    var retainsGrad = false
    /// For a differentiable view: its base and how to re-make the view from it.
    var viewInfo: ViewInfo?
    /// True for a Python number wrapped as a 0-d tensor for type promotion.
    var isWrappedNumber = false

    init(storage: TensorStorage, shape: [Int], strides: [Int], storageOffset: Int) {
        self.storage = storage
        self.shape = shape
        self.strides = strides
        self.storageOffset = storageOffset
        var count = 1
        for size in shape { count &*= size }
        self.count = count
    }

    /// A fresh contiguous tensor with uninitialised elements.
    convenience init(uninitializedShape shape: [Int], dtype: DType) throws {
        let count = try ShapeRules.elementCount(shape)
        let storage = try TensorStorage(dtype: dtype, count: count)
        self.init(storage: storage, shape: shape, strides: ShapeRules.contiguousStrides(shape), storageOffset: 0)
    }

    // MARK: - Properties

    public var dtype: DType { storage.dtype }
    /// Number of dimensions (`dim()`, `ndim`).
    public var rank: Int { shape.count }

    /// True when elements are laid out row-major without gaps (size-1 dimensions
    /// may have any stride, as in PyTorch).
    public var isContiguous: Bool {
        var expected = 1
        for index in stride(from: shape.count - 1, through: 0, by: -1) {
            let size = shape[index]
            if size == 0 { return true }
            if size != 1 {
                if strides[index] != expected { return false }
                expected &*= size
            }
        }
        return true
    }

    /// `requires_grad`: a leaf the user marked, or any result of a recorded op.
    public var requiresGrad: Bool { leafRequiresGrad || gradNode != nil }

    /// `is_leaf`: not produced by a recorded op.
    public var isLeaf: Bool { gradNode == nil }

    /// The PyTorch class name of `grad_fn` ("MulBackward0"), nil for leaves.
    public var gradFunctionName: String? { gradNode?.name }

    /// The node that produced this tensor, for graph walkers (diagrams).
    public var gradFunction: GradientNode? { gradNode }

    /// The current `grad_fn`. A view whose base was modified in place since the
    /// view was made re-derives it from the base (PyTorch regenerates a view's
    /// `grad_fn` the same way after `CopySlices`).
    var gradNode: GradientNode? {
        get {
            if let info = viewInfo, info.base.historyVersion != viewHistoryVersion {
                refreshViewHistory(info)
            }
            return storedGradNode
        }
        set { storedGradNode = newValue }
    }

    private func refreshViewHistory(_ info: ViewInfo) {
        viewHistoryVersion = info.base.historyVersion
        guard info.base.requiresGrad else {
            storedGradNode = nil
            return
        }
        storedGradNode = withGradients { try? info.replay(info.base) }?.storedGradNode
    }

    /// Typed pointer to the first element of this view.
    @inline(__always)
    func basePointer<T: TensorElement>(as type: T.Type) -> UnsafeMutablePointer<T> {
        storage.pointer(as: T.self) + storageOffset
    }

    /// True when both tensors read the same memory through the same window.
    func sharesStorage(with other: Tensor) -> Bool { storage === other.storage }
}
