import CellLanguage
import TensorEngine

/// `torch.tensor`, `zeros`, `ones`, `full`, `empty`, `arange`, `linspace`,
/// `eye`, the `*_like` factories and the random ones (`rand`, `randn`,
/// `normal`, `randint`, `randperm`).
enum TorchCreation {
    /// The factory options every creation function accepts.
    static let options = "out=None, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False"

    static func install(in torch: PyModule, context: TorchContext) {
        func add(_ spec: String, _ body: @escaping (Interpreter, CallArguments) throws -> Tensor) {
            let signature = FastSignature(spec)
            torch.addFunction(signature.name) { interp, args in
                let bound = try signature.bind(args)
                try PythonArguments.checkDevice(bound["device"])
                let tensor = try body(interp, bound)
                if case .bool(true) = bound["requires_grad"] { try tensor.requiresGrad_(true) }
                return .tensor(tensor)
            }
        }
        add("tensor(data, *, dtype=None, device=None, requires_grad=False, pin_memory=False)") { interp, a in
            let dtype = try PythonArguments.dtype(a["dtype"], "tensor")
            if let source = a["data"].as(Tensor.self) { return try source.detach().to(dtype ?? source.dtype).clone() }
            return try Tensor(literal: PythonArguments.literal(a["data"], interp), dtype: dtype)
        }
        add("as_tensor(data, dtype=None, device=None)") { interp, a in
            let dtype = try PythonArguments.dtype(a["dtype"], "as_tensor")
            if let source = a["data"].as(Tensor.self) { return try source.to(dtype ?? source.dtype) }
            return try Tensor(literal: PythonArguments.literal(a["data"], interp), dtype: dtype)
        }
        add("zeros(*dims, size=None, \(options))") { interp, a in
            try Tensor.zeros(PythonArguments.size(a, interp), dtype: PythonArguments.dtype(a["dtype"], "zeros") ?? .float32)
        }
        add("ones(*dims, size=None, \(options))") { interp, a in
            try Tensor.ones(PythonArguments.size(a, interp), dtype: PythonArguments.dtype(a["dtype"], "ones") ?? .float32)
        }
        add("empty(*dims, size=None, memory_format=None, \(options))") { interp, a in
            try Tensor.empty(PythonArguments.size(a, interp), dtype: PythonArguments.dtype(a["dtype"], "empty") ?? .float32)
        }
        add("full(size, fill_value, *, \(options))") { interp, a in
            guard let size = SizeObject.dimensions(of: a["size"]) else {
                throw PythonError.typeError("full(): argument 'size' must be tuple of ints, not \(a["size"].typeName)")
            }
            return try Tensor.full(
                size, value: PythonArguments.number(a["fill_value"], "full", argument: "fill_value"),
                dtype: PythonArguments.dtype(a["dtype"], "full"))
        }
        for name in ["zeros_like", "ones_like", "empty_like"] {
            add("\(name)(input, *, memory_format=None, \(options))") { _, a in
                let input = try PythonArguments.tensor(a["input"], name)
                let dtype = try PythonArguments.dtype(a["dtype"], name)
                return name == "ones_like" ? try Tensor.onesLike(input, dtype: dtype) : try Tensor.zerosLike(input, dtype: dtype)
            }
        }
        add("full_like(input, fill_value, *, memory_format=None, \(options))") { _, a in
            try Tensor.fullLike(
                PythonArguments.tensor(a["input"], "full_like"),
                value: PythonArguments.number(a["fill_value"], "full_like", argument: "fill_value"),
                dtype: PythonArguments.dtype(a["dtype"], "full_like"))
        }
        add("arange(start, end=None, step=1, *, \(options))") { _, a in
            let first = try PythonArguments.number(a["start"], "arange", argument: "start")
            let dtype = try PythonArguments.dtype(a["dtype"], "arange")
            guard !a["end"].isNone else { return try Tensor.arange(first, dtype: dtype) }
            return try Tensor.arange(
                start: first, end: PythonArguments.number(a["end"], "arange", argument: "end"),
                step: PythonArguments.number(a["step"], "arange", argument: "step"), dtype: dtype)
        }
        add("linspace(start, end, steps, *, \(options))") { _, a in
            try Tensor.linspace(
                start: PythonArguments.double(a["start"], "linspace", argument: "start"),
                end: PythonArguments.double(a["end"], "linspace", argument: "end"),
                steps: PythonArguments.int(a["steps"], "linspace", argument: "steps"),
                dtype: PythonArguments.dtype(a["dtype"], "linspace") ?? .float32)
        }
        add("eye(n, m=None, *, \(options))") { _, a in
            let rows = try PythonArguments.int(a["n"], "eye", argument: "n")
            let columns = try a["m"].isNone ? nil : PythonArguments.int(a["m"], "eye", argument: "m")
            guard rows >= 0 else { throw PythonError.runtimeError("n must be greater or equal to 0, got \(rows)") }
            if let columns, columns < 0 { throw PythonError.runtimeError("m must be greater or equal to 0, got \(columns)") }
            return try Tensor.eye(rows, columns, dtype: PythonArguments.dtype(a["dtype"], "eye") ?? .float32)
        }
        installRandom(add)
    }

