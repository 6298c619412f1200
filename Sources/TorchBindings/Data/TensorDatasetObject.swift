import CellLanguage
import TensorEngine

/// `torch.utils.data.TensorDataset(*tensors)`: sample i is the tuple of row i
/// of every tensor.
final class TensorDatasetObject: PythonObject, BatchSource {
    let tensors: [Tensor]

    init(_ tensors: [Tensor]) { self.tensors = tensors }

    var pythonClass: PyClass { Self.pythonClass }
    var sampleCount: Int { tensors.first?.shape.first ?? 0 }

    func batch(_ indices: ArraySlice<Int>) throws -> Value {
        let positions = try Tensor(shape: [indices.count], elements: indices.map { Int64($0) })
        return .list(PyList(try withoutGradients { try tensors.map { .object(try $0.index([.tensor(positions)])) } }))
    }

    static let pythonClass = PyClass.native("TensorDataset", module: "torch.utils.data.dataset") { c in
        c.constructor { _, _, args in
            let tensors = try args.positional.map {
                try PythonArguments.tensor($0, "TensorDataset", argument: "tensors")
            }
            guard let first = tensors.first?.shape.first else {
                throw PythonError.indexError("tuple index out of range")
            }
            guard tensors.allSatisfy({ $0.shape.first == first }) else {
                throw PythonError(BuiltinTypes.assertionError, "Size mismatch between tensors")
            }
            return .object(TensorDatasetObject(tensors))
        }
        c.method("__len__") { _, this, _ in .int(try receiver(this).sampleCount) }
        c.method("__getitem__") { interp, this, args in
            let dataset = try receiver(this)
            guard let key = args.positional.first else {
                throw PythonError.typeError("__getitem__ expected 1 argument")
            }
            let components = try TensorIndexing.components(key, interp)
            return .tuple(try dataset.tensors.map { .object(try $0.index(components)) })
        }
        c.property("tensors") { _, this in .tuple(try receiver(this).tensors.map { .object($0) }) }
    }

    private static func receiver(_ value: Value) throws -> TensorDatasetObject {
        guard let dataset = value.as(TensorDatasetObject.self) else {
            throw PythonError.typeError("expected a TensorDataset")
        }
        return dataset
    }
}
