import Foundation

/// A generator function's suspended execution.
///
/// The tree-walking evaluator keeps its state on the Swift stack, so a
/// generator's body runs on a thread of its own and hands control back and
/// forth with semaphores: exactly one of the consumer and the generator runs at
/// any time, so the interpreter's state is never touched concurrently. An
/// abandoned generator (freed before it finished) is unwound without running
/// any more user code (its `finally` blocks and `__exit__`s are skipped).
final class Coroutine: @unchecked Sendable {
    enum State { case fresh, running, suspended, finished }
    private enum Outcome { case yielded(Value), returned, raised(Error) }
    private enum Command { case next(Value), abandon }

    /// Each generator thread's stack: deep enough for ordinary calls inside a
    /// generator, small enough that many suspended generators are cheap.
    static let stackSize = 64 << 20
    /// Suspended generators per interpreter, each with a parked thread.
    static let maximumLive = 256

    private let toGenerator = DispatchSemaphore(value: 0)
    private let toConsumer = DispatchSemaphore(value: 0)
    private var outcome: Outcome = .returned
    private var command: Command = .next(.none)
    private(set) var state: State = .fresh
    private var threadBase: UInt = 0
    /// The generator's own stack of exceptions being handled (for a bare `raise`
    /// after a `yield` inside an `except` block), kept while it is suspended.
    private var handling: [PythonError] = []

    /// Unowned: the interpreter outlives its coroutines (its deinit abandons them).
    private unowned(unsafe) let interpreter: Interpreter
    private var frame: Frame?
    private let code: FunctionCode

    init(interpreter: Interpreter, frame: Frame, code: FunctionCode) {
        self.interpreter = interpreter
        self.frame = frame
        self.code = code
        frame.coroutine = self
    }

    // MARK: - Consumer side

    /// Runs the generator to its next `yield`; nil when it has finished.
    func resume(_ interpreter: Interpreter) throws -> Value? {
        switch state {
        case .finished: return nil
        case .running: throw PythonError.valueError("generator already executing")
        case .fresh, .suspended: break
        }
        let saved = (interpreter.stackBase, interpreter.stackLimit, interpreter.depth, interpreter.handling)
        command = .next(.none)
        interpreter.handling = handling
        if state == .fresh {
            guard interpreter.liveCoroutines < Coroutine.maximumLive else {
                throw PythonError.runtimeError("too many unfinished generators (at most \(Coroutine.maximumLive) may be suspended at once)")
            }
            interpreter.liveCoroutines += 1
            state = .running
            start()
        } else {
            state = .running
            interpreter.stackBase = threadBase
            interpreter.stackLimit = Coroutine.stackSize
            toGenerator.signal()
        }
        toConsumer.wait()
        handling = interpreter.handling
        (interpreter.stackBase, interpreter.stackLimit, interpreter.depth, interpreter.handling) = saved
        switch outcome {
        case .yielded(let value):
            state = .suspended
            return value
        case .returned:
            finish()
            return nil
        case .raised(let error):
            finish()
            var e = interpreter.pythonError(from: error)
            if e.exceptionClass.isSubclass(of: BuiltinTypes.stopIteration) {
                e = PythonError.runtimeError("generator raised StopIteration")
            }
            throw e
        }
    }

    /// Ends a suspended generator without running more of its code.
    func abandon() {
        guard state == .suspended else { return }
        command = .abandon
        state = .running
        toGenerator.signal()
        toConsumer.wait()
        finish()
    }

    private func finish() {
        if state != .finished && state != .fresh { interpreter.liveCoroutines -= 1 }
        state = .finished
        frame = nil
    }

    private func start() {
        let thread = Thread { [self] in
            LargeStack.markCurrentThread()
            threadBase = Interpreter.stackAddress()
            interpreter.stackBase = threadBase
            interpreter.stackLimit = Coroutine.stackSize
            guard let frame else {
                toConsumer.signal()
                return
            }
            do {
                _ = try interpreter.exec(code.body, frame)
                outcome = .returned
            } catch {
                var e = interpreter.pythonError(from: error)
                if let stmt = frame.current { e.traceback.append(TracebackEntry(location: stmt.location, function: code.name)) }
                outcome = .raised(e)
            }
            toConsumer.signal()
        }
        thread.stackSize = Coroutine.stackSize
        thread.start()
    }

    // MARK: - Generator side

    /// `yield value`: hands `value` to the consumer and waits to be resumed.
    func suspend(yielding value: Value) throws -> Value {
        outcome = .yielded(value)
        toConsumer.signal()
        toGenerator.wait()
        switch command {
        case .next(let sent):
            return sent
        case .abandon:
            var exit = PythonError(BuiltinTypes.generatorExit, args: [])
            exit.stopsTheCell = true
            exit.skipsCleanup = true
            throw exit
        }
    }
}

/// Owns a coroutine for the generator object: when the object is freed, a
/// generator that never finished is abandoned and its thread ends.
final class CoroutineHandle {
    let coroutine: Coroutine
    init(_ coroutine: Coroutine) { self.coroutine = coroutine }
    deinit { coroutine.abandon() }
}

/// Weak entries for the interpreter's teardown.
struct WeakCoroutine {
    weak var coroutine: Coroutine?
}
