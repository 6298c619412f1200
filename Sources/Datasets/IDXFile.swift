/// An IDX file (the format of MNIST and Fashion-MNIST): a big-endian header with
/// a magic number that gives the element type and the number of dimensions, the
/// size of each dimension, then the elements. Only unsigned bytes are needed here.
struct IDXFile {
    var dimensions: [Int]
    var bytes: ArraySlice<UInt8>

    /// Parses `data` read from `path` (used in messages), checking the header and
    /// that the element count matches the dimensions exactly.
    init(data: [UInt8], path: String) throws {
        guard data.count >= 4 else { throw DatasetError.malformed(path: path, reason: "the file is shorter than its header") }
        guard data[0] == 0, data[1] == 0 else {
            throw DatasetError.malformed(path: path, reason: "the magic number does not start with two zero bytes")
        }
        guard data[2] == 0x08 else {
            throw DatasetError.malformed(path: path, reason: "element type 0x\(String(data[2], radix: 16)) is not unsigned byte (0x08)")
        }
        let rank = Int(data[3])
        let headerSize = 4 + 4 * rank
        guard rank >= 1, data.count >= headerSize else {
            throw DatasetError.malformed(path: path, reason: "the header declares \(rank) dimensions but the file is too short")
        }
        var dimensions: [Int] = []
        var count = 1
        for d in 0..<rank {
            let at = 4 + 4 * d
            let size = Int(data[at]) << 24 | Int(data[at + 1]) << 16 | Int(data[at + 2]) << 8 | Int(data[at + 3])
            dimensions.append(size)
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow else { throw DatasetError.malformed(path: path, reason: "the dimensions are too large") }
            count = product
        }
        guard data.count - headerSize == count else {
            throw DatasetError.malformed(
                path: path,
                reason: "the header promises \(count) elements (\(dimensions.map(String.init).joined(separator: "×"))) but the file holds \(data.count - headerSize)")
        }
        self.dimensions = dimensions
        self.bytes = data[headerSize...]
    }
}
