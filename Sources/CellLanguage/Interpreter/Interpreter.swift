import Diagnostics
import Foundation

/// Runs notebook cells in one persistent global namespace, like a Jupyter kernel.
///
///     let interpreter = Interpreter()
///     let result = interpreter.run(cell: "x = 6 * 7\nx", file: "lesson.md", firstLine: 12)
///     result.displayText   // "42"
///
/// Printing goes to the interpreter's own buffer (`CellResult.output`), never to
/// the process's stdout. Evaluation runs on a thread with a large stack and
/// bounded recursion, so no input can overflow the Swift stack; a deadline
/// turns runaway loops into `TimeoutError`.
public final class Interpreter {
    /// The `__main__` globals that all cells share.
    public let globals = Namespace()
    let builtins: Namespace
    /// Modules that `import` can find, by dotted name.
    public private(set) var modules: [String: PyModule] = [:]

    /// Text printed by the cell being run.
    var output = ""
    var depth = 0
    /// Stack address where evaluation began on the large-stack thread (0: not evaluating).
    var stackBase: UInt = 0
    /// Size of the stack `stackBase` belongs to (a generator's thread is smaller).
    var stackLimit = LargeStack.size
    /// Generators started and not yet finished (each parks a thread).
    var liveCoroutines = 0
    /// Every coroutine made, to abandon the unfinished ones at teardown.
    var coroutines: [WeakCoroutine] = []
    /// Python's default recursion limit; each level costs a bounded amount of Swift stack.
    public var recursionLimit = 1000
    /// Exceptions being handled (for bare `raise`), innermost last.
    var handling: [PythonError] = []

    // MARK: - Deadline and cancellation

    /// When set, loops and calls check it and raise `TimeoutError` once past it.
    public var deadline: Date?
    /// The seconds quoted in the timeout message.
    public var timeoutSeconds: Double = 30
    /// Set from any thread to stop the running cell with `KeyboardInterrupt`.
    public var isCancelled = false
    var tick = 0

    /// Identity-based `id()` values: a counter, never a real address, so output is deterministic.
    var objectIDs: [ObjectIdentifier: (id: Int, object: AnyObject)] = [:]
    /// Containers whose repr is being built, to print `[...]` for cycles.
    var reprInProgress = Set<ObjectIdentifier>()

    public init() {
        builtins = Builtins.makeNamespace()
        register(module: MathModule.make())
    }

    /// Globals may hold very deep structures (`x = [x]` in a loop); freeing them
    /// recurses once per level, so it happens on a large stack too.
    deinit {
        let holder = GlobalsHolder(globals.slots)
        globals.slots = []
        LargeStack.run { holder.slots = [] }
        // Generators still referenced from outside must not outlive their interpreter.
        for entry in coroutines { entry.coroutine?.abandon() }
    }

    // MARK: - Modules

    /// Makes `module` importable under its dotted name; parents are created as needed
    /// and get the child as an attribute (`torch.nn` becomes `torch`'s `nn`).
    public func register(module: PyModule) {
        // A parent created earlier as a placeholder (`torch` for `torch.nn`) hands
        // its submodule attributes to the real module.
        if let placeholder = modules[module.name], placeholder !== module {
            for (name, value) in placeholder.attributes.entries where module.attributes[name] == nil {
                module.attributes[name] = value
            }
        }
        modules[module.name] = module
        let parts = module.name.split(separator: ".").map(String.init)
        guard parts.count > 1 else { return }
        let parentName = parts.dropLast().joined(separator: ".")
        let parent = modules[parentName] ?? PyModule(name: parentName)
        if modules[parentName] == nil { register(module: parent) }
        if parent.attributes[parts[parts.count - 1]] == nil {
            parent.attributes[parts[parts.count - 1]] = .object(module)
        }
    }

    public func module(named name: String) -> PyModule? { modules[name] }

    // MARK: - Globals

    public subscript(global name: String) -> Value? {
        get { globals[name] }
        set { globals[name] = newValue }
    }

    /// Global names bound so far, in binding order.
    public var globalNames: [String] { globals.names }

    // MARK: - Running cells

    /// Parses and runs one cell. A syntax error anywhere stops the cell before it
    /// runs; a runtime exception stops it where it happens, keeping what was printed.
    ///
    /// With `timeout`, the cell gets its own deadline (`TimeoutError: cell exceeded
    /// its N s timeout`); without, `deadline` applies as the host set it.
    public func run(cell source: String, file: String, firstLine: Int = 1, columnOffset: Int = 0, timeout: Double? = nil) -> CellResult {
        let saved = (deadline, timeoutSeconds)
        if let timeout {
            deadline = Date().addingTimeInterval(timeout)
            timeoutSeconds = timeout
        }
        defer { if timeout != nil { (deadline, timeoutSeconds) = saved } }
        return onLargeStack {
            self.runOnCurrentThread(source, file: file, firstLine: firstLine, columnOffset: columnOffset, namespace: self.globals)
        }
    }

    /// Runs host-provided Python (bindings written in Python) under its own file
    /// name. Without a module its definitions become globals of the notebook;
    /// with one they run in the module's own namespace and become its
    /// attributes (`d2l.Accumulator`). Throws the syntax or runtime error.
    public func runPrelude(_ source: String, file: String, into module: PyModule? = nil) throws {
        let namespace = module == nil ? globals : Namespace()
        let result = onLargeStack {
            self.runOnCurrentThread(source, file: file, firstLine: 1, columnOffset: 0, namespace: namespace)
        }
        if let error = result.error { throw error }
        if let module {
            for name in namespace.names { module.attributes[name] = namespace[name] }
        }
    }

