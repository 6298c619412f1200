import CellLanguage

/// `torch.device('cpu')`: litbook computes on the CPU only; a CUDA device can
/// be named (as in PyTorch without a GPU) but not used.
final class DeviceObject: PythonObject {
    let type: String
    let index: Int?

    init(type: String, index: Int? = nil) {
        self.type = type
        self.index = index
    }

    var pythonClass: PyClass { Self.pythonClass }

    static let cpu = DeviceObject(type: "cpu")

    /// `cuda:0`, `cpu`: what `str(device)` prints.
    var name: String { index.map { "\(type):\($0)" } ?? type }

    /// A device from `'cpu'`, `'cuda:1'` or a device object.
    static func parse(_ value: Value) throws -> DeviceObject {
        if let device = value.as(DeviceObject.self) { return device }
        guard case .str(let text) = value else {
            throw PythonError.typeError(
                "device() received an invalid combination of arguments - got (\(value.typeName))")
        }
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let known = ["cpu", "cuda", "mps", "meta"]
        guard let kind = parts.first, known.contains(kind) else {
            throw PythonError.runtimeError(
                "Expected one of cpu, cuda, mps, meta device type at start of device string: \(text)")
        }
        if parts.count == 2 {
            guard let index = Int(parts[1]), index >= 0 else {
                throw PythonError.runtimeError("Invalid device string: '\(text)'")
            }
            return kind == "cpu" && index == 0
                ? DeviceObject(type: "cpu", index: 0) : DeviceObject(type: kind, index: index)
        }
        return kind == "cpu" ? cpu : DeviceObject(type: kind)
    }

    /// Refuses any device but the CPU, as PyTorch built without CUDA does.
    static func requireCPU(_ value: Value) throws {
        let device = try parse(value)
        if device.type == "cuda" {
            throw PythonError(BuiltinTypes.assertionError, "Torch not compiled with CUDA enabled")
        }
        if device.type != "cpu" {
            throw PythonError.runtimeError("litbook computes on the CPU only, not on '\(device.name)'")
        }
    }

    static let pythonClass = PyClass.native("device", module: "torch") { c in
        c.constructor { _, _, args in
            guard let first = args.positional.first ?? args.keyword("type") else {
                throw PythonError.typeError("device() missing required argument 'type'")
            }
            let device = try parse(first)
            if let index = args.positional.dropFirst().first?.intValue {
                return .object(DeviceObject(type: device.type, index: index))
            }
            return .object(device)
        }
        c.method("__repr__") { _, this, _ in
            let device = try receiver(this)
            return .str(
                device.index.map { "device(type='\(device.type)', index=\($0))" } ?? "device(type='\(device.type)')")
        }
        c.method("__str__") { _, this, _ in .str(try receiver(this).name) }
        c.method("__eq__") { _, this, args in
            guard let other = args.positional.first?.as(DeviceObject.self) else { return .notImplemented }
            let device = try receiver(this)
            return .bool(device.type == other.type && device.index == other.index)
        }
        c.method("__hash__") { interp, this, _ in .int(try interp.hash(.str(try receiver(this).name))) }
        c.property("type") { _, this in .str(try receiver(this).type) }
        c.property("index") { _, this in try receiver(this).index.map(Value.int) ?? .none }
    }

    private static func receiver(_ value: Value) throws -> DeviceObject {
        guard let object = value.as(DeviceObject.self) else { throw PythonError.typeError("expected a torch.device") }
        return object
    }
}
