import CellLanguage
import TensorEngine

/// Shape operations: reshape, view, transpose, permute, squeeze, flatten, …
enum ShapeOperations {
    static let all: [TensorOperation] = [
        TensorOperation("reshape(*shape)") { interp, t, a in
            .tensor(try t.reshaped(PythonArguments.size(a, interp, keyword: "shape")))
        },
        TensorOperation("view(*shape)", methodOnly: true) { interp, t, a in
            if a.rest.count == 1, let dtype = a.rest[0].as(DTypeObject.self) {
                guard dtype.dtype == t.dtype else {
                    throw PythonError.runtimeError(
                        "litbook's view(dtype) cannot reinterpret \(t.dtype) as \(dtype.dtype)")
                }
                return .tensor(t.detach())
            }
            return .tensor(try t.view(PythonArguments.size(a, interp, keyword: "shape")))
        },
        TensorOperation("view_as(other)", methodOnly: true) { _, t, a in
            .tensor(try t.view(PythonArguments.tensor(a["other"], "view_as", argument: "other").shape))
        },
        TensorOperation("reshape_as(other)", methodOnly: true) { _, t, a in
            .tensor(try t.reshaped(PythonArguments.tensor(a["other"], "reshape_as", argument: "other").shape))
        },
        TensorOperation("t()") { _, t, _ in .tensor(try t.transposed()) },
        TensorOperation("transpose(dim0, dim1)") { _, t, a in
            .tensor(
                try t.transposed(
                    PythonArguments.dimension(a["dim0"], "transpose", argument: "dim0"),
                    PythonArguments.dimension(a["dim1"], "transpose", argument: "dim1")))
        },
        TensorOperation("swapaxes(axis0, axis1)") { _, t, a in
            .tensor(
                try t.transposed(
                    PythonArguments.dimension(a["axis0"], "swapaxes", argument: "axis0"),
                    PythonArguments.dimension(a["axis1"], "swapaxes", argument: "axis1")))
        },
        TensorOperation("permute(*dims)") { interp, t, a in
            .tensor(try t.permuted(PythonArguments.size(a, interp, keyword: "dims")))
        },
        TensorOperation("unsqueeze(dim)") { _, t, a in
            .tensor(try t.unsqueezed(at: PythonArguments.dimension(a["dim"], "unsqueeze")))
        },
        TensorOperation("squeeze(dim=None)") { _, t, a in
            guard let dimensions = try PythonArguments.dimensions(a["dim"], "squeeze") else {
                return .tensor(try t.squeezed())
            }
            var result = t
            for dimension in dimensions.map({ $0 < 0 ? $0 + t.rank : $0 }).sorted(by: >) {
                result = try result.squeezed(at: dimension)
            }
            return .tensor(result)
        },
        TensorOperation("flatten(start_dim=0, end_dim=-1)") { _, t, a in
            .tensor(
                try t.flattened(
                    from: PythonArguments.dimension(a["start_dim"], "flatten", argument: "start_dim"),
                    to: PythonArguments.dimension(a["end_dim"], "flatten", argument: "end_dim")))
        },
        TensorOperation("ravel()") { _, t, _ in .tensor(try t.contiguous().reshaped([-1])) },
        TensorOperation("expand(*sizes)", methodOnly: true) { interp, t, a in
            .tensor(try t.expanded(to: PythonArguments.size(a, interp, keyword: "size")))
        },
        TensorOperation("expand_as(other)", methodOnly: true) { _, t, a in
            .tensor(try t.expanded(to: PythonArguments.tensor(a["other"], "expand_as", argument: "other").shape))
        },
        TensorOperation("narrow(dim, start, length)") { _, t, a in
            .tensor(
                try t.narrowed(
                    PythonArguments.dimension(a["dim"], "narrow"),
                    start: PythonArguments.int(a["start"], "narrow", argument: "start"),
                    length: PythonArguments.int(a["length"], "narrow", argument: "length")))
        },
        TensorOperation("select(dim, index)") { _, t, a in
            .tensor(
                try t.select(
                    PythonArguments.dimension(a["dim"], "select"),
                    index: PythonArguments.int(a["index"], "select", argument: "index")))
        },
        TensorOperation("unbind(dim=0)") { _, t, a in
            let dimension = try PythonArguments.dimension(a["dim"], "unbind")
            let axis = dimension < 0 ? dimension + t.rank : dimension
            guard axis >= 0 && axis < t.rank else {
                throw TensorError.dimensionOutOfRange(dimension: dimension, rank: t.rank)
            }
            return .tuple(try (0..<t.shape[axis]).map { .tensor(try t.select(axis, index: $0)) })
        },
        TensorOperation("chunk(chunks, dim=0)") { _, t, a in
            let chunks = try PythonArguments.int(a["chunks"], "chunk", argument: "chunks")
            guard chunks > 0 else {
                throw PythonError.runtimeError("chunk expects `chunks` to be greater than 0, got: \(chunks)")
            }
            let dimension = try PythonArguments.dimension(a["dim"], "chunk")
            let axis = dimension < 0 ? dimension + t.rank : dimension
            guard axis >= 0 && axis < t.rank else {
                throw TensorError.dimensionOutOfRange(dimension: dimension, rank: t.rank)
            }
            let size = t.shape[axis]
            let step = (size + chunks - 1) / chunks
            return .tuple(try pieces(t, axis: axis, lengths: splitLengths(size, step: max(step, 1))))
        },
        TensorOperation("split(split_size_or_sections, dim=0)") { interp, t, a in
            let dimension = try PythonArguments.dimension(a["dim"], "split")
            let axis = dimension < 0 ? dimension + t.rank : dimension
            guard axis >= 0 && axis < t.rank else {
                throw TensorError.dimensionOutOfRange(dimension: dimension, rank: t.rank)
            }
            let size = t.shape[axis]
            if case .int(let step) = a["split_size_or_sections"] {
                guard step > 0 else {
                    throw PythonError.runtimeError(
                        "split_size can only be 0 if dimension size is 0, but got dimension size of \(size)")
                }
                return .tuple(try pieces(t, axis: axis, lengths: splitLengths(size, step: step)))
            }
            guard let lengths = SizeObject.dimensions(of: a["split_size_or_sections"]), lengths.reduce(0, +) == size,
                lengths.allSatisfy({ $0 >= 0 })
            else {
                throw PythonError.runtimeError("split_with_sizes expects split_sizes to sum exactly to \(size)")
            }
            return .tuple(try pieces(t, axis: axis, lengths: lengths))
        },
        TensorOperation("contiguous(memory_format=None)", methodOnly: true) { _, t, _ in .tensor(try t.contiguous()) },
        TensorOperation("is_contiguous(memory_format=None)", methodOnly: true) { _, t, _ in .bool(t.isContiguous) },
        TensorOperation("clone(*, memory_format=None)") { _, t, _ in .tensor(try t.clone()) },
        TensorOperation("detach()") { _, t, _ in .tensor(t.detach()) },
        TensorOperation("size(dim=None)", methodOnly: true) { _, t, a in
            guard !a["dim"].isNone else { return .object(SizeObject(t.shape)) }
            let dimension = try PythonArguments.dimension(a["dim"], "size")
            guard dimension >= -t.rank && dimension < t.rank else {
                throw TensorError.dimensionOutOfRange(dimension: dimension, rank: t.rank)
            }
            return .int(t.shape[dimension < 0 ? dimension + t.rank : dimension])
        },
        TensorOperation("dim()", methodOnly: true) { _, t, _ in .int(t.rank) },
        TensorOperation("ndimension()", methodOnly: true) { _, t, _ in .int(t.rank) },
        TensorOperation("numel()") { _, t, _ in .int(t.count) },
        TensorOperation("nelement()", methodOnly: true) { _, t, _ in .int(t.count) },
        TensorOperation("element_size()", methodOnly: true) { _, t, _ in .int(t.dtype.itemSize) },
    ]

    private static func splitLengths(_ size: Int, step: Int) -> [Int] {
        stride(from: 0, to: size, by: step).map { min(step, size - $0) }
    }

    private static func pieces(_ tensor: Tensor, axis: Int, lengths: [Int]) throws -> [Value] {
        var start = 0
        return try lengths.map { length in
            defer { start += length }
            return .tensor(try tensor.narrowed(axis, start: start, length: length))
        }
    }
}
