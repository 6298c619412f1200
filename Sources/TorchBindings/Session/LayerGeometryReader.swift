import CellLanguage
import TensorEngine

/// Lists the layers of a model in forward order for receptive-field
/// figures: convolutions and pooling windows with their geometry, every
/// other leaf layer as `.other`.
enum LayerGeometryReader {
    static func read(_ value: Value) throws -> [LayerGeometry] {
        guard let model = ModuleValues.module(value) else {
            throw FigureValueError("expected an nn.Module (such as an nn.Sequential), not \(value.typeName)")
        }
        // Leaves in registration order, which is forward order for
        // Sequential containers and for modules whose forward follows their
        // attributes (the common case).
        let leaves = model.modules.filter { $0.children.isEmpty }
        return leaves.map(geometry)
    }

    static func geometry(of layer: Module) -> LayerGeometry {
        switch layer {
        case let conv as Conv2d:
            return LayerGeometry(
                label: "conv \(conv.kernelSize.first)×\(conv.kernelSize.second)", kind: .conv,
                kernel: pair(conv.kernelSize),
                stride: pair(conv.stride), padding: pair(conv.padding), dilation: pair(conv.dilation))
        case let pool as MaxPool2d:
            return pooling(pool.kernelSize, pool.stride, pool.padding, dilation: pool.dilation)
        case let pool as AvgPool2d:
            return pooling(pool.kernelSize, pool.stride, pool.padding, dilation: 1)
        default:
            return LayerGeometry(label: layer.typeName, kind: .other)
        }
    }

    private static func pooling(
        _ kernel: WrittenSize, _ stride: WrittenSize, _ padding: WrittenSize, dilation: WrittenSize
    ) -> LayerGeometry {
        LayerGeometry(
            label: "pool \(kernel.value.first)×\(kernel.value.second)", kind: .pool, kernel: pair(kernel.value),
            stride: pair(stride.value), padding: pair(padding.value), dilation: pair(dilation.value))
    }

    private static func pair(_ value: IntOrPair) -> LayerGeometry.Pair { LayerGeometry.Pair(value.first, value.second) }
}
