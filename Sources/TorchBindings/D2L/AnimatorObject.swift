import CellLanguage

/// `d2l.Animator`: collects the points of training curves. In Jupyter it
/// redraws a matplotlib figure; here it records the curves, which the page
/// draws as one figure for the cell (`TorchSession.takePlots()`), and prints
/// nothing.
final class AnimatorObject: PythonObject {
    var axes: PlotAxes
    var legend: [String]
    var xs: [[Double]] = []
    var ys: [[Double?]] = []

    init(axes: PlotAxes, legend: [String]) {
        self.axes = axes
        self.legend = legend
    }

    var pythonClass: PyClass { Self.pythonClass }

    /// The figure as it stands now.
    var record: PlotRecord {
        PlotRecord(
            xLabel: axes.xLabel, yLabel: axes.yLabel, xLimits: axes.xLimits, yLimits: axes.yLimits,
            logarithmicY: axes.logarithmicY,
            series: zip(xs, ys).enumerated().map { index, pair in
                PlotRecord.Series(name: index < legend.count ? legend[index] : "", x: pair.0, y: pair.1)
            })
    }

    /// `add(x, y)`: one point per curve; a None value adds no point to its curve.
    func add(_ x: Value, _ y: Value, _ interp: Interpreter) throws {
        let yValues = try PlotValues.items(y, interp)
        let xValues = try PlotValues.hasLength(x, interp) ? try PlotValues.items(x, interp) : Array(repeating: x, count: yValues.count)
        if xs.isEmpty {
            xs = Array(repeating: [], count: yValues.count)
            ys = Array(repeating: [], count: yValues.count)
        }
        for (index, (a, b)) in zip(xValues, yValues).enumerated() where index < xs.count && !a.isNone && !b.isNone {
            xs[index].append(try PlotValues.number(a, interp))
            ys[index].append(try PlotValues.number(b, interp))
        }
    }

    static let pythonClass = PyClass.native("Animator", module: "d2l.torch") { c in
        let signature = FastSignature(
            "Animator(xlabel=None, ylabel=None, legend=None, xlim=None, ylim=None, xscale='linear', yscale='linear', fmts=('-', 'm--', 'g-.', 'r:'), nrows=1, ncols=1, figsize=(3.5, 2.5))")
        c.constructor { interp, _, args in
            let a = try signature.bind(args)
            let legend = try a["legend"].isNone ? [] : interp.collect(a["legend"]).map { try interp.str($0) }
            return .object(AnimatorObject(axes: try PlotAxes(a, interp), legend: legend))
        }
        c.method("add") { interp, this, args in
            guard let animator = this.as(AnimatorObject.self), args.positional.count == 2 else {
                throw PythonError.typeError("add() takes 2 positional arguments (x, y)")
            }
            try animator.add(args.positional[0], args.positional[1], interp)
            TorchContext.of(interp).showFigure(of: animator)
            return .none
        }
        c.property("X") { _, this in
            .list(PyList((this.as(AnimatorObject.self)?.xs ?? []).map { .list(PyList($0.map(Value.float))) }))
        }
        c.property("Y") { _, this in
            .list(PyList((this.as(AnimatorObject.self)?.ys ?? []).map { .list(PyList($0.map { $0.map(Value.float) ?? .none })) }))
        }
    }
}
