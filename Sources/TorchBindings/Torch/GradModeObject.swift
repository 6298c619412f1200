import CellLanguage
import TensorEngine

/// `torch.no_grad()`, `torch.enable_grad()`, `torch.set_grad_enabled(mode)`:
/// context managers that set whether ops record gradients and restore the
/// previous mode on exit, also usable as decorators (`@torch.no_grad()`).
final class GradModeObject: PythonObject {
    let enables: Bool
    let kind: Kind
    /// The mode to restore on exit; a stack, so one object may be re-entered.
    private var saved: [Bool] = []
    /// `set_grad_enabled` changes the mode when created and restores this one on exit.
    private var modeBeforeCreation = true

    enum Kind: String {
        case noGrad = "no_grad"
        case enableGrad = "enable_grad"
        case setGradEnabled = "set_grad_enabled"
        case inferenceMode = "inference_mode"
    }

    init(kind: Kind, enables: Bool) {
        self.kind = kind
        self.enables = enables
    }

    var pythonClass: PyClass { Self.classes[kind] ?? Self.noGradClass }

    private static let noGradClass = makeClass(.noGrad, enables: false)
    private static let classes: [Kind: PyClass] = [
        .noGrad: noGradClass,
        .enableGrad: makeClass(.enableGrad, enables: true),
        .setGradEnabled: makeClass(.setGradEnabled, enables: true),
        .inferenceMode: makeClass(.inferenceMode, enables: false),
    ]

    static func pythonClass(_ kind: Kind) -> PyClass { classes[kind] ?? noGradClass }

    /// `f` wrapped so that it runs with this object's mode.
    static func decorated(_ function: Value, enables: Bool) -> Value {
        .object(
            NativeFunction("decorated", bindsToInstance: true) { interp, args in
                let previous = GradientMode.isEnabled
                GradientMode.isEnabled = enables
                defer { GradientMode.isEnabled = previous }
                return try interp.call(function, args)
            })
    }

    private static func makeClass(_ kind: Kind, enables: Bool) -> PyClass {
        PyClass.native(kind.rawValue, module: "torch") { c in
            c.constructor { interp, _, args in
                switch kind {
                case .setGradEnabled:
                    guard let mode = args.positional.first ?? args.keyword("mode") else {
                        throw PythonError.typeError("set_grad_enabled() missing 1 required positional argument: 'mode'")
                    }
                    let flag = try PythonArguments.bool(mode, "set_grad_enabled", argument: "mode")
                    let object = GradModeObject(kind: kind, enables: flag)
                    // Like PyTorch, the mode takes effect at once (also without `with`).
                    object.modeBeforeCreation = GradientMode.isEnabled
                    GradientMode.isEnabled = flag
                    return .object(object)
                case .inferenceMode:
                    let flag =
                        try args.positional.first.map {
                            try PythonArguments.bool($0, "inference_mode", argument: "mode")
                        } ?? true
                    return .object(GradModeObject(kind: kind, enables: !flag))
                default:
                    // `@torch.no_grad` without parentheses decorates directly.
                    if let function = args.positional.first, function.pythonClass !== BuiltinTypes.bool {
                        return decorated(function, enables: enables)
                    }
                    return .object(GradModeObject(kind: kind, enables: enables))
                }
            }
            c.method("__enter__") { _, this, _ in
                guard let object = this.as(GradModeObject.self), object.kind != .setGradEnabled else { return .none }
                object.saved.append(GradientMode.isEnabled)
                GradientMode.isEnabled = object.enables
                return .none
            }
            c.method("__exit__") { _, this, _ in
                guard let object = this.as(GradModeObject.self) else { return .bool(false) }
                if object.kind == .setGradEnabled {
                    GradientMode.isEnabled = object.modeBeforeCreation
                } else if let previous = object.saved.popLast() {
                    GradientMode.isEnabled = previous
                }
                return .bool(false)
            }
            c.method("__call__") { _, this, args in
                guard let object = this.as(GradModeObject.self), let function = args.positional.first else {
                    throw PythonError.typeError("\(kind.rawValue) object needs a function to decorate")
                }
                return decorated(function, enables: object.enables)
            }
        }
    }
}
