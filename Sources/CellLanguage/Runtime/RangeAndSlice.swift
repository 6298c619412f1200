/// Python's `range`: a lazy arithmetic sequence.
public final class PyRange: PythonObject {
    public let start: Int, stop: Int, step: Int
    public init(start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
    }
    public var pythonClass: PyClass { BuiltinTypes.range }

    public var count: Int {
        if step > 0 {
            guard start < stop else { return 0 }
            let span = stop.subtractingReportingOverflow(start)
            return span.overflow ? Int.max : (span.partialValue - 1) / step + 1
        }
        guard start > stop else { return 0 }
        let span = start.subtractingReportingOverflow(stop)
        return span.overflow ? Int.max : (span.partialValue - 1) / (-step) + 1
    }

    func element(_ i: Int) -> Int? {
        guard i >= 0 && i < count else { return nil }
        let (offset, o1) = i.multipliedReportingOverflow(by: step)
        let (v, o2) = start.addingReportingOverflow(offset)
        return o1 || o2 ? nil : v
    }

    func elementsEqual(_ other: PyRange) -> Bool {
        let n = count
        if n != other.count { return false }
        if n == 0 { return true }
        if start != other.start { return false }
        return n == 1 || step == other.step
    }
}

/// Python's `slice(start, stop, step)`.
public final class PySlice: PythonObject {
    public let start: Value, stop: Value, step: Value
    public init(start: Value, stop: Value, step: Value) {
        self.start = start
        self.stop = stop
        self.step = step
    }
    public var pythonClass: PyClass { BuiltinTypes.slice }

    /// `slice.indices(length)`: concrete start, stop, step clamped to a sequence
    /// of `length`, and the number of selected items.
    public func indices(length: Int, _ interpreter: Interpreter) throws -> (start: Int, stop: Int, step: Int, count: Int) {
        func int(_ v: Value) throws -> Int? {
            if v.isNone { return nil }
            guard let i = try interpreter.indexValue(v) else {
                throw PythonError.typeError("slice indices must be integers or None or have an __index__ method")
            }
            return i
        }
        let step = max(try int(self.step) ?? 1, -Int.max)
        if step == 0 { throw PythonError.valueError("slice step cannot be zero") }
        let (lower, upper) = step < 0 ? (-1, length - 1) : (0, length)
        func clamp(_ v: Int?, _ defaultValue: Int) -> Int {
            guard var x = v else { return defaultValue }
            if x < 0 {
                x = x &+ length
                if x < lower { x = lower }
            } else if x > upper {
                x = upper
            }
            return x
        }
        let start = clamp(try int(self.start), step < 0 ? upper : lower)
        let stop = clamp(try int(self.stop), step < 0 ? lower : upper)
        var count = 0
        if step < 0 {
            if stop < start { count = (start - stop - 1) / (-step) + 1 }
        } else if start < stop {
            count = (stop - start - 1) / step + 1
        }
        return (start, stop, step, count)
    }
}
