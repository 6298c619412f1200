/// Walks every multi-index of a shape in row-major order without recursion.
enum IndexWalk {
    /// Calls `visit` with each multi-index of `shape` (none when it holds no
    /// elements; once with `[]` for a 0-d shape).
    static func forEach(_ shape: [Int], _ visit: ([Int]) throws -> Void) rethrows {
        if shape.contains(0) { return }
        var index = [Int](repeating: 0, count: shape.count)
        while true {
            try visit(index)
            var dimension = shape.count - 1
            while dimension >= 0 {
                index[dimension] += 1
                if index[dimension] < shape[dimension] { break }
                index[dimension] = 0
                dimension -= 1
            }
            if dimension < 0 { return }
        }
    }

    /// The storage offset of `index` in a tensor with `strides` and `offset`.
    @inline(__always)
    static func offset(of index: [Int], strides: [Int], base: Int) -> Int {
        var result = base
        for dimension in 0..<index.count { result += index[dimension] * strides[dimension] }
        return result
    }
}
