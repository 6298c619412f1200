import CellLanguage
import Testing

/// A Swift object that is a Python value: conform to `PythonObject`.
final class Vec: PythonObject {
    var values: [Double]
    init(_ values: [Double]) { self.values = values }
    var pythonClass: PyClass { Geometry.vecClass }
}

/// What a native `__init__` attaches to a `PyInstance` (e.g. a Python subclass).
final class Registry { var parameters: [(String, Value)] = [] }

enum Geometry {
    static let vecClass = PyClass.native("Vec", module: "geometry") { c in
        // Vec(1, 2): the constructor returns the Swift object itself.
        c.constructor { interp, _, args in
            .object(Vec(try args.positional.map { try interp.builtinFloat($0) }))
        }
        // Operators; return .notImplemented to let Python try the other side.
        c.binaryOperator(.add) { _, a, b in
            guard let x = a.as(Vec.self), let y = b.as(Vec.self) else { return .notImplemented }
            return .object(Vec(zip(x.values, y.values).map(+)))
        }
        c.binaryOperator(.multiply, variant: .reflected) { _, a, k in       // 2 * v
            guard let x = a.as(Vec.self), case .float(let f) = k else { return .notImplemented }
            return .object(Vec(x.values.map { $0 * f }))
        }
        c.binaryOperator(.subtract, variant: .inPlace) { _, a, b in        // p -= g mutates p
            guard let x = a.as(Vec.self), let y = b.as(Vec.self) else { return .notImplemented }
            x.values = zip(x.values, y.values).map(-)
            return a
        }
        c.method("__repr__") { _, this, _ in
            .str("Vec(\((this.as(Vec.self)?.values ?? []).map(Repr.float).joined(separator: ", ")))")
        }
        c.method("__len__") { _, this, _ in .int(this.as(Vec.self)?.values.count ?? 0) }
        c.property("norm") { _, this in
            .float((this.as(Vec.self)?.values ?? []).map { $0 * $0 }.reduce(0, +).squareRoot())
        }
        // A method bound to a Python signature: TypeErrors come for free.
        c.method("scaled", "scaled(factor, *, shift=0.0)") { _, this, args in
            let f = try args.double("factor"), s = try args.double("shift")
            return .object(Vec((this.as(Vec.self)?.values ?? []).map { $0 * f + s }))
        }
    }

    /// A base class for Python subclasses, like nn.Module.
    static let moduleClass = PyClass.native("Module", module: "geometry") { c in
        c.initializer { _, instance, _ in instance.payload = Registry() }   // super().__init__()
        c.observeAttributeAssignment { _, instance, name, value in          // self.w = Vec(...)
            guard value.as(Vec.self) != nil else { return }
            guard let registry = instance.payload(as: Registry.self) else {
                throw PythonError.attributeError("cannot assign parameters before Module.__init__() call")
            }
            registry.parameters.append((name, value))
        }
        c.method("__call__") { interp, this, args in try interp.callMethod(this, "forward", args) }
        c.method("parameters") { _, this, _ in
            .list(PyList(this.as(PyInstance.self)?.payload(as: Registry.self)?.parameters.map(\.1) ?? []))
        }
        c.fallbackAttribute { _, _, name in name == "device" ? .str("cpu") : nil }
    }

    static func install(in interpreter: Interpreter) throws {
        let module = PyModule(name: "geometry")
        module["Vec"] = .object(vecClass)
        module["Module"] = .object(moduleClass)
        let zeros = Signature("zeros(*size)")
        module.addFunction("zeros") { interp, args in
            let size = try zeros.bind(args).ints(interp)          // zeros(2, 3) or zeros((2, 3))
            var count = 1                                         // user input: no trap, no huge allocation
            for n in size {
                let (product, overflow) = count.multipliedReportingOverflow(by: n)
                guard n >= 0, !overflow, product <= 1 << 24 else { throw PythonError.valueError("zeros(): bad size \(size)") }
                count = product
            }
            return .object(Vec(Array(repeating: 0, count: count)))
        }
        interpreter.register(module: module)                     // import geometry
        interpreter.register(module: PyModule(name: "geometry.linalg"))  // import geometry.linalg as la
        // Small helpers may be written in Python, under their own file name.
        try interpreter.runPrelude("def describe(v):\n    return f'{len(v)} values, norm {v.norm:.2f}'\n", file: "<geometry>", into: module)
    }
}

/// The README's example, compiled and run as written.
@Test func readmeExampleRuns() throws {
    let interpreter = Interpreter()
    try Geometry.install(in: interpreter)
    let result = interpreter.run(cell: """
        from geometry import Module, Vec
        class Net(Module):
            def __init__(self):
                super().__init__()            # reaches the native initializer
                self.w = Vec(1.0, 2.0)        # seen by observeAttributeAssignment
            def forward(self, x):
                return x + self.w
        net = Net()
        v = net(Vec(1.0, 1.0))                # __call__ → forward
        for p in net.parameters():
            p -= 0.5 * v                      # __rmul__, then __isub__ mutates in place
        print(net.w, net.device, type(net.w) == Vec, isinstance(net, Module))
        """, file: "readme.md")
    #expect(result.error == nil, "\(result.error?.summary ?? "")")
    #expect(result.output == "Vec(0.0, 0.5) cpu True True\n")
    #expect(interpreter.run(cell: "import geometry\ngeometry.describe(Vec(3.0, 4.0)), len(geometry.zeros(2, 3)), Vec(1.0).scaled(2, shift=1)", file: "r").displayText == "('2 values, norm 5.00', 6, Vec(3.0))")
}
