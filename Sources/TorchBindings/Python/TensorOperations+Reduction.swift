import CellLanguage
import TensorEngine

/// Reductions: sum, mean, prod, max/min (with indices), argmax/argmin,
/// all/any, norm, var/std.
enum ReductionOperations {
    /// `dim` or its numpy spelling `axis`, never both.
    static func dimensions(_ a: CallArguments, _ function: String) throws -> [Int]? {
        let dim = a["dim"]
        let axis = a["axis"]
        if !dim.isNone && !axis.isNone {
            throw PythonError.typeError("\(function)() received an invalid combination of arguments - got both 'dim' and 'axis'")
        }
        return try PythonArguments.dimensions(dim.isNone ? axis : dim, function)
    }

    static func keepDim(_ a: CallArguments, _ function: String) throws -> Bool {
        try PythonArguments.bool(a["keepdim"], function, argument: "keepdim")
    }

    /// The tensor converted to `dtype=` first, if given.
    static func converted(_ t: Tensor, _ a: CallArguments, _ function: String) throws -> Tensor {
        try PythonArguments.dtype(a["dtype"], function).map { try t.to($0) } ?? t
    }

    static let all: [TensorOperation] = [
        TensorOperation("sum(dim=None, keepdim=False, *, dtype=None, axis=None)") { _, t, a in
            let input = try converted(t, a, "sum")
            guard let dimensions = try dimensions(a, "sum") else { return .tensor(try input.sum()) }
            return .tensor(try input.sum(dimensions: dimensions, keepDim: keepDim(a, "sum")))
        },
        TensorOperation("mean(dim=None, keepdim=False, *, dtype=None, axis=None)") { _, t, a in
            let input = try converted(t, a, "mean")
            guard let dimensions = try dimensions(a, "mean") else { return .tensor(try input.mean()) }
            return .tensor(try input.mean(dimensions: dimensions, keepDim: keepDim(a, "mean")))
        },
        TensorOperation("prod(dim=None, keepdim=False, *, dtype=None)") { _, t, a in
            let input = try converted(t, a, "prod")
            guard !a["dim"].isNone else { return .tensor(try input.product()) }
            return .tensor(try input.product(dimension: PythonArguments.dimension(a["dim"], "prod"), keepDim: keepDim(a, "prod")))
        },
        TensorOperation("max(dim=None, keepdim=False)") { _, t, a in try extremum(t, a, largest: true) },
        TensorOperation("min(dim=None, keepdim=False)") { _, t, a in try extremum(t, a, largest: false) },
        TensorOperation("amax(dim=(), keepdim=False)") { _, t, a in try extremumValues(t, a, largest: true) },
        TensorOperation("amin(dim=(), keepdim=False)") { _, t, a in try extremumValues(t, a, largest: false) },
        TensorOperation("argmax(dim=None, keepdim=False, *, axis=None)") { _, t, a in
            guard let dimension = try dimensions(a, "argmax")?.first else { return .tensor(try t.argmax()) }
            return .tensor(try t.argmax(dimension: dimension, keepDim: keepDim(a, "argmax")))
        },
        TensorOperation("argmin(dim=None, keepdim=False, *, axis=None)") { _, t, a in
            guard let dimension = try dimensions(a, "argmin")?.first else { return .tensor(try t.argmin()) }
            return .tensor(try t.argmin(dimension: dimension, keepDim: keepDim(a, "argmin")))
        },
        TensorOperation("all(dim=None, keepdim=False)") { _, t, a in
            guard !a["dim"].isNone else { return .tensor(try t.all()) }
            return .tensor(try t.all(dimension: PythonArguments.dimension(a["dim"], "all"), keepDim: keepDim(a, "all")))
        },
        TensorOperation("any(dim=None, keepdim=False)") { _, t, a in
            guard !a["dim"].isNone else { return .tensor(try t.any()) }
            return .tensor(try t.any(dimension: PythonArguments.dimension(a["dim"], "any"), keepDim: keepDim(a, "any")))
        },
        TensorOperation("norm(p='fro', dim=None, keepdim=False, dtype=None)") { _, t, a in
            let p: Double
            switch a["p"] {
            case .str(let name) where name == "fro": p = 2
            case .str(let name): throw PythonError.runtimeError("litbook's norm supports p='fro' and numbers, not '\(name)'")
            case let value: p = try PythonArguments.double(value, "norm", argument: "p")
            }
            let input = try converted(t, a, "norm")
            return .tensor(try input.norm(
                p: p, dimensions: PythonArguments.dimensions(a["dim"], "norm"), keepDim: keepDim(a, "norm")))
        },
        TensorOperation("var(dim=None, unbiased=True, keepdim=False, *, correction=None)") { _, t, a in
            .tensor(try variance(t, a, "var"))
        },
        TensorOperation("std(dim=None, unbiased=True, keepdim=False, *, correction=None)") { _, t, a in
            .tensor(try variance(t, a, "std").sqrt())
        },
    ]

