/// A layer or a model (PyTorch's `nn.Module`): ordered parameters, buffers and
/// submodules, a training flag, and a forward function.
///
/// Registration order is significant — it is the order of `parameters()`, of
/// `state_dict` and of the repr — so every table is an ordered list, not a
/// dictionary. Subclasses register their tensors in `init` and override
/// `forward(_:)` and `extraRepr`.
///
/// ```swift
/// let net = Sequential([Linear(4, 3, generator: g), ReLU(), Linear(3, 1, generator: g)])
/// let y = try net.forward(x)                      // [N, 4] → [N, 1]
/// net.namedParameters().map(\.name)               // ["0.weight", "0.bias", "2.weight", "2.bias"]
/// ```
open class Module {
    /// A named slot; a slot may hold nothing (`bias=False` registers `bias` as None).
    public struct Slot<Item> {
        public let name: String
        public var item: Item?
    }

    public private(set) var parameterSlots: [Slot<Tensor>] = []
    public private(set) var bufferSlots: [Slot<Tensor>] = []
    public private(set) var childSlots: [Slot<Module>] = []
    /// `module.training`: layers such as `Dropout` behave differently when false.
    public private(set) var isTraining = true
    /// Extra attributes the host language sets on the module (`net.name = "x"`);
    /// the engine never reads them.
    public var hostAttributes: AnyObject?

    public init() {}

    /// The class name shown in reprs (`Conv2d`).
    open var typeName: String { String(describing: type(of: self)) }

    /// The layer's own settings, as PyTorch's `extra_repr()` prints them.
    open var extraRepr: String { "" }

    /// The layer's computation on one input.
    open func forward(_ input: Tensor) throws -> Tensor {
        throw ModuleError.missingForward(typeName)
    }

    // MARK: - Registration

    /// Adds or replaces (in place) a parameter slot.
    public func registerParameter(_ name: String, _ tensor: Tensor?) {
        Self.store(name, tensor, in: &parameterSlots)
    }

    /// Adds or replaces a buffer slot (state that is not trained).
    public func registerBuffer(_ name: String, _ tensor: Tensor?) {
        Self.store(name, tensor, in: &bufferSlots)
    }

    /// Adds or replaces a submodule slot.
    public func registerChild(_ name: String, _ module: Module?) {
        Self.store(name, module, in: &childSlots)
    }

    /// Removes `name` from every table (`del module.name`); true if it was there.
    @discardableResult
    public func unregister(_ name: String) -> Bool {
        let before = parameterSlots.count + bufferSlots.count + childSlots.count
        parameterSlots.removeAll { $0.name == name }
        bufferSlots.removeAll { $0.name == name }
        childSlots.removeAll { $0.name == name }
        return before != parameterSlots.count + bufferSlots.count + childSlots.count
    }

    private static func store<Item>(_ name: String, _ item: Item?, in slots: inout [Slot<Item>]) {
        if let index = slots.firstIndex(where: { $0.name == name }) {
            slots[index].item = item
        } else {
            slots.append(Slot(name: name, item: item))
        }
    }

    /// The parameter registered as `name`: `.some(nil)` for a None slot, nil if absent.
    public func parameter(named name: String) -> Tensor?? {
        parameterSlots.first { $0.name == name }.map(\.item)
    }

    public func buffer(named name: String) -> Tensor?? {
        bufferSlots.first { $0.name == name }.map(\.item)
    }

    public func child(named name: String) -> Module?? {
        childSlots.first { $0.name == name }.map(\.item)
    }

    // MARK: - Traversal

    /// Direct submodules, in registration order.
    public var children: [Module] { childSlots.compactMap(\.item) }

    public var namedChildren: [(name: String, module: Module)] {
        childSlots.compactMap { slot in slot.item.map { (slot.name, $0) } }
    }

    /// This module and all submodules, depth first, each once.
    public func namedModules(prefix: String = "") -> [(name: String, module: Module)] {
        var result: [(name: String, module: Module)] = []
        var seen = Set<ObjectIdentifier>()
        // An explicit stack: a model may be nested arbitrarily deep.
        var stack: [(String, Module)] = [(prefix, self)]
        while let (name, module) = stack.popLast() {
            guard seen.insert(ObjectIdentifier(module)).inserted else { continue }
            result.append((name, module))
            for (childName, child) in module.namedChildren.reversed() {
                stack.append((name.isEmpty ? childName : name + "." + childName, child))
            }
        }
        return result
    }

    public var modules: [Module] { namedModules().map(\.module) }

    /// Every parameter of this module and its submodules, each tensor once,
    /// with dotted names (`0.weight`, `hidden.bias`).
    public func namedParameters() -> [(name: String, tensor: Tensor)] {
        var result: [(name: String, tensor: Tensor)] = []
        var seen = Set<ObjectIdentifier>()
        for (prefix, module) in namedModules() {
            for slot in module.parameterSlots {
                guard let tensor = slot.item, seen.insert(ObjectIdentifier(tensor)).inserted else { continue }
                result.append((prefix.isEmpty ? slot.name : prefix + "." + slot.name, tensor))
            }
        }
        return result
    }

    public func parameters() -> [Tensor] { namedParameters().map(\.tensor) }

    /// Every buffer of this module and its submodules, with dotted names.
    public func namedBuffers() -> [(name: String, tensor: Tensor)] {
        var result: [(name: String, tensor: Tensor)] = []
        for (prefix, module) in namedModules() {
            for slot in module.bufferSlots {
                guard let tensor = slot.item else { continue }
                result.append((prefix.isEmpty ? slot.name : prefix + "." + slot.name, tensor))
            }
        }
        return result
    }

    /// `module.apply(fn)`: `fn` on every submodule, children before their
    /// parent (post-order), as PyTorch does.
    public func apply(_ body: (Module) throws -> Void) rethrows {
        var order: [Module] = []
        var seen = Set<ObjectIdentifier>()
        var stack: [(Module, Bool)] = [(self, false)]
        while let (module, expanded) = stack.popLast() {
            if expanded {
                order.append(module)
                continue
            }
            stack.append((module, true))
            for child in module.children.reversed() where seen.insert(ObjectIdentifier(child)).inserted {
                stack.append((child, false))
            }
        }
        for module in order { try body(module) }
    }

    // MARK: - Modes and gradients

    /// `module.train(mode)`: sets the flag on this module and every submodule.
    public func train(_ mode: Bool = true) {
        for module in modules { module.isTraining = mode }
    }

    /// `module.eval()`.
    public func eval() { train(false) }

    /// `module.zero_grad()`: forgets (default) or zeroes every parameter's gradient.
    public func zeroGrad(setToNone: Bool = true) throws {
        for parameter in parameters() {
            try Optimizer.clearGradient(of: parameter, setToNone: setToNone)
        }
    }
}

/// Errors of the module system that are not tensor errors.
public enum ModuleError: Error, Equatable, CustomStringConvertible {
    case missingForward(String)
    case needsTarget(String)

    public var kind: PythonExceptionKind {
        switch self {
        case .missingForward: .notImplementedError
        case .needsTarget: .typeError
        }
    }

    public var message: String {
        switch self {
        case .missingForward(let name): "Module [\(name)] is missing the required \"forward\" function"
        case .needsTarget(let name): "\(name).forward() missing 1 required positional argument: 'target'"
        }
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
