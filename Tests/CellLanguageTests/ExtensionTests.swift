import Diagnostics
import Testing

@testable import CellLanguage

/// The contract TorchBindings builds on, exercised through a small native module.
@Suite struct ExtensionTests {
    func run(_ cells: [String]) -> [CellResult] {
        let interpreter = Interpreter()
        NativeGeometry.register(in: interpreter)
        return cells.enumerated().map { interpreter.run(cell: $1, file: "ext.md", firstLine: 10 * ($0 + 1)) }
    }

    func shown(_ source: String) -> String {
        run([source]).map(\.shownText).joined()
    }

    @Test func nativeObjectsHaveOperatorsAndReflection() {
        let text = shown("""
            from geometry import Vec
            v = Vec(1, 2)
            w = Vec(3, 4)
            print(v + w, 2 * v, v * 2, -v, v + 1, 10 + v, v - w)
            print(len(v), v[1], v[-2], list(v), v.norm, v.first, Vec.dimensions)
            print(type(v).__name__, type(v) == Vec, isinstance(v, Vec), v.__class__ is Vec, bool(Vec(0)))
            print(f"{v:.1f}", v == Vec(1, 2), v != w, v.dot(w), v.dot(w, scale=2))
            """)
        #expect(text == """
            Vec(4.0, 6.0) Vec(2.0, 4.0) Vec(2.0, 4.0) Vec(-1.0, -2.0) Vec(2.0, 3.0) Vec(11.0, 12.0) Vec(-2.0, -2.0)
            2 2.0 1.0 [1.0, 2.0] 2.23606797749979 1.0 any
            Vec True True True False
            <1.0 2.0> True True 11.0 22.0

            """)
    }

    @Test func inPlaceOperatorsMutateTheSameObject() {
        let text = shown("""
            import geometry
            w = geometry.Vec(1, 1)
            def sgd(params, lr):
                for p in params:
                    p -= lr * w
            v = geometry.Vec(3, 5)
            alias = v
            sgd([v], 0.5)
            holder = {"v": v}
            holder["v"] += 1
            v.first = 10
            v[1] = 7
            print(alias, alias is v, geometry.same(v) is v, {v: "key"}[alias])
            """)
        #expect(text == "Vec(10.0, 7.0) True True key\n")
    }

    @Test func nativeBaseClassIsSubclassableWithAttributeObserver() {
        let text = shown("""
            from geometry import Module, Vec
            class Scale(Module):
                def __init__(self, s):
                    super().__init__()
                    self.s = s
                def forward(self, x):
                    return x * self.s
            class Net(Module):
                def __init__(self, k):
                    super().__init__()
                    self.weight = Vec(k, k)
                    self.inner = Scale(2)
                    self.label = "net"
                def forward(self, x):
                    return self.inner(x) + self.weight
            net = Net(1)
            print(net(Vec(1, 2)), net.training, net.device, net.label)
            print([n for n, p in net.named_parameters()], next(iter(net.parameters())) is net.weight)
            net.weight = Vec(0, 0, 0)
            print(len(net.named_parameters()), net.named_parameters()[0][1])
            print(isinstance(net, Module), issubclass(Net, Module), type(net.inner) == Scale, type(net) == Module)
            print(list(vars(net)) if False else list(net.__dict__))
            """)
        #expect(text == """
            Vec(3.0, 5.0) True cpu net
            ['weight'] True
            1 Vec(0.0, 0.0, 0.0)
            True True True False
            ['weight', 'inner', 'label']

            """)
    }

    @Test func nativeHooksRaisePythonErrors() {
        let results = run([
            """
            from geometry import Module, Vec
            class Forgot(Module):
                def __init__(self):
                    self.w = Vec(1)
            Forgot()
            """,
            "class Empty(Module):\n    pass\nEmpty()(1)",
            "Vec(1, 2) + Vec(1)",
            "Vec(1).dot()",
            "Vec(1).norm = 3",
            "Module().missing",
        ])
        #expect(results.map { $0.error?.summary ?? "" } == [
            "AttributeError: cannot assign module before Module.__init__() call",
            "NotImplementedError: Module [Empty] is missing the required \"forward\" function",
            "RuntimeError: The size of vector a (2) must match the size of vector b (1)",
            "TypeError: dot() missing 1 required positional argument: 'other'",
            "AttributeError: property 'norm' of 'Vec' object has no setter",
            "AttributeError: 'Module' object has no attribute 'missing'",
        ])
    }

    @Test func nativeErrorsCarryThePythonCallSite() {
        let results = run(["import geometry\n\ndef helper():\n    return geometry.fail()\n\nhelper()\n"])
        guard case .exception(let failure)? = results[0].error else {
            Issue.record("expected an exception")
            return
        }
        #expect(failure.typeName == "ValueError")
        #expect(failure.message == "native failure")
        #expect(failure.location == SourceLocation(file: "ext.md", line: 13, column: 12))
        #expect(failure.traceback.map(\.function) == ["<module>", "helper"])
        #expect(failure.traceback.map(\.location.line) == [15, 13])
        #expect(results[0].error?.traceback == """
            Traceback (most recent call last):
              File "ext.md", line 15, in <module>
              File "ext.md", line 13, in helper
            ValueError: native failure
            """)
    }

    @Test func modulesImportInEveryForm() {
        let text = shown("""
            import geometry.linalg
            import geometry.linalg as la
            from geometry import linalg, Vec as V
            from geometry.linalg import norm
            print(geometry.linalg.norm(V(3, 4)), la.norm(V(6, 8)), linalg is la, norm(V(0, 1)))
            print(geometry.zeros(2, 3), geometry.zeros((2, 2)), geometry.zeros(V(1, 2).__len__()))
            """)
        #expect(text == "5.0 10.0 True 1.0\nVec(0.0, 0.0, 0.0, 0.0, 0.0, 0.0) Vec(0.0, 0.0, 0.0, 0.0) Vec(0.0, 0.0)\n")
        #expect(run(["from geometry import nothing"])[0].error?.summary == "ImportError: cannot import name 'nothing' from 'geometry'")
    }

    @Test func modulesMayBeRegisteredChildFirst() {
        let interpreter = Interpreter()
        let functional = PyModule(name: "torchlike.nn.functional")
        functional.addFunction("relu") { _, args in
            guard let x = args.positional.first?.doubleValue else { throw PythonError.typeError("relu() needs a number") }
            return .float(max(0, x))
        }
        interpreter.register(module: functional)
        let root = PyModule(name: "torchlike")
        root["version"] = .str("1.0")
        interpreter.register(module: root)
        let nn = PyModule(name: "torchlike.nn")
        interpreter.register(module: nn)
        let result = interpreter.run(cell: """
            import torchlike
            import torchlike.nn.functional as F
            from torchlike import nn
            from torchlike.nn import functional
            (torchlike.nn.functional.relu(-2), F.relu(3), nn.functional is F, functional is F, torchlike.version)
            """, file: "m")
        #expect(result.displayText == "(0.0, 3.0, True, True, '1.0')", "\(result.error?.summary ?? "")")
    }

    @Test func valueAccessorsForNativeCode() {
        #expect(Value.int(3).intValue == 3 && Value.bool(true).intValue == 1 && Value.float(1).intValue == nil)
        #expect(Value.int(2).doubleValue == 2 && Value.str("s").stringValue == "s")
        #expect(Value.tuple([.int(1)]).sequenceItems?.count == 1 && Value.ellipsis.isEllipsis)
        let interpreter = Interpreter()
        let probe = PyModule(name: "probe")
        probe.addFunction("kind") { _, args in .str(args.positional.first?.isEllipsis == true ? "ellipsis" : "other") }
        interpreter.register(module: probe)
        #expect(interpreter.run(cell: "import probe\nprobe.kind(...), probe.kind(None)", file: "e").displayText == "('ellipsis', 'other')")
    }

    @Test func signatureBindingAndTypedAccessors() throws {
        let sig = Signature("conv2d(input, weight, bias=None, stride=1, padding=0, *, groups=1)")
        let bound = try sig.bind(Arguments([.str("x"), .str("w")], keywords: [("stride", .tuple([.int(2), .int(1)])), ("groups", .int(3))]))
        #expect(try bound.intTuple("stride", count: 2) == [2, 1])
        #expect(try bound.intTuple("padding", count: 2) == [0, 0])
        #expect(try bound.int("groups") == 3)
        #expect(bound.optional("bias") == nil)
        #expect(try bound.string("input") == "x")
        #expect(throws: PythonError.self) { try bound.int("input") }
        let errors: [(Arguments, String)] = [
            (Arguments([.int(1)]), "conv2d() missing 1 required positional argument: 'weight'"),
            (Arguments([.int(1), .int(2), .int(3), .int(4), .int(5), .int(6)]), "conv2d() takes from 2 to 5 positional arguments but 6 were given"),
            (Arguments([.int(1), .int(2)], keywords: [("kernel", .int(1))]), "conv2d() got an unexpected keyword argument 'kernel'"),
            (Arguments([.int(1), .int(2)], keywords: [("input", .int(1))]), "conv2d() got multiple values for argument 'input'"),
        ]
        for (args, message) in errors {
            do {
                _ = try sig.bind(args)
                Issue.record("expected \(message)")
            } catch let e as PythonError {
                #expect(e.message == message)
            }
        }
        let interpreter = Interpreter()
        let sizes = Signature("zeros(*size)")
        #expect(try sizes.bind(Arguments([.int(2), .int(3)])).ints(interpreter) == [2, 3])
        #expect(try sizes.bind(Arguments([.tuple([.int(4), .int(5)])])).ints(interpreter) == [4, 5])
        #expect(try sizes.bind(Arguments([.list(PyList([.int(6)]))])).ints(interpreter) == [6])
    }
}
