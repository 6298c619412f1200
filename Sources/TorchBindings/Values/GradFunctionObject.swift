import CellLanguage
import Foundation
import TensorEngine

/// A tensor's `grad_fn`: the autograd node that made it. Its class is named
/// after the node (`type(z.grad_fn).__name__ == 'MulBackward0'`), as in
/// PyTorch, and its repr is `<MulBackward0 object at 0x…>` with the
/// interpreter's deterministic address.
final class GradFunctionObject: PythonObject {
    let node: GradientNode
    let pythonClass: PyClass

    private init(_ node: GradientNode) {
        self.node = node
        self.pythonClass = Self.nodeClass(named: node.name)
    }

    /// The one object for `node`, so that `z.grad_fn is z.grad_fn`.
    static func of(_ node: GradientNode) -> GradFunctionObject {
        cacheLock.lock()
        defer { cacheLock.unlock() }
        let key = ObjectIdentifier(node)
        if let known = objects[key], let object = known.object, object.node === node { return object }
        if objects.count > 4096 { objects = objects.filter { $0.value.object != nil } }
        let object = GradFunctionObject(node)
        objects[key] = WeakObject(object: object)
        return object
    }

    // MARK: - Classes per node name

    private struct WeakObject {
        weak var object: GradFunctionObject?
    }

    private static let cacheLock = NSLock()
    nonisolated(unsafe) private static var objects: [ObjectIdentifier: WeakObject] = [:]
    nonisolated(unsafe) private static var classes: [String: PyClass] = [:]

    /// Called with `cacheLock` held.
    private static func nodeClass(named name: String) -> PyClass {
        if let known = classes[name] { return known }
        let cls = PyClass(name: name, base: baseClass, moduleName: "builtins")
        classes[name] = cls
        return cls
    }

    /// Methods every node class shares.
    private static let baseClass = PyClass.native("Node", module: "torch.autograd.graph") { c in
        c.method("name") { _, this, _ in .str(try receiver(this).node.name) }
        c.method("__repr__") { interp, this, _ in
            let object = try receiver(this)
            return .str("<\(object.node.name) object at 0x\(String(try interp.hash(this), radix: 16))>")
        }
        c.property("next_functions") { _, this in
            .tuple(
                try receiver(this).node.nextNodes.map { node in
                    .tuple([node.map { .object(GradFunctionObject.of($0)) } ?? .none, .int(0)])
                })
        }
    }

    private static func receiver(_ value: Value) throws -> GradFunctionObject {
        guard let object = value.as(GradFunctionObject.self) else {
            throw PythonError.typeError("expected an autograd node")
        }
        return object
    }
}
