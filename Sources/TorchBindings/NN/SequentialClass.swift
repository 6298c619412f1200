import CellLanguage
import TensorEngine

/// `nn.Sequential(*layers)`: native and Python layers in order, with list-like
/// access (`net[0]`, `net[-1]`, `net[:3]`, `len(net)`, `for layer in net`).
enum SequentialClass {
    static let pythonClass = PyClass.native("Sequential", base: ModuleClass.base, module: "torch.nn.modules.container")
    { c in
        let own = c.cls
        c.constructor { _, cls, args in
            guard cls === own else {
                throw PythonError.typeError(
                    "litbook cannot subclass nn.Sequential in Python; subclass nn.Module and keep an nn.Sequential as an attribute"
                )
            }
            guard args.keywords.isEmpty else { throw PythonError.typeError("Sequential() takes no keyword arguments") }
            let layers = try args.positional.map { value -> Module in
                guard let module = ModuleValues.module(value) else {
                    throw PythonError.typeError("\(value.typeName) is not a Module subclass")
                }
                return module
            }
            return .object(Sequential(layers))
        }
        c.method("__len__") { _, this, _ in .int(try receiver(this).children.count) }
        c.method("__iter__") { _, this, _ in
            ModuleMethods.generator(try receiver(this).children.map(ModuleValues.value))
        }
        c.method("__getitem__") { interp, this, args in
            let sequential = try receiver(this)
            let layers = sequential.namedChildren
            guard let key = args.positional.first else {
                throw PythonError.typeError("__getitem__ expected 1 argument")
            }
            if let slice = key.as(PySlice.self) {
                let (start, _, step, count) = try slice.indices(length: layers.count, interp)
                return .object(Sequential((0..<count).map { layers[start + $0 * step].module }))
            }
            let position = try index(key, count: layers.count, interp)
            return ModuleValues.value(layers[position].module)
        }
        c.method("__setitem__") { interp, this, args in
            let sequential = try receiver(this)
            guard args.positional.count == 2, let layer = ModuleValues.module(args.positional[1]) else {
                throw PythonError.typeError("Sequential items must be Modules")
            }
            let layers = sequential.namedChildren
            let position = try index(args.positional[0], count: layers.count, interp)
            sequential.registerChild(layers[position].name, layer)
            return .none
        }
        c.method("append") { _, this, args in
            guard let value = args.positional.first, let layer = ModuleValues.module(value) else {
                throw PythonError.typeError("append() expects a Module")
            }
            try receiver(this).append(layer)
            return this
        }
    }

    private static func index(_ key: Value, count: Int, _ interp: Interpreter) throws -> Int {
        guard let position = try interp.indexValue(key) else {
            throw PythonError.typeError("Sequential indices must be integers or slices, not \(key.typeName)")
        }
        guard position >= -count && position < count else {
            throw PythonError.indexError("index \(position) is out of range")
        }
        return position < 0 ? position + count : position
    }

    private static func receiver(_ value: Value) throws -> Sequential {
        guard let sequential = value.as(Sequential.self) else {
            throw PythonError.typeError("expected an nn.Sequential")
        }
        return sequential
    }
}
