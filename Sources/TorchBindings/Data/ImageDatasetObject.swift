import CellLanguage
import Datasets
import TensorEngine

/// Fashion-MNIST as torchvision presents it after `ToTensor()`: sample i is
/// (float32 image `[1, 28, 28]` in [0, 1], int label).
final class ImageDatasetObject: PythonObject, BatchSource {
    let images: LabeledImages
    let isTraining: Bool

    init(_ images: LabeledImages, isTraining: Bool) {
        self.images = images
        self.isTraining = isTraining
    }

    var pythonClass: PyClass { Self.pythonClass }
    var sampleCount: Int { images.count }

    func batch(_ indices: ArraySlice<Int>) throws -> Value {
        let (pixels, labels) = images.batch(indices)
        return .list(
            PyList([
                .object(try Tensor(shape: [indices.count, 1, images.height, images.width], elements: pixels)),
                .object(try Tensor(shape: [indices.count], elements: labels)),
            ]))
    }

    static let pythonClass = PyClass.native("FashionMNIST", module: "torchvision.datasets.mnist") { c in
        c.method("__len__") { _, this, _ in .int(try receiver(this).sampleCount) }
        c.method("__getitem__") { interp, this, args in
            let dataset = try receiver(this)
            guard let key = args.positional.first, let position = try interp.indexValue(key) else {
                throw PythonError.typeError("dataset indices must be integers")
            }
            let wrapped = position < 0 ? position + dataset.sampleCount : position
            guard wrapped >= 0 && wrapped < dataset.sampleCount else {
                throw PythonError.indexError("index \(position) is out of range")
            }
            let (pixels, labels) = dataset.images.batch([wrapped])
            return .tuple([
                .object(try Tensor(shape: [1, dataset.images.height, dataset.images.width], elements: pixels)),
                .int(Int(labels[0])),
            ])
        }
        c.property("classes") { _, this in .list(PyList(try receiver(this).images.classNames.map(Value.str))) }
        c.property("train") { _, this in .bool(try receiver(this).isTraining) }
        c.method("__repr__") { _, this, _ in
            let dataset = try receiver(this)
            return .str(
                "Dataset FashionMNIST\n    Number of datapoints: \(dataset.sampleCount)\n    Split: \(dataset.isTraining ? "Train" : "Test")"
            )
        }
    }

    private static func receiver(_ value: Value) throws -> ImageDatasetObject {
        guard let dataset = value.as(ImageDatasetObject.self) else {
            throw PythonError.typeError("expected a FashionMNIST dataset")
        }
        return dataset
    }
}
