import Diagnostics

/// A Python exception in flight, as a Swift error.
///
/// Native code raises with a one-liner — `throw PythonError(.valueError, "bad size")`
/// — and the interpreter gives it the location of the Python call site.
/// Python's `try`/`except` catches it by class, like any other exception.
public struct PythonError: Error, CustomStringConvertible {
    /// The exception object: an instance of a subclass of `BaseException`.
    public let exception: PyInstance
    /// Where it was raised: the innermost notebook location known so far.
    public var location: SourceLocation?
    /// Frames it passed through, innermost first.
    public var traceback: [TracebackEntry] = []
    /// Set for the host's timeout and cancellation: `except` clauses and
    /// `__exit__` cannot swallow it (else `try/except` in a loop could run forever).
    public var stopsTheCell = false
    /// Set when an abandoned generator unwinds: `finally` blocks and `__exit__`
    /// are skipped so that no user code runs at an arbitrary moment.
    var skipsCleanup = false

    public init(exception: PyInstance) {
        self.exception = exception
    }

    /// An exception of class `cls` whose single argument is `message`.
    public init(_ cls: PyClass, _ message: String) {
        self.init(exception: ExceptionState.make(cls, args: [.str(message)]))
    }

    /// An exception of class `cls` with the given args (`KeyError(key)`, bare `AssertionError()`).
    public init(_ cls: PyClass, args: [Value]) {
        self.init(exception: ExceptionState.make(cls, args: args))
    }

    public var exceptionClass: PyClass { exception.pythonClass }
    public var typeName: String { exception.pythonClass.name }
    public var args: [Value] { ExceptionState.args(of: exception) }

    /// Python's `str(e)` for the built-in cases (no user `__str__`): one arg is
    /// shown as its `str`, several as the tuple repr. `KeyError` shows the key's repr.
    public var message: String {
        let args = self.args
        if args.isEmpty { return "" }
        if args.count == 1 {
            if exceptionClass.isSubclass(of: BuiltinTypes.keyError) { return Repr.plain(args[0]) }
            return Repr.plainStr(args[0])
        }
        return Repr.plain(.tuple(args))
    }

    public var description: String { message.isEmpty ? typeName : "\(typeName): \(message)" }

    // MARK: - One-liners for native code

    public static func typeError(_ message: String) -> PythonError { PythonError(BuiltinTypes.typeError, message) }
    public static func valueError(_ message: String) -> PythonError { PythonError(BuiltinTypes.valueError, message) }
    public static func runtimeError(_ message: String) -> PythonError { PythonError(BuiltinTypes.runtimeError, message) }
    public static func indexError(_ message: String) -> PythonError { PythonError(BuiltinTypes.indexError, message) }
    public static func attributeError(_ message: String) -> PythonError { PythonError(BuiltinTypes.attributeError, message) }
    public static func notImplementedError(_ message: String) -> PythonError { PythonError(BuiltinTypes.notImplementedError, message) }
    public static func overflowError(_ message: String) -> PythonError { PythonError(BuiltinTypes.overflowError, message) }
    public static func zeroDivisionError(_ message: String) -> PythonError { PythonError(BuiltinTypes.zeroDivisionError, message) }
}

/// One line of a Python-style traceback: where a frame was when the exception passed.
public struct TracebackEntry: Hashable, Sendable {
    public var location: SourceLocation
    /// `<module>` for cell top level, else the function's name.
    public var function: String
}

/// A Swift error from another module that knows which Python exception it is.
/// Errors that do not conform reach Python as `RuntimeError(String(describing:))`.
public protocol PythonConvertibleError: Error {
    var pythonExceptionClass: PyClass { get }
    var pythonMessage: String { get }
}

/// The native state of an exception instance: its `args`.
final class ExceptionState {
    var args: [Value]
    init(args: [Value]) { self.args = args }

    static func make(_ cls: PyClass, args: [Value]) -> PyInstance {
        let instance = PyInstance(of: cls)
        instance.payload = ExceptionState(args: args)
        return instance
    }

    static func args(of instance: PyInstance) -> [Value] {
        (instance.payload as? ExceptionState)?.args ?? []
    }
}
