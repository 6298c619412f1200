import CellLanguage
import TensorEngine

/// Lists the layers of a model for receptive-field figures.
enum LayerGeometryReader {
    static func read(_ value: Value) throws -> [LayerGeometry] {
        throw FigureValueError("expected an nn.Module, not \(value.typeName)")
    }
}
