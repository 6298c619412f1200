import CellLanguage
import TensorEngine

/// The axes settings that d2l's plotting functions take.
struct PlotAxes {
    var xLabel: String?
    var yLabel: String?
    var xLimits: ClosedRange<Double>?
    var yLimits: ClosedRange<Double>?
    var logarithmicY: Bool

    init(_ a: CallArguments, _ interp: Interpreter) throws {
        xLabel = try a.optional("xlabel").map { try interp.str($0) }
        yLabel = try a.optional("ylabel").map { try interp.str($0) }
        xLimits = try PlotValues.limits(a["xlim"], interp)
        yLimits = try PlotValues.limits(a["ylim"], interp)
        logarithmicY = a["yscale"].stringValue == "log"
    }
}

/// Numbers for plots from Python numbers, tensors and sequences.
enum PlotValues {
    static func number(_ value: Value, _ interp: Interpreter) throws -> Double {
        if let number = value.doubleValue { return number }
        if let tensor = value.as(Tensor.self), tensor.count == 1 { return try tensor.item().doubleValue }
        return try interp.builtinFloat(value)
    }

    /// d2l's `hasattr(x, "__len__")`.
    static func hasLength(_ value: Value, _ interp: Interpreter) throws -> Bool {
        switch value {
        case .list, .tuple, .str, .dict: return true
        case .object(let object):
            if let tensor = object as? Tensor { return tensor.rank > 0 }
            return object.pythonClass.lookup("__len__") != nil
        default: return false
        }
    }

    static func items(_ value: Value, _ interp: Interpreter) throws -> [Value] {
        try hasLength(value, interp) ? try interp.collect(value) : [value]
    }

    static func numbers(_ value: Value, _ interp: Interpreter) throws -> [Double] {
        if let tensor = value.as(Tensor.self) { return tensor.doubles() }
        return try interp.collect(value).map { try number($0, interp) }
    }

    /// `xlim=[1, 10]` → 1...10; None → nil.
    static func limits(_ value: Value, _ interp: Interpreter) throws -> ClosedRange<Double>? {
        if value.isNone { return nil }
        let bounds = try numbers(value, interp)
        guard bounds.count == 2, bounds[0].isFinite, bounds[1].isFinite else {
            throw PythonError.valueError("axis limits must be two finite numbers")
        }
        return min(bounds[0], bounds[1])...max(bounds[0], bounds[1])
    }
}
