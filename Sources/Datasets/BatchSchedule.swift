/// The order in which a data loader visits a dataset: batches of indices, one
/// epoch at a time, like PyTorch's `DataLoader(dataset, batch_size, shuffle)` with
/// `drop_last=False`.
///
///     let schedule = try BatchSchedule(count: 10, batchSize: 4)
///     schedule.batchCount                     // 3
///     schedule.batches(order: Array(0..<10))  // [0..<4, 4..<8, 8..<10] as index lists
public struct BatchSchedule: Sendable {
    public let count: Int
    public let batchSize: Int

    public init(count: Int, batchSize: Int) throws {
        guard batchSize > 0 else {
            throw DatasetError.invalidArgument(
                "batch_size should be a positive integer value, but got batch_size=\(batchSize)")
        }
        guard count >= 0 else { throw DatasetError.invalidArgument("a dataset cannot have \(count) items") }
        self.count = count
        self.batchSize = batchSize
    }

    /// `len(data_loader)`: the last, partial batch counts.
    public var batchCount: Int { (count + batchSize - 1) / batchSize }

    /// Splits one epoch's visiting order (a permutation of `0..<count`, or the
    /// identity when not shuffling) into batches.
    public func batches(order: [Int]) -> [ArraySlice<Int>] {
        stride(from: 0, to: order.count, by: batchSize).map { start in
            order[start..<min(start + batchSize, order.count)]
        }
    }
}
