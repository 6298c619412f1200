import CellLanguage
import TensorEngine

/// The native layers of `torch.nn` (`Linear`, `Conv2d`, pooling, activations,
/// losses): Python classes whose instances are engine modules.
enum LayerClasses {
    /// `nn.Name` for an engine layer (the instance's class for Python modules).
    static func pythonClass(of module: Module) -> PyClass {
        if let python = module as? PythonModule { return python.instance?.pythonClass ?? ModuleClass.base }
        if let softmax = module as? Softmax, softmax.logarithm { return logSoftmax }
        return byType[ObjectIdentifier(type(of: module))] ?? ModuleClass.base
    }

    /// Every native layer class, by the name `torch.nn` exports.
    static let exported: [(String, PyClass)] = [
        ("Linear", linear), ("Conv2d", conv2d), ("MaxPool2d", maxPool2d), ("AvgPool2d", avgPool2d),
        ("Sigmoid", sigmoid), ("ReLU", relu), ("Tanh", tanh), ("Identity", identity), ("Flatten", flatten),
        ("Dropout", dropout), ("Softmax", softmax), ("LogSoftmax", logSoftmax), ("MSELoss", mseLoss),
        ("CrossEntropyLoss", crossEntropyLoss), ("NLLLoss", nllLoss), ("Sequential", SequentialClass.pythonClass),
    ]

    private static let byType: [ObjectIdentifier: PyClass] = [
        ObjectIdentifier(Linear.self): linear, ObjectIdentifier(Conv2d.self): conv2d,
        ObjectIdentifier(MaxPool2d.self): maxPool2d, ObjectIdentifier(AvgPool2d.self): avgPool2d,
        ObjectIdentifier(Sigmoid.self): sigmoid, ObjectIdentifier(ReLU.self): relu, ObjectIdentifier(Tanh.self): tanh,
        ObjectIdentifier(Identity.self): identity, ObjectIdentifier(Flatten.self): flatten,
        ObjectIdentifier(Dropout.self): dropout, ObjectIdentifier(Softmax.self): softmax,
        ObjectIdentifier(MSELoss.self): mseLoss, ObjectIdentifier(CrossEntropyLoss.self): crossEntropyLoss,
        ObjectIdentifier(NLLLoss.self): nllLoss, ObjectIdentifier(Sequential.self): SequentialClass.pythonClass,
    ]

    /// A native layer class whose constructor binds `spec` and builds the layer.
    static func layer(
        _ name: String, _ spec: String, module: String, _ build: @escaping (Interpreter, CallArguments) throws -> Module
    ) -> PyClass {
        let signature = FastSignature(spec)
        return PyClass.native(name, base: ModuleClass.base, module: module) { c in
            let own = c.cls
            c.constructor { interp, cls, args in
                guard cls === own else {
                    throw PythonError.typeError(
                        "litbook cannot subclass nn.\(name) in Python; subclass nn.Module and keep an nn.\(name) as an attribute")
                }
                return .object(try build(interp, try signature.bind(args)))
            }
        }
    }

    // MARK: - Layers with parameters

    static let linear = layer("Linear", "Linear(in_features, out_features, bias=True, device=None, dtype=None)",
                              module: "torch.nn.modules.linear") { interp, a in
        try PythonArguments.checkDevice(a["device"])
        return try Linear(
            PythonArguments.int(a["in_features"], "Linear", argument: "in_features"),
            PythonArguments.int(a["out_features"], "Linear", argument: "out_features"),
            bias: PythonArguments.bool(a["bias"], "Linear", argument: "bias"),
            dtype: PythonArguments.dtype(a["dtype"], "Linear") ?? .float32, generator: TorchContext.of(interp).generator)
    }

    static let conv2d = layer(
        "Conv2d",
        "Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True, padding_mode='zeros', device=None, dtype=None)",
        module: "torch.nn.modules.conv"
    ) { interp, a in
        try PythonArguments.checkDevice(a["device"])
        if case .str(let padding) = a["padding"] {
            throw PythonError.valueError("litbook's Conv2d takes numeric padding, not padding='\(padding)'")
        }
        guard a["padding_mode"].stringValue == "zeros" else {
            throw PythonError.valueError("litbook's Conv2d supports padding_mode='zeros' only")
        }
        return try Conv2d(
            PythonArguments.int(a["in_channels"], "Conv2d", argument: "in_channels"),
            PythonArguments.int(a["out_channels"], "Conv2d", argument: "out_channels"),
            kernelSize: PythonArguments.pair(a["kernel_size"], "Conv2d", argument: "kernel_size"),
            stride: PythonArguments.pair(a["stride"], "Conv2d", argument: "stride"),
            padding: PythonArguments.pair(a["padding"], "Conv2d", argument: "padding"),
            dilation: PythonArguments.pair(a["dilation"], "Conv2d", argument: "dilation"),
            groups: PythonArguments.int(a["groups"], "Conv2d", argument: "groups"),
            bias: PythonArguments.bool(a["bias"], "Conv2d", argument: "bias"),
            dtype: PythonArguments.dtype(a["dtype"], "Conv2d") ?? .float32, generator: TorchContext.of(interp).generator)
    }

    // MARK: - Pooling

