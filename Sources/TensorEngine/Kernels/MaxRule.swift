/// PyTorch's CPU max-pooling comparison, in one place.
enum MaxRule {
    /// A value replaces the running maximum when it is greater, or NaN (so the
    /// first maximum wins a tie and the last NaN wins overall).
    ///
    /// The two conditions never hold together (comparisons with NaN are
    /// false), so their "or" is their "not equal", which unlike `||` does not
    /// short-circuit: the callers' selects then compile without branches,
    /// which on random data mispredicted about every other pixel.
    @inline(__always)
    static func replaces<T: KernelScalar>(_ best: T, with value: T) -> Bool {
        (value > best) != (value != value)
    }
}
