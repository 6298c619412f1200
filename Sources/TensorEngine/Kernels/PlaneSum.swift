/// Summing a contiguous run of values in a fixed order: `KernelVector` lanes
/// of partial sums (which also keeps the rounding error of long sums small),
/// then the lanes left to right, then the tail.
enum PlaneSum {
    static func sum<T: KernelScalar>(_ values: UnsafePointer<T>, count: Int) -> T {
        let width = T.KernelVector.scalarCount
        var lanes = T.KernelVector()
        var index = 0
        while index + width <= count {
            lanes += (values + index).loadVector()
            index += width
        }
        var total: T = 0
        for lane in 0..<width { total += lanes[lane] }
        while index < count {
            total += values[index]
            index += 1
        }
        return total
    }
}
