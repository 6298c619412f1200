import CellLanguage
import TensorEngine

/// `torch.Generator()`: a random generator of its own, for calls that take
/// `generator=`; without one, calls draw from the session's default generator.
final class GeneratorObject: PythonObject {
    let generator: RandomGenerator

    init(_ generator: RandomGenerator) { self.generator = generator }

    var pythonClass: PyClass { Self.pythonClass }

    /// The generator named by a `generator=` argument, or the session's.
    static func resolve(_ value: Value, _ interp: Interpreter) throws -> RandomGenerator {
        if value.isNone { return TorchContext.of(interp).generator }
        guard let object = value.as(GeneratorObject.self) else {
            throw PythonError.typeError("argument 'generator' must be torch.Generator, not \(value.typeName)")
        }
        return object.generator
    }

    static let pythonClass = PyClass.native("Generator", module: "torch._C") { c in
        c.constructor { _, _, args in
            if let device = args.positional.first ?? args.keyword("device") { try DeviceObject.requireCPU(device) }
            return .object(GeneratorObject(RandomGenerator()))
        }
        c.method("manual_seed") { _, this, args in
            guard let object = this.as(GeneratorObject.self), let seed = args.positional.first?.intValue else {
                throw PythonError.typeError("manual_seed expected an int seed")
            }
            object.generator.manualSeed(UInt64(bitPattern: Int64(seed)))
            return this
        }
        c.method("initial_seed") { _, this, _ in
            guard let object = this.as(GeneratorObject.self) else {
                throw PythonError.typeError("expected a torch.Generator")
            }
            return .int(Int(Int64(bitPattern: object.generator.initialSeed)))
        }
    }
}
