/// `tensor.backward(gradient, retain_graph)`: walks the graph from one output
/// and accumulates gradients into the `.grad` of the leaves that require them.
///
/// Nodes run once all their consumers have run, latest-created first among the
/// ready ones (PyTorch's order), so gradients that meet in a node are summed in
/// a fixed order and results are deterministic. The walk is iterative: a graph
/// from a 10,000-step Python loop must not overflow the stack.
struct BackwardPass {
    private var pending: [ObjectIdentifier: Tensor] = [:]
    private var dependencies: [ObjectIdentifier: Int] = [:]
    private var leafGradients: [ObjectIdentifier: Tensor] = [:]
    private var leafOrder: [Tensor] = []
    private var visited: [GradientNode] = []

    static func run(from output: Tensor, gradient: Tensor?, retainGraph: Bool) throws {
        let seed = try seedGradient(for: output, gradient: gradient)
        try withoutGradients {
            guard let root = output.gradNode else {
                // A leaf that requires grad: its gradient is the seed itself.
                guard output.leafRequiresGrad else { throw TensorError.noGradientFunction }
                try accumulate(seed, into: output)
                return
            }
            var pass = BackwardPass()
            pass.countDependencies(from: root)
            try pass.execute(root: root, seed: seed)
            if !retainGraph { pass.visited.forEach { $0.release() } }
        }
    }

    /// The implicit gradient of a one-element output is 1; anything else must
    /// be given and shaped like the output.
    private static func seedGradient(for output: Tensor, gradient: Tensor?) throws -> Tensor {
        guard output.requiresGrad else { throw TensorError.noGradientFunction }
        guard let gradient else {
            guard output.count == 1 else { throw TensorError.implicitGradientNonScalar }
            return try Tensor.onesLike(output)
        }
        guard gradient.shape == output.shape else {
            throw TensorError.gradientShapeMismatch(gradient: gradient.shape, output: output.shape)
        }
        return try gradient.detach().to(output.dtype)
    }

    // MARK: - Graph walk

    private mutating func countDependencies(from root: GradientNode) {
        var stack = [root]
        var seen: Set<ObjectIdentifier> = [ObjectIdentifier(root)]
        while let node = stack.popLast() {
            visited.append(node)
            for case .node(let next)? in node.edges {
                let id = ObjectIdentifier(next)
                dependencies[id, default: 0] += 1
                if seen.insert(id).inserted { stack.append(next) }
            }
        }
    }

    private mutating func execute(root: GradientNode, seed: Tensor) throws {
        var ready = ReadyQueue()
        pending[ObjectIdentifier(root)] = seed
        ready.push(root)
        while let node = ready.pop() {
            let id = ObjectIdentifier(node)
            guard let gradient = pending.removeValue(forKey: id) else { continue }
            if let output = node.retainedOutput, output.retainsGrad {
                try Self.accumulate(gradient, into: output)
            }
            let inputGradients = try node.apply(gradient)
            for (edge, inputGradient) in zip(node.edges, inputGradients) {
                guard let edge, let inputGradient else { continue }
                switch edge {
                case .node(let next):
                    let nextID = ObjectIdentifier(next)
                    pending[nextID] = try pending[nextID].map { try $0.adding(inputGradient) } ?? inputGradient
                    dependencies[nextID, default: 1] -= 1
                    if dependencies[nextID] == 0 { ready.push(next) }
                case .leaf(let leaf):
                    let leafID = ObjectIdentifier(leaf)
                    if let existing = leafGradients[leafID] {
                        leafGradients[leafID] = try existing.adding(inputGradient)
                    } else {
                        leafGradients[leafID] = inputGradient
                        leafOrder.append(leaf)
                    }
                }
            }
        }
        for leaf in leafOrder {
            if let gradient = leafGradients[ObjectIdentifier(leaf)] { try Self.accumulate(gradient, into: leaf) }
        }
    }

    /// `AccumulateGrad`: the first gradient is stored as a fresh contiguous
    /// tensor; later ones are added in place, so an alias of `.grad` sees them.
    static func accumulate(_ gradient: Tensor, into tensor: Tensor) throws {
        let shaped = gradient.shape == tensor.shape ? gradient : try gradient.sumToShape(tensor.shape)
        let converted = try shaped.to(tensor.dtype)
        if let existing = tensor.grad {
            try existing.add_(converted)
        } else {
            tensor.grad = try converted.clone()
        }
    }
}

/// Ready nodes ordered by sequence number, highest (latest) first.
private struct ReadyQueue {
    private var heap: [GradientNode] = []

    mutating func push(_ node: GradientNode) {
        heap.append(node)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            if heap[parent].sequenceNumber >= heap[child].sequenceNumber { break }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    mutating func pop() -> GradientNode? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var largest = parent
            if left < heap.count && heap[left].sequenceNumber > heap[largest].sequenceNumber { largest = left }
            if right < heap.count && heap[right].sequenceNumber > heap[largest].sequenceNumber { largest = right }
            if largest == parent { break }
            heap.swapAt(parent, largest)
            parent = largest
        }
        return top
    }
}

extension Tensor {
    /// `t.backward(gradient, retain_graph=)`: accumulates d(t)/d(leaf) into the
    /// `.grad` of every leaf that requires grad. Without `gradient`, `t` must
    /// hold one element.
    public func backward(gradient: Tensor? = nil, retainGraph: Bool = false) throws {
        try BackwardPass.run(from: self, gradient: gradient, retainGraph: retainGraph)
    }
}
