/// Picks and scatters the target entries of class-score rows.
enum NLLKernel {
    /// −rows[i, targets[i]] per row (0 for ignored rows), in the rows' dtype.
    static func rowLosses(_ rows: Tensor, targets: [Int64], ignoreIndex: Int64) throws -> Tensor {
        let values = rows.doubles()
        let classes = rows.shape[1]
        var losses: [Double] = []
        losses.reserveCapacity(targets.count)
        for (row, target) in targets.enumerated() {
            losses.append(target == ignoreIndex ? 0 : -values[row * classes + Int(target)])
        }
        return try Tensor(shape: [targets.count], values: losses, dtype: rows.dtype)
    }

    /// The summed (or averaged) loss in PyTorch's order: `nll_loss` adds
    /// −rows[i, t_i] into an eight-level cascade that pushes level j up
    /// whenever the row index is a multiple of 16^(j+1) (checked after each
    /// row, so row 0 goes straight to the top), then adds the levels in order.
    static func reducedLoss(_ rows: Tensor, targets: [Int64], ignoreIndex: Int64, mean: Bool) throws -> Tensor {
        let source = try rows.contiguous()
        switch rows.dtype {
        case .float64:
            return Tensor(.float(cascade(source, Double.self, targets, ignoreIndex, mean)), dtype: .float64)
        default:
            return Tensor(.float(Double(cascade(source, Float.self, targets, ignoreIndex, mean))), dtype: .float32)
        }
    }

    private static func cascade<T: FloatingElement>(
        _ rows: Tensor, _ type: T.Type, _ targets: [Int64], _ ignoreIndex: Int64, _ mean: Bool
    ) -> T {
        let values = rows.basePointer(as: T.self)
        let classes = rows.shape[1]
        let levels = 8
        let levelPower = Swift.max(4, CascadeSum.ceilLog2(targets.count) / levels)
        let levelMask = (1 << levelPower) - 1
        var partial = [T](repeating: 0, count: levels)
        var ignored = 0
        for (row, target) in targets.enumerated() {
            if target == ignoreIndex {
                ignored += 1
                continue
            }
            partial[0] -= values[row * classes + Int(target)]
            for level in 0..<(levels - 1) {
                if row & (levelMask << (level * levelPower)) != 0 { break }
                partial[level + 1] += partial[level]
                partial[level] = 0
            }
        }
        var total: T = 0
        for level in 0..<levels { total += partial[level] }
        return mean ? total / T(targets.count - ignored) : total
    }

    /// d loss / d rows: −g (scaled by the reduction) at each row's target.
    static func gradient(
        _ g: Tensor, reduction: LossReduction, rows shape: [Int], dtype: DType, targets: [Int64], ignoreIndex: Int64,
        counted: Int
    ) throws -> Tensor {
        let upstream = g.doubles()
        let classes = shape[1]
        var values = [Double](repeating: 0, count: shape[0] * classes)
        for (row, target) in targets.enumerated() where target != ignoreIndex {
            let scale: Double = switch reduction {
            case .none: upstream[row]
            case .sum: upstream[0]
            case .mean: upstream[0] / Double(counted)
            }
            values[row * classes + Int(target)] = -scale
        }
        return try Tensor(shape: shape, values: values, dtype: dtype)
    }
}
