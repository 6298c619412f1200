/// A module's global variables. Names get stable slots so a `NameReference`
/// can cache its slot and skip hashing the name on every access.
public final class Namespace {
    var slots: [Value?] = []
    private var positions: [String: Int] = [:]
    private var slotNames: [String] = []

    public init() {}

    /// The slot for `name`, created empty if the name was never seen.
    func slot(for name: String) -> Int {
        if let p = positions[name] { return p }
        positions[name] = slots.count
        slots.append(nil)
        slotNames.append(name)
        return slots.count - 1
    }

    func existingSlot(for name: String) -> Int? { positions[name] }

    public subscript(name: String) -> Value? {
        get { positions[name].flatMap { slots[$0] } }
        set {
            if newValue == nil, positions[name] == nil { return }
            // Find (or create) the slot first: `slot(for:)` may append to `slots`.
            let index = slot(for: name)
            slots[index] = newValue
        }
    }

    /// Names with a value, in the order they were first bound.
    public var names: [String] {
        slotNames.indices.compactMap { slots[$0] == nil ? nil : slotNames[$0] }
    }
}

/// The activation of one function call, comprehension, class body or cell.
final class Frame {
    var fast: [Value?]
    var cells: [Cell]
    let globals: Namespace
    let function: PyFunction?
    /// The namespace being built by a class body.
    var classNamespace: AttributeTable?
    /// The statement being executed: where a traceback points.
    var current: Stmt?
    /// Set for a generator function's frame: where `yield` hands values over.
    weak var coroutine: Coroutine?
    let name: String

    init(fastCount: Int, cells: [Cell], globals: Namespace, function: PyFunction?, name: String) {
        fast = Array(repeating: nil, count: fastCount)
        self.cells = cells
        self.globals = globals
        self.function = function
        self.name = name
    }
}

/// How a statement list finished, other than by an exception.
enum Flow {
    case normal
    case breakLoop
    case continueLoop
    case returnValue(Value)
}
