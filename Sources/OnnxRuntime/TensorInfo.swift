/// The declared name, element type and shape of a model input or output.
public struct TensorInfo: Sendable, Hashable, CustomStringConvertible {
    /// One axis of a declared shape.
    public enum Dimension: Sendable, Hashable, CustomStringConvertible {
        /// A size fixed by the model.
        case fixed(Int)
        /// A size chosen per run, named by the model (empty if the model left it unnamed).
        case symbolic(String)

        /// The fixed size, or nil for a symbolic axis.
        public var fixedSize: Int? {
            if case .fixed(let size) = self { size } else { nil }
        }

        /// The size, or the symbol's name (`?` if unnamed).
        public var description: String {
            switch self {
            case .fixed(let size): String(size)
            case .symbolic(let name): name.isEmpty ? "?" : name
            }
        }
    }

    /// The name used to pass or request this tensor in ``InferenceSession/run(_:outputNames:)``.
    public let name: String
    /// The element type; ``TensorElementType/undefined`` for non-tensor values (sequences, maps).
    public let elementType: TensorElementType
    /// The declared shape; empty for scalars and non-tensor values.
    public let shape: [Dimension]

    /// Creates a description of a tensor.
    public init(name: String, elementType: TensorElementType, shape: [Dimension]) {
        self.name = name
        self.elementType = elementType
        self.shape = shape
    }

    /// E.g. `images: float32[batch, 3, 224, 224]`.
    public var description: String {
        "\(name): \(elementType)[\(shape.map(\.description).joined(separator: ", "))]"
    }
}
