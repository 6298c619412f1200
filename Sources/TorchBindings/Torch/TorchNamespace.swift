import CellLanguage
import Foundation
import TensorEngine

/// The `torch` module: creation, the tensor operations as functions, joins,
/// seeding, gradient modes, printing options, dtypes and devices.
enum TorchNamespace {
    static func install(in torch: PyModule, cuda: PyModule, context: TorchContext) {
        TorchCreation.install(in: torch, context: context)
        for operation in TensorMethods.operations where !operation.isMethodOnly {
            torch.addFunction(operation.name, operation.function())
        }
        torch["Tensor"] = .object(TensorClasses.tensor)
        torch["Size"] = .object(SizeObject.pythonClass)
        torch["dtype"] = .object(DTypeObject.pythonClass)
        torch["device"] = .object(DeviceObject.pythonClass)
        torch["Generator"] = .object(GeneratorObject.pythonClass)
        for (name, dtype) in DTypeObject.exportedNames { torch[name] = .object(DTypeObject.of(dtype)) }
        torch["pi"] = .float(Double.pi)
        torch["e"] = .float(M_E)
        torch["inf"] = .float(.infinity)
        torch["nan"] = .float(.nan)
        torch["__version__"] = .str("2.15.0+litbook")
        installGradModes(torch)
        installJoins(torch)
        installSeeding(torch, context: context)
        installPrinting(torch, context: context)
        installQueries(torch)
        cuda.addFunction("is_available") { _, _ in .bool(false) }
        cuda.addFunction("device_count") { _, _ in .int(0) }
    }

    private static func installGradModes(_ torch: PyModule) {
        torch["no_grad"] = .object(GradModeObject.pythonClass(.noGrad))
        torch["enable_grad"] = .object(GradModeObject.pythonClass(.enableGrad))
        torch["set_grad_enabled"] = .object(GradModeObject.pythonClass(.setGradEnabled))
        torch["inference_mode"] = .object(GradModeObject.pythonClass(.inferenceMode))
        torch.addFunction("is_grad_enabled") { _, _ in .bool(GradientMode.isEnabled) }
    }

    private static func installJoins(_ torch: PyModule) {
        let cat = FastSignature("cat(tensors, dim=0, *, out=None)")
        let join: NativeFunction.Body = { interp, args in
            let a = try cat.bind(args)
            return .tensor(try Tensor.concatenate(tensors(a["tensors"], interp, "cat"), dimension: PythonArguments.dimension(a["dim"], "cat")))
        }
        torch.addFunction("cat", join)
        torch.addFunction("concat", join)
        torch.addFunction("concatenate", join)
        let stack = FastSignature("stack(tensors, dim=0, *, out=None)")
        torch.addFunction("stack") { interp, args in
            let a = try stack.bind(args)
            return .tensor(try Tensor.stack(tensors(a["tensors"], interp, "stack"), dimension: PythonArguments.dimension(a["dim"], "stack")))
        }
        let whereSignature = FastSignature("where(condition, input=None, other=None)")
        torch.addFunction("where") { interp, args in
            let a = try whereSignature.bind(args)
            let condition = try PythonArguments.tensor(a["condition"], "where", argument: "condition")
            if a["input"].isNone && a["other"].isNone {
                let positions = try condition.nonzero()
                return .tuple(try (0..<condition.rank).map { .tensor(try positions.select(1, index: $0).contiguous()) })
            }
            func operand(_ name: String) throws -> Tensor {
                if let tensor = a[name].as(Tensor.self) { return tensor }
                return Tensor(try PythonArguments.number(a[name], "where", argument: name))
            }
            return .tensor(try Tensor.selecting(condition, operand("input"), operand("other")))
        }
    }

