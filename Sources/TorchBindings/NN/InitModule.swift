import CellLanguage
import TensorEngine

/// `torch.nn.init`: the in-place initialisers; each returns its tensor.
enum InitModule {
    static func install(in module: PyModule) {
        func add(_ spec: String, _ body: @escaping (Interpreter, Tensor, CallArguments) throws -> Void) {
            let signature = FastSignature(spec)
            let name = signature.name
            module.addFunction(name) { interp, args in
                let a = try signature.bind(args)
                let tensor = try PythonArguments.tensor(a["tensor"], name, argument: "tensor")
                try body(interp, tensor, a)
                return .tensor(tensor)
            }
        }
        add("uniform_(tensor, a=0.0, b=1.0, generator=None)") { interp, t, a in
            try Init.uniform(
                t, from: PythonArguments.double(a["a"], "uniform_", argument: "a"), to: PythonArguments.double(a["b"], "uniform_", argument: "b"),
                generator: GeneratorObject.resolve(a["generator"], interp))
        }
        add("normal_(tensor, mean=0.0, std=1.0, generator=None)") { interp, t, a in
            try Init.normal(
                t, mean: PythonArguments.double(a["mean"], "normal_", argument: "mean"),
                std: PythonArguments.double(a["std"], "normal_", argument: "std"), generator: GeneratorObject.resolve(a["generator"], interp))
        }
        add("constant_(tensor, val)") { _, t, a in try Init.constant(t, PythonArguments.number(a["val"], "constant_", argument: "val")) }
        add("zeros_(tensor)") { _, t, _ in try Init.zeros(t) }
        add("ones_(tensor)") { _, t, _ in try Init.ones(t) }
        add("xavier_uniform_(tensor, gain=1.0, generator=None)") { interp, t, a in
            try Init.xavierUniform(
                t, gain: PythonArguments.double(a["gain"], "xavier_uniform_", argument: "gain"),
                generator: GeneratorObject.resolve(a["generator"], interp))
        }
        add("xavier_normal_(tensor, gain=1.0, generator=None)") { interp, t, a in
            try Init.xavierNormal(
                t, gain: PythonArguments.double(a["gain"], "xavier_normal_", argument: "gain"),
                generator: GeneratorObject.resolve(a["generator"], interp))
        }
        for name in ["kaiming_uniform_", "kaiming_normal_"] {
            add("\(name)(tensor, a=0, mode='fan_in', nonlinearity='leaky_relu', generator=None)") { interp, t, a in
                let slope = try PythonArguments.double(a["a"], name, argument: "a")
                let modeName = try a.string("mode")
                guard let mode = Init.FanMode(rawValue: modeName) else {
                    throw PythonError.valueError("Mode \(modeName) not supported, please use one of ['fan_in', 'fan_out']")
                }
                let generator = try GeneratorObject.resolve(a["generator"], interp)
                let nonlinearity = try self.nonlinearity(a["nonlinearity"])
                if name == "kaiming_uniform_" {
                    try Init.kaimingUniform(t, a: slope, mode: mode, nonlinearity: nonlinearity, generator: generator)
                } else {
                    try Init.kaimingNormal(t, a: slope, mode: mode, nonlinearity: nonlinearity, generator: generator)
                }
            }
        }
        let gain = FastSignature("calculate_gain(nonlinearity, param=None)")
        module.addFunction("calculate_gain") { _, args in
            let a = try gain.bind(args)
            let parameter = a["param"].isNone ? nil : try PythonArguments.double(a["param"], "calculate_gain", argument: "param")
            let kind = try nonlinearity(a["nonlinearity"])
            // PyTorch returns the int 1 for the linear-like nonlinearities.
            if kind == .linear || kind == .conv2d || kind == .sigmoid { return .int(1) }
            return .float(Init.gain(kind, parameter: parameter))
        }
    }

    private static func nonlinearity(_ value: Value) throws -> Init.Nonlinearity {
        guard case .str(let name) = value else { throw PythonError.valueError("Unsupported nonlinearity \(value.typeName)") }
        let linearNames = ["conv1d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d"]
        if linearNames.contains(name) { return .linear }
        guard let known = Init.Nonlinearity(rawValue: name) else { throw PythonError.valueError("Unsupported nonlinearity \(name)") }
        return known
    }
}
