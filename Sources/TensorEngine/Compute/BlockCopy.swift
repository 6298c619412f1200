/// Copies (or adds) one strided block per position between two tensors of
/// the same dtype.
enum BlockCopy {
    static func copy(
        from source: Tensor, sourceOffsets: [Int], sourceStrides: [Int], to destination: Tensor,
        destinationOffsets: [Int], destinationStrides: [Int], blockShape: [Int], accumulate: Bool
    ) {
        precondition(source.dtype == destination.dtype, "block copy between dtypes")
        let job = Job(
            source: source, sourceOffsets: sourceOffsets, sourceStrides: sourceStrides, destination: destination,
            destinationOffsets: destinationOffsets, destinationStrides: destinationStrides, blockShape: blockShape)
        switch (source.dtype, accumulate) {
        case (.bool, _): job.run(Bool.self) { _, value in value }
        case (.uint8, false): job.run(UInt8.self) { _, value in value }
        case (.int32, false): job.run(Int32.self) { _, value in value }
        case (.int64, false): job.run(Int64.self) { _, value in value }
        case (.float32, false): job.run(Float.self) { _, value in value }
        case (.float64, false): job.run(Double.self) { _, value in value }
        case (.uint8, true): job.run(UInt8.self) { $0 &+ $1 }
        case (.int32, true): job.run(Int32.self) { $0 &+ $1 }
        case (.int64, true): job.run(Int64.self) { $0 &+ $1 }
        case (.float32, true): job.run(Float.self) { $0 + $1 }
        case (.float64, true): job.run(Double.self) { $0 + $1 }
        }
    }

    private struct Job {
        let source: Tensor
        let sourceOffsets: [Int]
        let sourceStrides: [Int]
        let destination: Tensor
        let destinationOffsets: [Int]
        let destinationStrides: [Int]
        let blockShape: [Int]

        /// `destination[block] = combine(destination[block], source[block])`.
        @inline(__always)
        func run<T: TensorElement>(_ type: T.Type, _ combine: (T, T) -> T) {
            let input = UnsafePointer(source.basePointer(as: T.self))
            let output = destination.basePointer(as: T.self)
            let layout = StridedLayout(shape: blockShape, strides: [destinationStrides, destinationStrides, sourceStrides])
            for position in 0..<sourceOffsets.count {
                let target = output + destinationOffsets[position]
                ElementwiseLoops.map(layout, output: target, UnsafePointer(target), input + sourceOffsets[position], combine)
            }
        }
    }
}
