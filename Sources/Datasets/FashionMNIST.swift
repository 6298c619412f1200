import Foundation

/// Zalando's Fashion-MNIST as Debian's `dataset-fashion-mnist` installs it:
/// 60,000 training and 10,000 test images of 28×28 pixels in ten classes.
public enum FashionMNIST {
    public enum Split: String, Sendable {
        case train
        case test

        fileprivate var filePrefix: String { self == .train ? "train" : "t10k" }
    }

    public static let debianPackage = "dataset-fashion-mnist"
    public static let defaultDirectory = "/usr/share/datasets/fashion-mnist"

    /// The labels' names, as d2l's `get_fashion_mnist_labels` spells them.
    public static let classNames = [
        "t-shirt", "trouser", "pullover", "dress", "coat",
        "sandal", "shirt", "sneaker", "bag", "ankle boot",
    ]

    /// Reads one split from `directory` (`*-images-idx3-ubyte.gz` and
    /// `*-labels-idx1-ubyte.gz`), checking that the two files agree.
    public static func load(_ split: Split, from directory: String = defaultDirectory) throws -> LabeledImages {
        let imagesPath = "\(directory)/\(split.filePrefix)-images-idx3-ubyte.gz"
        let labelsPath = "\(directory)/\(split.filePrefix)-labels-idx1-ubyte.gz"
        for path in [imagesPath, labelsPath] where !FileManager.default.fileExists(atPath: path) {
            throw DatasetError.missingFile(path: path, package: debianPackage)
        }
        let images = try IDXFile(data: Gzip.contents(of: imagesPath), path: imagesPath)
        let labels = try IDXFile(data: Gzip.contents(of: labelsPath), path: labelsPath)
        guard images.dimensions.count == 3 else {
            throw DatasetError.malformed(path: imagesPath, reason: "images need 3 dimensions, found \(images.dimensions.count)")
        }
        guard labels.dimensions.count == 1 else {
            throw DatasetError.malformed(path: labelsPath, reason: "labels need 1 dimension, found \(labels.dimensions.count)")
        }
        guard images.dimensions[0] == labels.dimensions[0] else {
            throw DatasetError.mismatch(
                reason: "\(imagesPath) holds \(images.dimensions[0]) images but \(labelsPath) holds \(labels.dimensions[0]) labels")
        }
        if let bad = labels.bytes.first(where: { Int($0) >= classNames.count }) {
            throw DatasetError.malformed(path: labelsPath, reason: "label \(bad) is not one of the \(classNames.count) classes")
        }
        return try LabeledImages(
            count: images.dimensions[0], height: images.dimensions[1], width: images.dimensions[2],
            pixels: Array(images.bytes), labels: Array(labels.bytes), classNames: classNames)
    }

    /// The split, read once per process: a course loads the same data in several
    /// lessons, and reading 60,000 images costs a noticeable fraction of a second.
    public static func cached(_ split: Split, from directory: String = defaultDirectory) throws -> LabeledImages {
        try cache.value(for: "\(directory)|\(split.rawValue)") { try load(split, from: directory) }
    }

    private static let cache = LoadCache<LabeledImages>()
}

/// A small lock-protected memo of loaded datasets.
final class LoadCache<Value>: @unchecked Sendable {
    private var values: [String: Value] = [:]
    private let lock = NSLock()

    func value(for key: String, load: () throws -> Value) throws -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let value = values[key] { return value }
        let value = try load()
        values[key] = value
        return value
    }
}
