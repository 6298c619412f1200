import CellLanguage

/// A small native module used to prove the extension API: a `Vec` class whose
/// instances are Swift objects with operators, and a `Module` base class that
/// Python code subclasses (the shape of `torch.nn.Module`).
final class VecObject: PythonObject {
    var values: [Double]
    init(_ values: [Double]) { self.values = values }
    var pythonClass: PyClass { NativeGeometry.vec }
}

/// The payload a native `Module.__init__` attaches to an instance.
final class ModuleState {
    var parameters: [(name: String, value: Value)] = []
    var children: [(name: String, value: Value)] = []
    var training = true
}

enum NativeGeometry {
    static func vector(_ v: Value) -> VecObject? { v.as(VecObject.self) }

    /// The receiver of a Vec method (a user may call `Vec.dot(5, v)` directly).
    static func this(_ v: Value) throws -> VecObject {
        guard let vec = vector(v) else { throw PythonError.typeError("descriptor requires a 'Vec' object but received a '\(v.typeName)'") }
        return vec
    }

    static func number(_ v: Value) -> Double? {
        switch v {
        case .int(let i): return Double(i)
        case .float(let d): return d
        default: return nil
        }
    }

    /// `Vec op other`, where other is a Vec of the same length or a number.
    static func combine(_ a: VecObject, _ other: Value, _ f: (Double, Double) -> Double) throws -> Value {
        if let b = vector(other) {
            guard a.values.count == b.values.count else {
                throw PythonError.runtimeError("The size of vector a (\(a.values.count)) must match the size of vector b (\(b.values.count))")
            }
            return .object(VecObject(zip(a.values, b.values).map(f)))
        }
        if let x = number(other) { return .object(VecObject(a.values.map { f($0, x) })) }
        return .notImplemented
    }

    static let vec: PyClass = PyClass.native("Vec", module: "geometry") { c in
        c.constructor { interpreter, _, args in
            .object(VecObject(try args.positional.map { try interpreter.builtinFloat($0) }))
        }
        c.binaryOperator(.add) { _, a, b in try combine((try this(a)), b, +) }
        c.binaryOperator(.add, variant: .reflected) { _, a, b in try combine((try this(a)), b, +) }
        c.binaryOperator(.subtract) { _, a, b in try combine((try this(a)), b, -) }
        c.binaryOperator(.multiply) { _, a, b in try combine((try this(a)), b, *) }
        c.binaryOperator(.multiply, variant: .reflected) { _, a, b in try combine((try this(a)), b, *) }
        c.binaryOperator(.subtract, variant: .inPlace) { _, a, b in
            guard let target = vector(a), case .object(let r as VecObject) = try combine(target, b, -) else { return .notImplemented }
            target.values = r.values
            return a
        }
        c.binaryOperator(.add, variant: .inPlace) { _, a, b in
            guard let target = vector(a), case .object(let r as VecObject) = try combine(target, b, +) else { return .notImplemented }
            target.values = r.values
            return a
        }
        c.method("__neg__") { _, a, _ in .object(VecObject((try this(a)).values.map { -$0 })) }
        c.method("__len__") { _, a, _ in .int((try this(a)).values.count) }
        c.method("__getitem__") { interpreter, a, args in
            let values = (try this(a)).values
            guard let i = try interpreter.indexValue(args.positional[0]), i >= -values.count, i < values.count else {
                throw PythonError.indexError("index out of range for a vector of \(values.count)")
            }
            return .float(values[i < 0 ? i + values.count : i])
        }
        c.method("__setitem__") { interpreter, a, args in
            let target = (try this(a))
            guard let i = try interpreter.indexValue(args.positional[0]), i >= 0, i < target.values.count else {
                throw PythonError.indexError("index out of range")
            }
            target.values[i] = try interpreter.builtinFloat(args.positional[1])
            return .none
        }
        c.method("__iter__") { _, a, _ in
            let values = (try this(a)).values
            var i = 0
            return .object(NativeIterator(name: "vec_iterator") { _ in
                guard i < values.count else { return nil }
                defer { i += 1 }
                return .float(values[i])
            })
        }
        c.method("__eq__") { _, a, b in
            guard let other = b.positional.first.flatMap(vector) else { return .notImplemented }
            return .bool((try this(a)).values == other.values)
        }
        c.method("__hash__") { interpreter, a, _ in .int(ObjectIdentifier((try this(a))).hashValue & 0xFFFF) }
        c.method("__bool__") { _, a, _ in .bool((try this(a)).values.contains { $0 != 0 }) }
        c.method("__repr__") { _, a, _ in
            .str("Vec(" + (try this(a)).values.map { Repr.float($0) }.joined(separator: ", ") + ")")
        }
        c.method("__format__") { interpreter, a, args in
            let spec = args.positional.first.map { (try? interpreter.str($0)) ?? "" } ?? ""
            return .str("<" + (try (try this(a)).values.map { try interpreter.format(.float($0), spec) }).joined(separator: " ") + ">")
        }
        c.method("dot", "dot(other, *, scale=1.0)") { _, a, args in
            guard let b = vector(args["other"]) else { throw PythonError.typeError("dot(): argument 'other' must be Vec, not \(args["other"].typeName)") }
            return .float(zip((try this(a)).values, b.values).map(*).reduce(0, +) * (try args.double("scale")))
        }
        c.property("norm") { _, a in .float((try this(a)).values.map { $0 * $0 }.reduce(0, +).squareRoot()) }
        c.property("first", get: { _, a in .float((try this(a)).values.first ?? 0) }, set: { interpreter, a, v in
            (try this(a)).values[0] = try interpreter.builtinFloat(v)
        })
        c.classAttribute("dimensions", .str("any"))
    }