    /// The tensors of a list, tuple or other iterable argument.
    static func tensors(_ value: Value, _ interp: Interpreter, _ function: String) throws -> [Tensor] {
        if value.as(Tensor.self) != nil {
            throw PythonError.typeError("\(function)(): argument 'tensors' (position 1) must be tuple of Tensors, not Tensor")
        }
        let items: [Value]
        do { items = try interp.collect(value) } catch {
            throw PythonError.typeError("\(function)(): argument 'tensors' (position 1) must be tuple of Tensors, not \(value.typeName)")
        }
        return try items.enumerated().map { index, item in
            guard let tensor = item.as(Tensor.self) else {
                throw PythonError.typeError("expected Tensor as element \(index) in argument 0, but got \(item.typeName)")
            }
            return tensor
        }
    }

    private static func installSeeding(_ torch: PyModule, context: TorchContext) {
        let manualSeed = FastSignature("manual_seed(seed)")
        torch.addFunction("manual_seed") { _, args in
            let a = try manualSeed.bind(args)
            guard let seed = a["seed"].intValue else {
                throw PythonError.typeError("manual_seed expected an int seed, not \(a["seed"].typeName)")
            }
            context.generator.manualSeed(UInt64(bitPattern: Int64(seed)))
            return .object(GeneratorObject(context.generator))
        }
        torch.addFunction("initial_seed") { _, _ in .int(Int(Int64(bitPattern: context.generator.initialSeed))) }
        torch.addFunction("seed") { _, _ in
            // PyTorch seeds from the clock here; litbook stays deterministic.
            .int(Int(Int64(bitPattern: context.generator.initialSeed)))
        }
        torch["default_generator"] = .object(GeneratorObject(context.generator))
    }

    private static func installPrinting(_ torch: PyModule, context: TorchContext) {
        let signature = FastSignature(
            "set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None, sci_mode=None)")
        torch.addFunction("set_printoptions") { _, args in
            let a = try signature.bind(args)
            var options = context.printOptions
            if case .str(let profile) = a["profile"] {
                switch profile {
                case "default": options = .default
                case "short": options = .short
                case "full": options = .full
                default: throw PythonError.valueError("unknown print profile '\(profile)'")
                }
            }
            if !a["precision"].isNone { options.precision = try PythonArguments.int(a["precision"], "set_printoptions", argument: "precision") }
            if !a["threshold"].isNone { options.threshold = try PythonArguments.double(a["threshold"], "set_printoptions", argument: "threshold") }
            if !a["edgeitems"].isNone { options.edgeItems = try PythonArguments.int(a["edgeitems"], "set_printoptions", argument: "edgeitems") }
            if !a["linewidth"].isNone { options.lineWidth = try PythonArguments.int(a["linewidth"], "set_printoptions", argument: "linewidth") }
            switch a["sci_mode"] {
            case .none: options.scientificMode = nil
            case .bool(let flag): options.scientificMode = flag
            case let other: throw PythonError.typeError("set_printoptions(): argument 'sci_mode' must be bool or None, not \(other.typeName)")
            }
            context.printOptions = options
            return .none
        }
    }

    private static func installQueries(_ torch: PyModule) {
        torch.addFunction("is_tensor") { _, args in .bool(args.positional.first?.as(Tensor.self) != nil) }
        torch.addFunction("is_floating_point") { _, args in
            .bool(try PythonArguments.tensor(args.positional.first ?? .none, "is_floating_point").dtype.isFloatingPoint)
        }
        torch.addFunction("get_default_dtype") { _, _ in .object(DTypeObject.of(.float32)) }
        torch.addFunction("promote_types") { _, args in
            guard args.positional.count == 2 else { throw PythonError.typeError("promote_types() takes 2 arguments") }
            let a = try PythonArguments.dtype(args.positional[0], "promote_types") ?? .float32
            let b = try PythonArguments.dtype(args.positional[1], "promote_types") ?? .float32
            return .object(DTypeObject.of(DType.promoted(a, b)))
        }
        torch.addFunction("set_num_threads") { _, _ in .none }
        torch.addFunction("get_num_threads") { _, _ in .int(ProcessInfo.processInfo.activeProcessorCount) }
    }
}
