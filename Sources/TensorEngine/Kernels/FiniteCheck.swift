/// Whether a buffer holds only finite values, in one vector pass.
///
/// `x − x` is 0 for every finite `x` and NaN for ±∞ and NaN, so the sum of
/// those differences is 0 exactly when all values are finite.
enum FiniteCheck {
    static func allFinite<T: KernelScalar>(_ values: UnsafePointer<T>, count: Int) -> Bool {
        typealias Vector = T.KernelVector
        var probe = Vector()
        var index = 0
        while index &+ Vector.scalarCount <= count {
            let v = (values + index).loadVector()
            probe += v - v
            index &+= Vector.scalarCount
        }
        var tail: T = 0
        while index < count {
            tail += values[index] - values[index]
            index &+= 1
        }
        return probe == Vector() && tail == 0
    }
}