    static let maxPool2d = layer(
        "MaxPool2d", "MaxPool2d(kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False)",
        module: "torch.nn.modules.pooling"
    ) { _, a in
        if case .bool(true) = a["return_indices"] { throw PythonError.valueError("litbook's MaxPool2d cannot return indices") }
        return try MaxPool2d(
            kernelSize: PythonArguments.writtenSize(a["kernel_size"], "MaxPool2d", argument: "kernel_size"),
            stride: a["stride"].isNone ? nil : PythonArguments.writtenSize(a["stride"], "MaxPool2d", argument: "stride"),
            padding: PythonArguments.writtenSize(a["padding"], "MaxPool2d", argument: "padding"),
            dilation: PythonArguments.writtenSize(a["dilation"], "MaxPool2d", argument: "dilation"),
            ceilMode: PythonArguments.bool(a["ceil_mode"], "MaxPool2d", argument: "ceil_mode"))
    }

    static let avgPool2d = layer(
        "AvgPool2d",
        "AvgPool2d(kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None)",
        module: "torch.nn.modules.pooling"
    ) { _, a in
        guard a["divisor_override"].isNone else { throw PythonError.valueError("litbook's AvgPool2d has no divisor_override") }
        return AvgPool2d(
            kernelSize: try PythonArguments.writtenSize(a["kernel_size"], "AvgPool2d", argument: "kernel_size"),
            stride: a["stride"].isNone ? nil : try PythonArguments.writtenSize(a["stride"], "AvgPool2d", argument: "stride"),
            padding: try PythonArguments.writtenSize(a["padding"], "AvgPool2d", argument: "padding"),
            ceilMode: try PythonArguments.bool(a["ceil_mode"], "AvgPool2d", argument: "ceil_mode"),
            countIncludePad: try PythonArguments.bool(a["count_include_pad"], "AvgPool2d", argument: "count_include_pad"))
    }

    // MARK: - Layers without parameters

    static let sigmoid = layer("Sigmoid", "Sigmoid()", module: "torch.nn.modules.activation") { _, _ in Sigmoid() }
    static let tanh = layer("Tanh", "Tanh()", module: "torch.nn.modules.activation") { _, _ in Tanh() }
    static let relu = layer("ReLU", "ReLU(inplace=False)", module: "torch.nn.modules.activation") { _, a in
        ReLU(inPlace: try PythonArguments.bool(a["inplace"], "ReLU", argument: "inplace"))
    }
    static let identity = layer("Identity", "Identity(*args, **kwargs)", module: "torch.nn.modules.linear") { _, _ in Identity() }
    static let flatten = layer("Flatten", "Flatten(start_dim=1, end_dim=-1)", module: "torch.nn.modules.flatten") { _, a in
        Flatten(
            startDimension: try PythonArguments.int(a["start_dim"], "Flatten", argument: "start_dim"),
            endDimension: try PythonArguments.int(a["end_dim"], "Flatten", argument: "end_dim"))
    }
    static let dropout = layer("Dropout", "Dropout(p=0.5, inplace=False)", module: "torch.nn.modules.dropout") { interp, a in
        try Dropout(
            probability: PythonArguments.double(a["p"], "Dropout", argument: "p"),
            inPlace: PythonArguments.bool(a["inplace"], "Dropout", argument: "inplace"), generator: TorchContext.of(interp).generator)
    }
    static let softmax = layer("Softmax", "Softmax(dim=None)", module: "torch.nn.modules.activation") { _, a in
        Softmax(dimension: a["dim"].isNone ? nil : try PythonArguments.int(a["dim"], "Softmax", argument: "dim"))
    }
    static let logSoftmax = layer("LogSoftmax", "LogSoftmax(dim=None)", module: "torch.nn.modules.activation") { _, a in
        Softmax(dimension: a["dim"].isNone ? nil : try PythonArguments.int(a["dim"], "LogSoftmax", argument: "dim"), logarithm: true)
    }

    // MARK: - Losses

    static func reduction(_ a: CallArguments, _ function: String) throws -> LossReduction {
        let name = try a.string("reduction")
        guard let reduction = LossReduction(rawValue: name) else { throw PythonError.valueError("\(name) is not a valid value for reduction") }
        return reduction
    }

    static let mseLoss = layer("MSELoss", "MSELoss(size_average=None, reduce=None, reduction='mean')", module: "torch.nn.modules.loss") { _, a in
        MSELoss(reduction: try reduction(a, "MSELoss"))
    }
    static let crossEntropyLoss = layer(
        "CrossEntropyLoss",
        "CrossEntropyLoss(weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean', label_smoothing=0.0)",
        module: "torch.nn.modules.loss"
    ) { _, a in
        guard a["weight"].isNone else { throw PythonError.valueError("litbook's CrossEntropyLoss has no class weights") }
        guard try PythonArguments.double(a["label_smoothing"], "CrossEntropyLoss", argument: "label_smoothing") == 0 else {
            throw PythonError.valueError("litbook's CrossEntropyLoss has no label smoothing")
        }
        return CrossEntropyLoss(
            reduction: try reduction(a, "CrossEntropyLoss"),
            ignoreIndex: Int64(try PythonArguments.int(a["ignore_index"], "CrossEntropyLoss", argument: "ignore_index")))
    }
    static let nllLoss = layer(
        "NLLLoss", "NLLLoss(weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean')",
        module: "torch.nn.modules.loss"
    ) { _, a in
        guard a["weight"].isNone else { throw PythonError.valueError("litbook's NLLLoss has no class weights") }
        return NLLLoss(
            reduction: try reduction(a, "NLLLoss"),
            ignoreIndex: Int64(try PythonArguments.int(a["ignore_index"], "NLLLoss", argument: "ignore_index")))
    }
}
