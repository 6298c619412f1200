/// Reduction kernels on raw tensors (no autograd), driven by a `ReductionPlan`.
enum ReductionKernels {
    // MARK: - sum and prod

    /// Sums (pairwise for floats); integers and bools sum to int64.
    static func sum(_ plan: ReductionPlan) throws -> Tensor {
        let input = plan.input
        let dtype = input.dtype.isFloatingPoint ? input.dtype : .int64
        let output = try Tensor(uninitializedShape: plan.outputShape, dtype: dtype)
        switch input.dtype {
        case .float32: floatingSum(plan, output, Float.self)
        case .float64: floatingSum(plan, output, Double.self)
        case .bool: integerFold(plan, output, Bool.self, initial: 0) { $0 &+ $1.int64Value }
        case .uint8: integerFold(plan, output, UInt8.self, initial: 0) { $0 &+ $1.int64Value }
        case .int32: integerFold(plan, output, Int32.self, initial: 0) { $0 &+ $1.int64Value }
        case .int64: integerFold(plan, output, Int64.self, initial: 0) { $0 &+ $1 }
        }
        return output
    }

    /// Sums in PyTorch's order (`CascadeSum`): each innermost reduced run is
    /// summed by the inner scheme (reduced elements contiguous) or, a whole
    /// row of contiguous outputs at a time, by the outer scheme; further
    /// reduced dimensions add those partial sums one after another, as ATen's
    /// accumulating store does.
    private static func floatingSum<T: FloatingElement>(_ plan: ReductionPlan, _ output: Tensor, _ type: T.Type) {
        let out = output.basePointer(as: T.self)
        out.update(repeating: 0, count: output.count)
        let base = UnsafePointer(plan.input.basePointer(as: T.self))
        let runs = plan.reducedRuns
        let runLength = runs.rowLength
        let runStride = runs.rowStride(0)
        let inner = runStride == 1 || runLength <= 1
        plan.forEachKeptRow { first, start, length, step in
            if !inner && step == 1 {
                runs.forEachRow { offsets in
                    CascadeSum.addOuterSums(
                        base + start + offsets[0], count: runLength, stride: runStride, columns: length, into: out + first)
                }
                return
            }
            for position in 0..<length {
                let origin = base + start + position * step
                var total = out[first + position]
                runs.forEachRow { offsets in
                    total += inner
                        ? CascadeSum.innerSum(origin + offsets[0], count: runLength)
                        : CascadeSum.rowSum(origin + offsets[0], count: runLength, stride: runStride)
                }
                out[first + position] = total
            }
        }
    }

    @inline(__always)
    private static func integerFold<T: TensorElement>(
        _ plan: ReductionPlan, _ output: Tensor, _ type: T.Type, initial: Int64, _ combine: (Int64, T) -> Int64
    ) {
        let out = output.basePointer(as: Int64.self)
        plan.forEachOutput(T.self) { index, elements, count, stride in
            var accumulator = initial
            for position in 0..<count { accumulator = combine(accumulator, elements[position * stride]) }
            out[index] = accumulator
        }
    }

    /// Products in order; integers and bools multiply in int64.
    static func product(_ plan: ReductionPlan) throws -> Tensor {
        let input = plan.input
        let dtype = input.dtype.isFloatingPoint ? input.dtype : .int64
        let output = try Tensor(uninitializedShape: plan.outputShape, dtype: dtype)
        switch input.dtype {
        case .float32: floatingProduct(plan, output, Float.self)
        case .float64: floatingProduct(plan, output, Double.self)
        case .bool: integerFold(plan, output, Bool.self, initial: 1) { $0 &* $1.int64Value }
        case .uint8: integerFold(plan, output, UInt8.self, initial: 1) { $0 &* $1.int64Value }
        case .int32: integerFold(plan, output, Int32.self, initial: 1) { $0 &* $1.int64Value }
        case .int64: integerFold(plan, output, Int64.self, initial: 1) { $0 &* $1 }
        }
        return output
    }

    private static func floatingProduct<T: FloatingElement>(_ plan: ReductionPlan, _ output: Tensor, _ type: T.Type) {
        let out = output.basePointer(as: T.self)
        plan.forEachOutput(T.self) { index, elements, count, stride in
            var accumulator: T = 1
            for position in 0..<count { accumulator *= elements[position * stride] }
            out[index] = accumulator
        }
    }

    // MARK: - max, min, argmax, argmin

    /// Values and int64 positions of the largest (or smallest) element of each
    /// run; the first occurrence wins, and a NaN beats everything.
    static func extremum(_ plan: ReductionPlan, largest: Bool) throws -> (values: Tensor, indices: Tensor) {
        let input = plan.input
        let source = input.dtype == .bool ? try input.to(.uint8) : input
        let sourcePlan = input.dtype == .bool ? try plan.replacingInput(source) : plan
        let values = try Tensor(uninitializedShape: plan.outputShape, dtype: source.dtype)
        let indices = try Tensor(uninitializedShape: plan.outputShape, dtype: .int64)
        switch source.dtype {
        case .uint8: extremum(sourcePlan, values, indices, largest, UInt8.self)
        case .int32: extremum(sourcePlan, values, indices, largest, Int32.self)
        case .int64: extremum(sourcePlan, values, indices, largest, Int64.self)
        case .float32: extremum(sourcePlan, values, indices, largest, Float.self)
        case .float64: extremum(sourcePlan, values, indices, largest, Double.self)
        case .bool: break
        }
        return (input.dtype == .bool ? try values.to(.bool) : values, indices)
    }

    private static func extremum<T: ArithmeticElement>(
        _ plan: ReductionPlan, _ values: Tensor, _ indices: Tensor, _ largest: Bool, _ type: T.Type
    ) {
        let outValues = values.basePointer(as: T.self)
        let outIndices = indices.basePointer(as: Int64.self)
        plan.forEachOutput(T.self) { index, elements, count, stride in
            guard count > 0 else { return }
            var best = elements[0]
            var bestPosition = 0
            var position = 1
            while position < count && !best.isNaNValue {
                let value = elements[position * stride]
                if value.isNaNValue || (largest ? value > best : value < best) {
                    best = value
                    bestPosition = position
                }
                position += 1
            }
            outValues[index] = best
            outIndices[index] = Int64(bestPosition)
        }
    }

    // MARK: - all, any

    /// `all` (every element nonzero) or `any` (some element nonzero) → bool.
    static func truth(_ plan: ReductionPlan, every: Bool) throws -> Tensor {
        let source = try plan.input.to(.bool)
        let sourcePlan = try plan.replacingInput(source)
        let output = try Tensor(uninitializedShape: plan.outputShape, dtype: .bool)
        let out = output.basePointer(as: Bool.self)
        sourcePlan.forEachOutput(Bool.self) { index, elements, count, stride in
            var result = every
            for position in 0..<count where elements[position * stride] != every {
                result = !every
                break
            }
            out[index] = result
        }
        return output
    }
}
