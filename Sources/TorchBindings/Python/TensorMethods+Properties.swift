import CellLanguage
import TensorEngine

/// Tensor attributes: `shape`, `dtype`, `device`, `requires_grad`, `grad`,
/// `grad_fn`, `is_leaf`, `data`, `T`, `ndim`, ….
extension TensorMethods {
    static func installProperties(_ c: NativeClassBuilder) {
        c.property("shape") { _, this in .object(SizeObject(try PythonArguments.receiver(this).shape)) }
        c.property("dtype") { _, this in .object(DTypeObject.of(try PythonArguments.receiver(this).dtype)) }
        c.property("device") { _, _ in .object(DeviceObject.cpu) }
        c.property("is_cuda") { _, _ in .bool(false) }
        c.property("ndim") { _, this in .int(try PythonArguments.receiver(this).rank) }
        c.property("is_leaf") { _, this in .bool(try PythonArguments.receiver(this).isLeaf) }
        c.property("itemsize") { _, this in .int(try PythonArguments.receiver(this).dtype.itemSize) }
        c.property("T") { _, this in
            let tensor = try PythonArguments.receiver(this)
            return .object(
                tensor.rank <= 2 ? try tensor.transposed() : try tensor.permuted(Array((0..<tensor.rank).reversed())))
        }
        c.property("mT") { _, this in
            let tensor = try PythonArguments.receiver(this)
            guard tensor.rank >= 2 else {
                throw PythonError.runtimeError(
                    "tensor.mT is only supported on matrices or batches of matrices. Got \(tensor.rank)-D tensor.")
            }
            return .object(try tensor.transposed(-2, -1))
        }
        c.property(
            "requires_grad",
            get: { _, this in
                .bool(try PythonArguments.receiver(this).requiresGrad)
            },
            set: { _, this, value in
                guard case .bool(let flag) = value else {
                    throw PythonError.typeError("requires_grad must be a bool, not \(value.typeName)")
                }
                try PythonArguments.receiver(this).requiresGrad_(flag)
            })
        c.property(
            "grad",
            get: { _, this in
                try PythonArguments.receiver(this).grad.map { .object($0) } ?? .none
            },
            set: { _, this, value in
                let tensor = try PythonArguments.receiver(this)
                if value.isNone {
                    tensor.grad = nil
                    return
                }
                guard let gradient = value.as(Tensor.self) else {
                    throw PythonError.typeError(
                        "assigned grad expected to be a Tensor or None but got grad of \(value.typeName)")
                }
                guard gradient.shape == tensor.shape else {
                    throw PythonError.runtimeError("assigned grad has data of a different size")
                }
                guard gradient.dtype == tensor.dtype else {
                    throw PythonError.runtimeError("assigned grad has data of a different type")
                }
                tensor.grad = gradient
            })
        c.property("grad_fn") { _, this in
            try PythonArguments.receiver(this).gradFunction.map { .object(GradFunctionObject.of($0)) } ?? .none
        }
        c.property(
            "data",
            get: { _, this in
                .object(try PythonArguments.receiver(this).data)
            },
            set: { _, this, value in
                let tensor = try PythonArguments.receiver(this)
                guard let source = value.as(Tensor.self) else {
                    throw PythonError.typeError("data must be a Tensor, not \(value.typeName)")
                }
                guard source.shape == tensor.shape, source.dtype == tensor.dtype else {
                    throw PythonError.runtimeError(
                        "litbook can replace .data only by a tensor of the same shape and dtype (got \(source.shape) \(source.dtype) for \(tensor.shape) \(tensor.dtype))"
                    )
                }
                _ = try withoutGradients { try tensor.data.copy_(source) }
            })
    }
}