    /// `max()`, `max(dim)` (values and indices) or `max(other)` (elementwise).
    private static func extremum(_ t: Tensor, _ a: CallArguments, largest: Bool) throws -> Value {
        let name = largest ? "max" : "min"
        if let other = a["dim"].as(Tensor.self) { return .tensor(largest ? try t.maximum(other) : try t.minimum(other)) }
        guard !a["dim"].isNone else { return .tensor(largest ? try t.max() : try t.min()) }
        let dimension = try PythonArguments.dimension(a["dim"], name)
        let keep = try keepDim(a, name)
        let (values, indices) = largest
            ? try t.max(dimension: dimension, keepDim: keep) : try t.min(dimension: dimension, keepDim: keep)
        return .object(NamedResult(largest ? NamedResult.max : NamedResult.min, [.tensor(values), .tensor(indices)]))
    }

    /// `amax(dim)`: only the values, over one or several dimensions.
    private static func extremumValues(_ t: Tensor, _ a: CallArguments, largest: Bool) throws -> Value {
        let name = largest ? "amax" : "amin"
        let dimensions = try PythonArguments.dimensions(a["dim"], name) ?? []
        let keep = try keepDim(a, name)
        if dimensions.isEmpty { return .tensor(largest ? try t.max() : try t.min()) }
        var result = t
        for dimension in dimensions.map({ $0 < 0 ? $0 + t.rank : $0 }).sorted(by: >) {
            result = largest ? try result.max(dimension: dimension, keepDim: true).values
                : try result.min(dimension: dimension, keepDim: true).values
        }
        if !keep {
            for dimension in dimensions.map({ $0 < 0 ? $0 + t.rank : $0 }).sorted(by: >) {
                result = try result.squeezed(at: dimension)
            }
        }
        return .tensor(result)
    }

    /// Σ(x − mean)² / (n − correction), composed from differentiable ops.
    private static func variance(_ t: Tensor, _ a: CallArguments, _ function: String) throws -> Tensor {
        guard t.dtype.isFloatingPoint else {
            throw PythonError.notImplementedError("std and var only support floating point and complex dtypes")
        }
        let correction: Double = a["correction"].isNone
            ? (try PythonArguments.bool(a["unbiased"], function, argument: "unbiased") ? 1 : 0)
            : try PythonArguments.double(a["correction"], function, argument: "correction")
        let keep = try keepDim(a, function)
        let dimensions = try PythonArguments.dimensions(a["dim"], function) ?? Array(0..<t.rank)
        let normal = dimensions.map { $0 < 0 ? $0 + t.rank : $0 }
        let count = normal.reduce(1) { $0 * (($1 >= 0 && $1 < t.rank) ? t.shape[$1] : 1) }
        let centered = try t.subtracting(t.mean(dimensions: dimensions, keepDim: true))
        let squares = try centered.multiplied(by: centered).sum(dimensions: dimensions, keepDim: keep)
        return try squares.divided(by: .float(Swift.max(Double(count) - correction, 0)))
    }
}