    static let module: PyClass = PyClass.native("Module", module: "geometry") { c in
        c.initializer { _, instance, _ in instance.payload = ModuleState() }
        c.observeAttributeAssignment { _, instance, name, value in
            let isParameter = vector(value) != nil
            let isChild = value.as(PyInstance.self)?.pythonClass.isSubclass(of: NativeGeometry.module) == true
            guard let state = instance.payload(as: ModuleState.self) else {
                if isParameter || isChild { throw PythonError.attributeError("cannot assign module before Module.__init__() call") }
                return
            }
            state.parameters.removeAll { $0.name == name }
            state.children.removeAll { $0.name == name }
            if isParameter { state.parameters.append((name, value)) }
            if isChild { state.children.append((name, value)) }
        }
        c.method("__call__") { interpreter, this, args in try interpreter.callMethod(this, "forward", args) }
        c.method("forward") { _, this, _ in
            throw PythonError.notImplementedError("Module [\(this.typeName)] is missing the required \"forward\" function")
        }
        c.method("named_parameters") { _, this, _ in
            .list(PyList(allParameters(this, prefix: "").map { .tuple([.str($0.name), $0.value]) }))
        }
        c.method("parameters") { _, this, _ in
            let params = allParameters(this, prefix: "").map(\.value)
            var i = 0
            return .object(NativeIterator(name: "generator") { _ in
                guard i < params.count else { return nil }
                defer { i += 1 }
                return params[i]
            })
        }
        c.property("training") { _, this in .bool(this.as(PyInstance.self)?.payload(as: ModuleState.self)?.training ?? false) }
        c.fallbackAttribute { _, this, name in
            name == "device" ? .str("cpu") : nil
        }
    }

    static func allParameters(_ module: Value, prefix: String) -> [(name: String, value: Value)] {
        guard let state = module.as(PyInstance.self)?.payload(as: ModuleState.self) else { return [] }
        var out = state.parameters.map { (prefix + $0.name, $0.value) }
        for child in state.children { out += allParameters(child.value, prefix: prefix + child.name + ".") }
        return out
    }

    /// The `geometry` module: the classes, a function that returns its argument
    /// object unchanged (identity), and one that raises.
    static func register(in interpreter: Interpreter) {
        let geometry = PyModule(name: "geometry")
        geometry["Vec"] = .object(vec)
        geometry["Module"] = .object(module)
        geometry.addFunction("same") { _, args in args.positional.first ?? .none }
        geometry.addFunction("fail") { _, _ in throw PythonError.valueError("native failure") }
        let sig = Signature("zeros(*size, scale=1.0)")
        geometry.addFunction("zeros") { interpreter, args in
            let bound = try sig.bind(args)
            let size = try bound.ints(interpreter)
            var count = 1
            for n in size {
                let (product, overflow) = count.multipliedReportingOverflow(by: n)
                guard n >= 0, !overflow, product <= 1 << 24 else { throw PythonError.valueError("zeros(): bad size \(size)") }
                count = product
            }
            return .object(VecObject(Array(repeating: 0, count: count)))
        }
        interpreter.register(module: geometry)
        let linalg = PyModule(name: "geometry.linalg")
        linalg.addFunction("norm") { _, args in
            guard let v = args.positional.first.flatMap(vector) else { throw PythonError.typeError("norm() needs a Vec") }
            return .float(v.values.map { $0 * $0 }.reduce(0, +).squareRoot())
        }
        interpreter.register(module: linalg)
    }
}
