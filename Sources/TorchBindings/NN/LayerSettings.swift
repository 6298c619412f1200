import CellLanguage
import TensorEngine

/// The public settings of native layers as Python attributes
/// (`linear.in_features`, `conv.kernel_size`, `pool.stride`, `loss.reduction`).
enum LayerSettings {
    static func value(of module: Module, _ name: String) -> Value? {
        switch module {
        case let layer as Linear:
            switch name {
            case "in_features": return .int(layer.inFeatures)
            case "out_features": return .int(layer.outFeatures)
            default: return nil
            }
        case let layer as Conv2d:
            switch name {
            case "in_channels": return .int(layer.inChannels)
            case "out_channels": return .int(layer.outChannels)
            case "kernel_size": return pair(layer.kernelSize)
            case "stride": return pair(layer.stride)
            case "padding": return pair(layer.padding)
            case "dilation": return pair(layer.dilation)
            case "groups": return .int(layer.groups)
            case "padding_mode": return .str("zeros")
            default: return nil
            }
        case let layer as MaxPool2d:
            switch name {
            case "kernel_size": return written(layer.kernelSize)
            case "stride": return written(layer.stride)
            case "padding": return written(layer.padding)
            case "dilation": return written(layer.dilation)
            case "ceil_mode": return .bool(layer.ceilMode)
            default: return nil
            }
        case let layer as AvgPool2d:
            switch name {
            case "kernel_size": return written(layer.kernelSize)
            case "stride": return written(layer.stride)
            case "padding": return written(layer.padding)
            case "ceil_mode": return .bool(layer.ceilMode)
            case "count_include_pad": return .bool(layer.countIncludePad)
            default: return nil
            }
        case let layer as Flatten:
            if name == "start_dim" { return .int(layer.startDimension) }
            if name == "end_dim" { return .int(layer.endDimension) }
            return nil
        case let layer as Dropout:
            if name == "p" { return .float(layer.probability) }
            if name == "inplace" { return .bool(layer.inPlace) }
            return nil
        case let layer as ReLU:
            return name == "inplace" ? .bool(layer.inPlace) : nil
        case let layer as Softmax:
            return name == "dim" ? (layer.dimension.map(Value.int) ?? Value.none) : nil
        case let layer as Loss:
            return name == "reduction" ? .str(layer.reduction.rawValue) : nil
        default:
            return nil
        }
    }

    private static func pair(_ value: IntOrPair) -> Value { .tuple([.int(value.first), .int(value.second)]) }

    private static func written(_ value: WrittenSize) -> Value {
        value.isPair ? pair(value.value) : .int(value.value.first)
    }
}
