/// Pure functions on shapes and strides, shared by every op.
enum ShapeRules {
    /// Row-major strides of a contiguous tensor (`[2, 3, 4]` → `[12, 4, 1]`).
    static func contiguousStrides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var running = 1
        for index in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[index] = running
            running = running &* max(shape[index], 1)
        }
        return strides
    }

    /// The element count of `shape`, refusing negative sizes and overflow so an
    /// absurd user shape becomes an error rather than a trap.
    static func elementCount(_ shape: [Int]) throws -> Int {
        var count = 1
        var overflowed = false
        for size in shape {
            if size < 0 { throw TensorError.negativeDimension(size: size, shape: shape) }
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            if overflow { overflowed = true } else { count = product }
        }
        if shape.contains(0) { return 0 }
        if overflowed { throw TensorError.allocationFailed(bytes: Int.max) }
        return count
    }

    /// Wraps a possibly negative dimension into `0..<rank` (a 0-d tensor accepts
    /// -1 and 0, like PyTorch's `maybe_wrap_dim`).
    static func normalize(dimension: Int, rank: Int) throws -> Int {
        let bound = max(rank, 1)
        guard dimension >= -bound && dimension < bound else {
            throw TensorError.dimensionOutOfRange(dimension: dimension, rank: rank)
        }
        return dimension < 0 ? dimension + bound : dimension
    }

    /// Normalises a list of dimensions and refuses repeats.
    static func normalize(dimensions: [Int], rank: Int) throws -> [Int] {
        var seen = Set<Int>()
        var result: [Int] = []
        for dimension in dimensions {
            let normal = try normalize(dimension: dimension, rank: rank)
            if !seen.insert(normal).inserted { throw TensorError.repeatedReductionDimension(normal) }
            result.append(normal)
        }
        return result
    }

    /// The broadcast of two shapes (numpy rules, aligned at the right).
    static func broadcast(_ a: [Int], _ b: [Int]) throws -> [Int] {
        let rank = max(a.count, b.count)
        var result = [Int](repeating: 1, count: rank)
        for offset in 0..<rank {
            let sizeA = offset < a.count ? a[a.count - 1 - offset] : 1
            let sizeB = offset < b.count ? b[b.count - 1 - offset] : 1
            let index = rank - 1 - offset
            if sizeA == sizeB || sizeB == 1 {
                result[index] = sizeA
            } else if sizeA == 1 {
                result[index] = sizeB
            } else {
                throw TensorError.broadcastMismatch(sizeA: sizeA, sizeB: sizeB, dimension: index)
            }
        }
        return result
    }

    /// Strides that read a tensor of `shape`/`strides` as if it had `target`
    /// shape: stretched and missing leading dimensions get stride 0.
    static func broadcastStrides(shape: [Int], strides: [Int], to target: [Int]) -> [Int] {
        var result = [Int](repeating: 0, count: target.count)
        let lead = target.count - shape.count
        for index in 0..<shape.count where shape[index] != 1 {
            result[index + lead] = strides[index]
        }
        return result
    }

    /// Resolves one `-1` in a requested shape against `count` elements.
    static func infer(shape requested: [Int], count: Int) throws -> [Int] {
        var inferred: Int?
        var known = 1
        for (index, size) in requested.enumerated() {
            if size == -1 {
                if inferred != nil { throw TensorError.multipleInferredDimensions }
                inferred = index
            } else if size < 0 {
                throw TensorError.invalidShapeDimension(size: size, index: index, shape: requested)
            } else {
                let (product, overflow) = known.multipliedReportingOverflow(by: size)
                if overflow { throw TensorError.invalidReshape(requested: requested, size: count) }
                known = product
            }
        }
        var result = requested
        if let inferred {
            guard known != 0, count % known == 0 else {
                throw TensorError.invalidReshape(requested: requested, size: count)
            }
            result[inferred] = count / known
        } else if known != count {
            throw TensorError.invalidReshape(requested: requested, size: count)
        }
        return result
    }

    /// PyTorch's `computeStride`: strides that view `oldShape`/`oldStrides` as
    /// `newShape` without copying, or nil when a dimension would span two
    /// non-contiguous chunks (then `view` fails and `reshape` copies).
    static func viewStrides(oldShape: [Int], oldStrides: [Int], newShape: [Int]) -> [Int]? {
        if oldShape.contains(0) || oldShape.isEmpty {
            return contiguousStrides(newShape)
        }
        var newStrides = [Int](repeating: 0, count: newShape.count)
        var viewDimension = newShape.count - 1
        var chunkBaseStride = oldStrides.last ?? 1
        var tensorElements = 1
        var viewElements = 1
        var tensorDimension = oldShape.count - 1
        while tensorDimension >= 0 {
            tensorElements *= oldShape[tensorDimension]
            let isChunkStart = tensorDimension == 0
                || (oldShape[tensorDimension - 1] != 1
                    && oldStrides[tensorDimension - 1] != tensorElements * chunkBaseStride)
            if isChunkStart {
                while viewDimension >= 0 && (viewElements < tensorElements || newShape[viewDimension] == 1) {
                    newStrides[viewDimension] = viewElements * chunkBaseStride
                    viewElements *= newShape[viewDimension]
                    viewDimension -= 1
                }
                if viewElements != tensorElements { return nil }
                if tensorDimension > 0 {
                    chunkBaseStride = oldStrides[tensorDimension - 1]
                    tensorElements = 1
                    viewElements = 1
                }
            }
            tensorDimension -= 1
        }
        if viewDimension != -1 { return nil }
        return newStrides
    }
}
