import CellLanguage
import TensorEngine

/// One tensor operation with a Python signature, reachable as a method
/// (`t.sum(1)`) and — unless `isMethodOnly` — as a `torch` function whose
/// first parameter is the tensor (`torch.sum(t, 1)`).
struct TensorOperation {
    typealias Body = (Interpreter, Tensor, CallArguments) throws -> Value

    let name: String
    /// The method form, without `self`: `sum(dim=None, keepdim=False)`.
    let signature: FastSignature
    let isMethodOnly: Bool
    let body: Body

    init(_ spec: String, methodOnly: Bool = false, _ body: @escaping Body) {
        let signature = FastSignature(spec)
        self.name = signature.name
        self.signature = signature
        self.isMethodOnly = methodOnly
        self.body = body
    }

    /// Installs the method on `torch.Tensor`.
    func installMethod(on c: NativeClassBuilder) {
        let signature = self.signature
        let body = self.body
        c.method(name) { interp, this, args in
            try body(interp, try PythonArguments.receiver(this), try signature.bind(args))
        }
    }

    /// The `torch.name(input, ...)` function.
    func function() -> NativeFunction.Body {
        let signature = self.signature
        let body = self.body
        let name = self.name
        return { interp, args in
            var rest = args
            let input: Value
            if let first = rest.positional.first {
                input = first
                rest.positional.removeFirst()
            } else if let index = rest.keywords.firstIndex(where: { $0.name == "input" }) {
                input = rest.keywords.remove(at: index).value
            } else {
                throw PythonError.typeError("\(name)() missing 1 required positional arguments: \"input\"")
            }
            return try body(interp, try PythonArguments.tensor(input, name), try signature.bind(rest))
        }
    }
}

extension Value {
    /// A tensor result as a Python value.
    @inline(__always)
    static func tensor(_ tensor: Tensor) -> Value { .object(tensor) }
}
