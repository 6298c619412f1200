import Foundation
import Testing

@testable import Datasets

/// Writes an IDX file (optionally gzip-compressed through the system's gzip) into a
/// fresh temporary directory and returns the directory.
private func makeDataset(images: [[UInt8]], labels: [UInt8], side: Int, gzip: Bool = true) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("litbook-datasets-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    func be32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    let imageBytes: [UInt8] = [0, 0, 8, 3] + be32(images.count) + be32(side) + be32(side) + images.flatMap { $0 }
    let labelBytes: [UInt8] = [0, 0, 8, 1] + be32(labels.count) + labels
    for (name, bytes) in [("train-images-idx3-ubyte", imageBytes), ("train-labels-idx1-ubyte", labelBytes)] {
        let raw = dir.appendingPathComponent(name)
        try Data(bytes).write(to: raw)
        if gzip {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["gzip", "-n", raw.path]
            try process.run()
            process.waitUntilExit()
        } else {
            try FileManager.default.moveItem(at: raw, to: dir.appendingPathComponent(name + ".gz"))
        }
    }
    return dir.path
}

@Suite struct FashionMNISTReaderTests {
    @Test(arguments: [true, false])
    func readsImagesAndLabels(compressed: Bool) throws {
        let dir = try makeDataset(images: [[0, 255, 51, 102], [1, 2, 3, 4], [9, 9, 9, 9]], labels: [9, 0, 3], side: 2, gzip: compressed)
        let data = try FashionMNIST.load(.train, from: dir)
        #expect(data.count == 3 && data.height == 2 && data.width == 2)
        #expect(data.labels == [9, 0, 3])
        let (pixels, labels) = data.batch([2, 0])
        #expect(labels == [3, 9])
        let expected: [Float] = [9, 9, 9, 9, 0, 255, 51, 102].map { Float($0) / 255 }
        #expect(pixels == expected)
    }

    @Test func missingFilesNameTheDebianPackage() {
        #expect(throws: DatasetError.missingFile(path: "/nonexistent/train-images-idx3-ubyte.gz", package: "dataset-fashion-mnist")) {
            try FashionMNIST.load(.train, from: "/nonexistent")
        }
        let message = DatasetError.missingFile(path: "/x/a.gz", package: "dataset-fashion-mnist").description
        #expect(message.contains("apt-get install dataset-fashion-mnist"))
    }

    @Test func labelCountMustMatchImageCount() throws {
        let dir = try makeDataset(images: [[0, 0, 0, 0], [1, 1, 1, 1]], labels: [1], side: 2)
        #expect(throws: DatasetError.self) { try FashionMNIST.load(.train, from: dir) }
    }

    @Test func truncatedFileIsMalformedNotACrash() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("litbook-trunc-\(UUID().uuidString)").path
        let short: [UInt8] = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 28]
        #expect(throws: DatasetError.self) { try IDXFile(data: short, path: path) }
        #expect(throws: DatasetError.self) { try IDXFile(data: [0, 0, 8, 1, 0, 0, 0, 5, 1, 2], path: path) }
        #expect(throws: DatasetError.self) { try IDXFile(data: [0, 0, 0x0D, 1, 0, 0, 0, 1, 1], path: path) }
        #expect(throws: DatasetError.self) { try IDXFile(data: [], path: path) }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: FashionMNIST.defaultDirectory + "/t10k-labels-idx1-ubyte.gz")))
    func realTestSplitHasTenThousandImages() throws {
        let test = try FashionMNIST.load(.test)
        #expect(test.count == 10_000 && test.height == 28 && test.width == 28)
        #expect(Set(test.labels).count == 10)
    }
}

@Suite struct BatchScheduleTests {
    @Test func lastPartialBatchCounts() throws {
        let schedule = try BatchSchedule(count: 10, batchSize: 4)
        #expect(schedule.batchCount == 3)
        #expect(schedule.batches(order: Array(0..<10)).map(Array.init) == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]])
        #expect(try BatchSchedule(count: 60_000, batchSize: 256).batchCount == 235)
    }

    @Test func followsTheGivenOrder() throws {
        let schedule = try BatchSchedule(count: 5, batchSize: 2)
        #expect(schedule.batches(order: [4, 2, 0, 1, 3]).map(Array.init) == [[4, 2], [0, 1], [3]])
    }

    @Test func rejectsNonPositiveBatchSize() {
        #expect(throws: DatasetError.invalidArgument("batch_size should be a positive integer value, but got batch_size=0")) {
            try BatchSchedule(count: 5, batchSize: 0)
        }
    }
}