    private func runOnCurrentThread(_ source: String, file: String, firstLine: Int, columnOffset: Int, namespace: Namespace) -> CellResult {
        output = ""
        depth = 0
        handling = []
        let parsed = Parser.parseOnCurrentThread(source, file: file, firstLine: firstLine, columnOffset: columnOffset)
        if !parsed.diagnostics.isEmpty {
            return CellResult(output: "", displayValue: nil, displayText: nil, error: .syntax(parsed.issues, parsed.diagnostics), definedNames: [])
        }
        let (defined, issues) = Resolver.resolve(parsed.statements)
        if let issue = issues.first {
            let loc = parsed.statements.first?.location ?? SourceLocation(file: file, line: firstLine)
            let diagnostic = Diagnostic.error("\(issue.kind): \(issue.message)", at: issue.line > 0 ? SourceLocation(file: file, line: issue.line, column: issue.column) : loc)
            return CellResult(output: "", displayValue: nil, displayText: nil, error: .syntax([issue], [diagnostic]), definedNames: [])
        }
        let frame = Frame(fastCount: 0, cells: [], globals: namespace, function: nil, name: "<module>")
        var display: Value?
        var displayText: String?
        do {
            var body = parsed.statements
            var last: Expr?
            if !parsed.endsWithSemicolon, let final = body.last, case .expression(let e) = final.kind {
                last = e
                body.removeLast()
            }
            _ = try exec(body, frame)
            if let last, let finalStmt = parsed.statements.last {
                frame.current = finalStmt
                try checkDeadline()
                let value = try eval(last, frame)
                if !value.isNone {
                    display = value
                    displayText = try repr(value)
                }
            }
        } catch {
            var e = pythonError(from: error)
            if let stmt = frame.current {
                e.traceback.append(TracebackEntry(location: stmt.location, function: "<module>"))
            }
            let failure = CellError.runtime(e, message: (try? str(.object(e.exception))) ?? e.message, cellFile: file)
            return CellResult(output: output, displayValue: nil, displayText: nil, error: failure, definedNames: defined)
        }
        return CellResult(output: output, displayValue: display, displayText: displayText, error: nil, definedNames: defined)
    }

    // MARK: - Limits

    /// Called at loop back-edges and calls; cheap except every 1024th time.
    @inline(__always)
    func checkDeadline() throws {
        tick &+= 1
        if tick & 1023 == 0 { try checkDeadlineNow() }
    }

    func checkDeadlineNow() throws {
        if isCancelled {
            isCancelled = false
            var e = PythonError(BuiltinTypes.keyboardInterrupt, args: [])
            e.stopsTheCell = true
            throw e
        }
        if let deadline, Date() > deadline {
            let seconds = timeoutSeconds == timeoutSeconds.rounded() ? String(Int(timeoutSeconds)) : String(timeoutSeconds)
            var e = PythonError(BuiltinTypes.timeoutError, "cell exceeded its \(seconds) s timeout")
            e.stopsTheCell = true
            throw e
        }
    }

    /// Runs `body` with one more level of recursion, or raises `RecursionError`:
    /// past `recursionLimit` levels, or when the evaluation thread's stack is
    /// nearly used up (a level's cost varies: a call inside a 1 000-term
    /// expression chain costs far more stack than a plain call).
    @inline(__always)
    func nested<T>(_ message: String = "maximum recursion depth exceeded", _ body: () throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        if depth > recursionLimit || stackIsNearlyFull() {
            throw PythonError(BuiltinTypes.recursionError, message)
        }
        return try body()
    }

    /// Stack used since evaluation began on this thread, against a budget that
    /// leaves 32 MiB (a quarter on a generator's smaller stack) for the deepest
    /// work between two checks.
    @inline(__always)
    private func stackIsNearlyFull() -> Bool {
        guard stackBase != 0 else { return false }
        let here = Interpreter.stackAddress()
        return stackBase > here && stackBase - here > UInt(stackLimit - min(32 << 20, stackLimit / 4))
    }

    @inline(never)
    static func stackAddress() -> UInt {
        var marker = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// Turns any Swift error into a Python exception.
    func pythonError(from error: Error) -> PythonError {
        if let e = error as? PythonError { return e }
        if let e = error as? PythonConvertibleError { return PythonError(e.pythonExceptionClass, e.pythonMessage) }
        return PythonError(BuiltinTypes.runtimeError, String(describing: error))
    }

    // MARK: - The evaluation thread

    /// Stack for evaluation: deep enough for `recursionLimit` nested Python calls
    /// (measured: ≈ 30 KiB of Swift stack per level in debug builds, 5 KiB in
    /// release) with a wide margin.
    static let evaluationStackSize = LargeStack.size

    /// Runs `body` on a thread with a large stack (inline if already on one).
    public func onLargeStack<T>(_ body: @escaping () -> T) -> T {
        LargeStack.run {
            let outermost = self.stackBase == 0
            if outermost { self.stackBase = Interpreter.stackAddress() }
            defer { if outermost { self.stackBase = 0 } }
            return body()
        }
    }

    /// Like `onLargeStack`, for throwing work (host callbacks into Python values).
    public func evaluate<T>(_ body: @escaping () throws -> T) throws -> T {
        let result: Result<T, Error> = onLargeStack { Result { try body() } }
        return try result.get()
    }
}

/// Owns the globals while they are freed on the large-stack thread.
private final class GlobalsHolder: @unchecked Sendable {
    var slots: [Value?]
    init(_ slots: [Value?]) { self.slots = slots }
}
