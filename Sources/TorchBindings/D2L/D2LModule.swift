import CellLanguage
import Datasets
import Foundation
import TensorEngine

/// `from d2l import torch as d2l`: the native half of the d2l library (data
/// loading, plotting, timing) and the Python prelude.
enum D2LModule {
    static func install(in d2l: PyModule, context: TorchContext, interpreter: Interpreter) throws {
        d2l["Animator"] = .object(AnimatorObject.pythonClass)
        d2l.addFunction("_monotonic_seconds") { _, _ in
            .float(Double(DispatchTime.now().uptimeNanoseconds) / 1e9)
        }
        let load = FastSignature("load_data_fashion_mnist(batch_size, resize=None)")
        d2l.addFunction("load_data_fashion_mnist") { _, args in
            let a = try load.bind(args)
            let batchSize = try PythonArguments.int(a["batch_size"], "load_data_fashion_mnist", argument: "batch_size")
            guard a["resize"].isNone else {
                throw PythonError.valueError("litbook's load_data_fashion_mnist cannot resize images (resize=\(a["resize"].intValue.map(String.init) ?? a["resize"].typeName)); the images are 28×28")
            }
            guard batchSize > 0 else {
                throw PythonError.valueError("batch_size should be a positive integer value, but got batch_size=\(batchSize)")
            }
            let train = try FashionMNIST.cached(.train, from: context.datasetDirectory)
            let test = try FashionMNIST.cached(.test, from: context.datasetDirectory)
            return .tuple([
                .object(DataLoaderObject(
                    dataset: .object(ImageDatasetObject(train, isTraining: true)), batchSize: batchSize, shuffle: true,
                    dropLast: false, generator: nil)),
                .object(DataLoaderObject(
                    dataset: .object(ImageDatasetObject(test, isTraining: false)), batchSize: batchSize, shuffle: false,
                    dropLast: false, generator: nil)),
            ])
        }
        let plot = FastSignature(
            "plot(X, Y=None, xlabel=None, ylabel=None, legend=None, xlim=None, ylim=None, xscale='linear', yscale='linear', fmts=('-', 'm--', 'g-.', 'r:'), figsize=(3.5, 2.5), axes=None)")
        d2l.addFunction("plot") { interp, args in
            let a = try plot.bind(args)
            context.show(try PlotBuilder.record(a, interp))
            return .none
        }
        d2l.addFunction("set_figsize") { _, _ in .none }
        d2l.addFunction("use_svg_display") { _, _ in .none }
        // The Python half imports the native half from the registered module.
        interpreter.register(module: d2l)
        try interpreter.runPrelude(D2LPrelude.source, file: D2LPrelude.file, into: d2l)
    }
}

/// `d2l.plot(X, Y)`: one or several curves, as d2l reads its arguments.
enum PlotBuilder {
    static func record(_ a: CallArguments, _ interp: Interpreter) throws -> PlotRecord {
        var xs = try curves(a["X"], interp)
        var ys: [[Double]]
        if a["Y"].isNone {
            ys = xs
            xs = Array(repeating: [], count: ys.count)
        } else {
            ys = try curves(a["Y"], interp)
        }
        if xs.count != ys.count, xs.count == 1 { xs = Array(repeating: xs[0], count: ys.count) }
        let legend = try a["legend"].isNone ? [] : interp.collect(a["legend"]).map { try interp.str($0) }
        let axes = try PlotAxes(a, interp)
        let series = zip(xs, ys).enumerated().map { index, pair -> PlotRecord.Series in
            let x = pair.0.isEmpty ? (0..<pair.1.count).map(Double.init) : pair.0
            return PlotRecord.Series(name: index < legend.count ? legend[index] : "", x: x, y: pair.1.map { $0 })
        }
        return PlotRecord(
            xLabel: axes.xLabel, yLabel: axes.yLabel, xLimits: axes.xLimits, yLimits: axes.yLimits,
            logarithmicY: axes.logarithmicY, series: series)
    }

    /// One curve (a 1-D tensor or a list of numbers) or several (a list of them).
    private static func curves(_ value: Value, _ interp: Interpreter) throws -> [[Double]] {
        if let tensor = value.as(Tensor.self) {
            if tensor.rank <= 1 { return [tensor.doubles()] }
            return try (0..<tensor.shape[0]).map { try tensor.select(0, index: $0).doubles() }
        }
        let items = try interp.collect(value)
        if let first = items.first, try PlotValues.hasLength(first, interp) {
            return try items.map { try PlotValues.numbers($0, interp) }
        }
        return [try items.map { try PlotValues.number($0, interp) }]
    }
}
