#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One recorded op in the autograd graph (PyTorch's `grad_fn` object).
///
/// A node knows the gradient rule of exactly one primitive op and where each
/// input's gradient goes next: another node, a leaf's `.grad`, or nowhere (an
/// input that does not require grad). Its `name` is PyTorch's class name
/// ("MulBackward0"), printed in `grad_fn=<…>` and drawn by diagrams.
public final class GradientNode {
    /// Where the gradient for one input of a node flows.
    enum Edge {
        case node(GradientNode)
        /// Accumulates into the leaf's `.grad` (PyTorch's `AccumulateGrad`).
        case leaf(Tensor)
    }

    /// A backward rule: given the gradient of the output and which inputs need
    /// a gradient, returns one gradient (or nil) per input, shaped like it.
    typealias Rule = (_ gradient: Tensor, _ needsGradient: [Bool]) throws -> [Tensor?]

    public let name: String
    /// Creation order; backward runs later nodes first, as PyTorch does.
    let sequenceNumber: Int
    private(set) var edges: [Edge?]
    /// False for rules that capture only shapes (`SumBackward0`): PyTorch lets
    /// those run again after the graph was freed.
    let savesTensors: Bool
    private var rule: Rule?
    private(set) var isReleased = false
    /// Set by `retainGrad()`: the non-leaf output whose `.grad` keeps its gradient.
    weak var retainedOutput: Tensor?


    init(name: String, edges: [Edge?], savesTensors: Bool, rule: @escaping Rule) {
        self.name = name
        self.edges = edges
        self.savesTensors = savesTensors
        self.rule = rule
        self.sequenceNumber = SequenceCounter.next()
    }

    /// The nodes this one feeds gradients to (`grad_fn.next_functions`), with
    /// nil for leaves and inputs that need no gradient.
    public var nextNodes: [GradientNode?] {
        edges.map { edge in
            if case .node(let node) = edge { return node }
            return nil
        }
    }

    /// Runs the rule; a freed node that saved tensors cannot run again.
    func apply(_ gradient: Tensor) throws -> [Tensor?] {
        guard let rule else { throw TensorError.backwardTwice }
        let needs = edges.map { $0 != nil }
        return try rule(gradient, needs)
    }

    /// Frees the graph behind this node without recursion: a chain of 100 000
    /// nodes (a Python loop accumulating a tensor) would otherwise release
    /// node by node on the stack and overflow it.
    deinit {
        var pending: [GradientNode] = []
        for case .node(let node)? in edges { pending.append(node) }
        edges = []
        while var node = pending.popLast() {
            if isKnownUniquelyReferenced(&node) {
                for case .node(let next)? in node.edges { pending.append(next) }
                node.edges = []
                node.rule = nil
            }
        }
    }

    /// Frees saved tensors after a backward pass without `retainGraph`.
    func release() {
        isReleased = true
        if savesTensors { rule = nil }
    }
}

/// Creation order of nodes, counted per thread: a graph lives on one thread,
/// and two notebooks run on two threads must not race on a shared counter.
private enum SequenceCounter {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key, nil)
        precondition(status == 0, "cannot create the node-counter thread key")
        return key
    }()

    /// The next number on this thread (the count itself is stored in the
    /// key's pointer value, so no allocation is involved).
    static func next() -> Int {
        let current = Int(bitPattern: pthread_getspecific(key))
        let next = current &+ 1
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: next))
        return next
    }
}