    private static func installRandom(_ add: (String, @escaping (Interpreter, CallArguments) throws -> Tensor) -> Void) {
        add("rand(*dims, size=None, generator=None, \(options))") { interp, a in
            try Tensor.rand(
                PythonArguments.size(a, interp), dtype: floatingDType(a, "rand"),
                generator: GeneratorObject.resolve(a["generator"], interp))
        }
        add("randn(*dims, size=None, generator=None, \(options))") { interp, a in
            try Tensor.randn(
                PythonArguments.size(a, interp), dtype: floatingDType(a, "randn"),
                generator: GeneratorObject.resolve(a["generator"], interp))
        }
        for name in ["rand_like", "randn_like"] {
            add("\(name)(input, *, generator=None, memory_format=None, \(options))") { interp, a in
                let input = try PythonArguments.tensor(a["input"], name)
                let dtype = try PythonArguments.dtype(a["dtype"], name) ?? input.dtype
                let generator = try GeneratorObject.resolve(a["generator"], interp)
                return name == "rand_like"
                    ? try Tensor.rand(input.shape, dtype: dtype, generator: generator)
                    : try Tensor.randn(input.shape, dtype: dtype, generator: generator)
            }
        }
        add("normal(mean=0.0, std=1.0, size=None, *, generator=None, \(options))") { interp, a in
            let generator = try GeneratorObject.resolve(a["generator"], interp)
            let dtype = try floatingDType(a, "normal")
            if let means = a["mean"].as(Tensor.self) {
                let std = try PythonArguments.double(a["std"], "normal", argument: "std")
                let noise = try Tensor.normal(mean: 0, std: std, shape: means.shape, dtype: means.dtype, generator: generator)
                return try withoutGradients { try noise.adding(means) }
            }
            guard let size = SizeObject.dimensions(of: a["size"]) else {
                throw PythonError.typeError("normal() received an invalid combination of arguments - got (\(a["mean"].typeName), \(a["std"].typeName)), but expected a size")
            }
            return try Tensor.normal(
                mean: PythonArguments.double(a["mean"], "normal", argument: "mean"),
                std: PythonArguments.double(a["std"], "normal", argument: "std"), shape: size, dtype: dtype,
                generator: generator)
        }
        add("randint(*bounds, size=None, generator=None, \(options))") { interp, a in
            var numbers = a.rest
            var size = a["size"]
            if size.isNone, let last = numbers.last, SizeObject.dimensions(of: last) != nil, last.intValue == nil {
                size = numbers.removeLast()
            }
            guard let shape = SizeObject.dimensions(of: size), (1...2).contains(numbers.count) else {
                throw PythonError.typeError("randint() received an invalid combination of arguments - expected (low=0, high, size)")
            }
            let bounds = try numbers.map { Int64(try PythonArguments.int($0, "randint", argument: "high")) }
            let (low, high) = bounds.count == 2 ? (bounds[0], bounds[1]) : (0, bounds[0])
            return try Tensor.randint(
                low: low, high: high, shape: shape, dtype: PythonArguments.dtype(a["dtype"], "randint") ?? .int64,
                generator: GeneratorObject.resolve(a["generator"], interp))
        }
        add("randperm(n, *, generator=None, \(options))") { interp, a in
            try Tensor.randperm(
                PythonArguments.int(a["n"], "randperm", argument: "n"),
                dtype: PythonArguments.dtype(a["dtype"], "randperm") ?? .int64,
                generator: GeneratorObject.resolve(a["generator"], interp))
        }
    }

    /// The dtype of a random float tensor (float32 unless float64 is asked for).
    private static func floatingDType(_ a: CallArguments, _ function: String) throws -> DType {
        let dtype = try PythonArguments.dtype(a["dtype"], function) ?? .float32
        guard dtype.isFloatingPoint else {
            throw PythonError.runtimeError("\"\(function == "rand" ? "check_uniform_bounds" : "normal_kernel_cpu")\" not implemented for '\(dtype.scalarTypeName)'")
        }
        return dtype
    }
}
