import CellLanguage
import TensorEngine

/// `torch.nn.functional`: the layers as functions.
enum FunctionalModule {
    static func install(in functional: PyModule) {
        func add(_ spec: String, _ body: @escaping (Interpreter, CallArguments) throws -> Value) {
            let signature = FastSignature(spec)
            functional.addFunction(signature.name) { interp, args in try body(interp, try signature.bind(args)) }
        }
        func input(_ a: CallArguments, _ function: String) throws -> Tensor {
            try PythonArguments.tensor(a["input"], function)
        }
        add("conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)") { _, a in
            if case .str(let padding) = a["padding"] {
                throw PythonError.valueError("litbook's conv2d takes numeric padding, not padding='\(padding)'")
            }
            return .tensor(try input(a, "conv2d").conv2d(
                weight: PythonArguments.tensor(a["weight"], "conv2d", argument: "weight"),
                bias: PythonArguments.optionalTensor(a["bias"], "conv2d", argument: "bias"),
                stride: PythonArguments.pair(a["stride"], "conv2d", argument: "stride"),
                padding: PythonArguments.pair(a["padding"], "conv2d", argument: "padding"),
                dilation: PythonArguments.pair(a["dilation"], "conv2d", argument: "dilation"),
                groups: PythonArguments.int(a["groups"], "conv2d", argument: "groups")))
        }
        add("max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False)") { _, a in
            guard try PythonArguments.pair(a["dilation"], "max_pool2d", argument: "dilation") == IntOrPair(1) else {
                throw PythonError.valueError("litbook's max_pool2d supports dilation=1 only")
            }
            let kernel = try PythonArguments.pair(a["kernel_size"], "max_pool2d", argument: "kernel_size")
            return .tensor(try input(a, "max_pool2d").maxPool2d(
                kernelSize: kernel, stride: a["stride"].isNone ? kernel : PythonArguments.pair(a["stride"], "max_pool2d", argument: "stride"),
                padding: PythonArguments.pair(a["padding"], "max_pool2d", argument: "padding"),
                ceilMode: PythonArguments.bool(a["ceil_mode"], "max_pool2d", argument: "ceil_mode")))
        }
        add("avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None)") { _, a in
            let kernel = try PythonArguments.pair(a["kernel_size"], "avg_pool2d", argument: "kernel_size")
            return .tensor(try input(a, "avg_pool2d").avgPool2d(
                kernelSize: kernel, stride: a["stride"].isNone ? kernel : PythonArguments.pair(a["stride"], "avg_pool2d", argument: "stride"),
                padding: PythonArguments.pair(a["padding"], "avg_pool2d", argument: "padding"),
                ceilMode: PythonArguments.bool(a["ceil_mode"], "avg_pool2d", argument: "ceil_mode"),
                countIncludePad: PythonArguments.bool(a["count_include_pad"], "avg_pool2d", argument: "count_include_pad")))
        }
        add("relu(input, inplace=False)") { _, a in
            let x = try input(a, "relu")
            return .tensor(try PythonArguments.bool(a["inplace"], "relu", argument: "inplace") ? x.relu_() : x.relu())
        }
        add("sigmoid(input)") { _, a in .tensor(try input(a, "sigmoid").sigmoid()) }
        add("tanh(input)") { _, a in .tensor(try input(a, "tanh").tanh()) }
        add("softmax(input, dim=None, _stacklevel=3, dtype=None)") { _, a in
            let x = try PythonArguments.dtype(a["dtype"], "softmax").map { try input(a, "softmax").to($0) } ?? input(a, "softmax")
            return .tensor(try x.softmax(dimension: defaultDimension(a["dim"], x, "softmax")))
        }
        add("log_softmax(input, dim=None, _stacklevel=3, dtype=None)") { _, a in
            let x = try PythonArguments.dtype(a["dtype"], "log_softmax").map { try input(a, "log_softmax").to($0) } ?? input(a, "log_softmax")
            return .tensor(try x.logSoftmax(dimension: defaultDimension(a["dim"], x, "log_softmax")))
        }
        add("linear(input, weight, bias=None)") { _, a in
            .tensor(try input(a, "linear").linear(
                weight: PythonArguments.tensor(a["weight"], "linear", argument: "weight"),
                bias: PythonArguments.optionalTensor(a["bias"], "linear", argument: "bias")))
        }
        add("dropout(input, p=0.5, training=True, inplace=False)") { interp, a in
            let x = try input(a, "dropout")
            let output = try x.dropout(
                probability: PythonArguments.double(a["p"], "dropout", argument: "p"),
                training: PythonArguments.bool(a["training"], "dropout", argument: "training"),
                generator: TorchContext.of(interp).generator)
            if try PythonArguments.bool(a["inplace"], "dropout", argument: "inplace"), output !== x { return .tensor(try x.copy_(output)) }
            return .tensor(output)
        }
        add("mse_loss(input, target, size_average=None, reduce=None, reduction='mean')") { _, a in
            .tensor(try input(a, "mse_loss").mseLoss(
                target: PythonArguments.tensor(a["target"], "mse_loss", argument: "target"),
                reduction: LayerClasses.reduction(a, "mse_loss")))
        }
        add("cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean', label_smoothing=0.0)") { _, a in
            guard a["weight"].isNone else { throw PythonError.valueError("litbook's cross_entropy has no class weights") }
            return .tensor(try input(a, "cross_entropy").crossEntropy(
                target: PythonArguments.tensor(a["target"], "cross_entropy", argument: "target"),
                reduction: LayerClasses.reduction(a, "cross_entropy"),
                ignoreIndex: Int64(PythonArguments.int(a["ignore_index"], "cross_entropy", argument: "ignore_index"))))
        }
        add("nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean')") { _, a in
            guard a["weight"].isNone else { throw PythonError.valueError("litbook's nll_loss has no class weights") }
            return .tensor(try input(a, "nll_loss").nllLoss(
                target: PythonArguments.tensor(a["target"], "nll_loss", argument: "target"),
                reduction: LayerClasses.reduction(a, "nll_loss"),
                ignoreIndex: Int64(PythonArguments.int(a["ignore_index"], "nll_loss", argument: "ignore_index"))))
        }
        add("one_hot(tensor, num_classes=-1)") { _, a in
            let labels = try PythonArguments.tensor(a["tensor"], "one_hot", argument: "tensor")
            guard labels.dtype == .int64 else { throw PythonError.runtimeError("one_hot is only applicable to index tensor of type LongTensor.") }
            let values = labels.integers()
            var classes = try PythonArguments.int(a["num_classes"], "one_hot", argument: "num_classes")
            if classes == -1 { classes = Int(values.max() ?? -1) + 1 }
            guard classes >= 0 else { throw PythonError.runtimeError("Class values must be non-negative.") }
            var encoded = [Int64](repeating: 0, count: values.count * classes)
            for (row, value) in values.enumerated() {
                guard value >= 0 else { throw PythonError.runtimeError("Class values must be non-negative.") }
                guard value < classes else { throw PythonError.runtimeError("Class values must be smaller than num_classes.") }
                encoded[row * classes + Int(value)] = 1
            }
            return .tensor(try Tensor(shape: labels.shape + [classes], integers: encoded))
        }
    }

    /// PyTorch's implicit softmax dimension (0 for 0-, 1- and 3-d, else 1).
    private static func defaultDimension(_ value: Value, _ input: Tensor, _ function: String) throws -> Int {
        if !value.isNone { return try PythonArguments.dimension(value, function) }
        return input.rank == 0 || input.rank == 1 || input.rank == 3 ? 0 : 1
    }
}
