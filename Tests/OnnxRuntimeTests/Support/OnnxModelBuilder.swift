import Foundation

/// Builds small ONNX models in memory for tests, so they need no committed model files.
///
/// Field numbers follow the public `onnx.proto` schema (ModelProto, GraphProto, NodeProto, ...).
struct OnnxModelBuilder {
    /// ONNX `TensorProto.DataType` numbers used by the tests.
    enum DataType: Int {
        /// float32.
        case float = 1
        /// int32.
        case int32 = 6
        /// int64.
        case int64 = 7
        /// IEEE half precision.
        case float16 = 10
    }

    /// One declared axis.
    enum Dim {
        /// A fixed size.
        case value(Int)
        /// A named symbolic size.
        case param(String)
    }

    /// A graph input or output declaration.
    struct Value {
        /// The graph name.
        var name: String
        /// The element type.
        var type: DataType
        /// The declared shape.
        var dims: [Dim]
    }

    /// An operator invocation.
    struct Node {
        /// The ONNX operator, e.g. "MatMul".
        var opType: String
        /// The names of the values it reads.
        var inputs: [String]
        /// The names of the values it writes.
        var outputs: [String]
        /// Integer attributes, e.g. `("to", 10)` for Cast.
        var intAttributes: [(String, Int)] = []
    }

    /// A constant float tensor baked into the model.
    struct Initializer {
        /// The graph name.
        var name: String
        /// The shape.
        var dims: [Int]
        /// The row-major values.
        var values: [Float]
    }

    /// The graph inputs, in order.
    var inputs: [Value] = []
    /// The graph outputs, in order.
    var outputs: [Value] = []
    /// The operators, in topological order.
    var nodes: [Node] = []
    /// The constant tensors.
    var initializers: [Initializer] = []
    /// The default-domain opset version.
    var opset = 17

    /// The serialized `ModelProto`.
    func serialized() -> [UInt8] {
        var model = ProtobufWriter()
        model.varint(1, 8)  // ir_version
        model.string(2, "viewfinder-tests")  // producer_name
        model.message(7) { graph in
            for node in nodes {
                graph.message(1) { encode(node, into: &$0) }
            }
            graph.string(2, "test-graph")
            for initializer in initializers {
                graph.message(5) { encode(initializer, into: &$0) }
            }
            for input in inputs {
                graph.message(11) { encode(input, into: &$0) }
            }
            for output in outputs {
                graph.message(12) { encode(output, into: &$0) }
            }
        }
        model.message(8) { opsetImport in
            opsetImport.string(1, "")
            opsetImport.varint(2, opset)
        }
        return model.bytes
    }

    /// Writes the model to `directory/name` and returns its path.
    func write(to directory: URL, name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(serialized()).write(to: url)
        return url.path
    }

    private func encode(_ node: Node, into writer: inout ProtobufWriter) {
        for input in node.inputs { writer.string(1, input) }
        for output in node.outputs { writer.string(2, output) }
        writer.string(3, node.outputs.joined(separator: "_") + "_node")
        writer.string(4, node.opType)
        for (name, value) in node.intAttributes {
            writer.message(5) { attribute in
                attribute.string(1, name)
                attribute.varint(3, value)
                attribute.varint(20, 2)  // AttributeType.INT
            }
        }
    }

    private func encode(_ initializer: Initializer, into writer: inout ProtobufWriter) {
        for dim in initializer.dims { writer.varint(1, dim) }
        writer.varint(2, DataType.float.rawValue)
        writer.string(8, initializer.name)
        let raw = initializer.values.flatMap { value -> [UInt8] in
            withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) }
        }
        writer.data(9, raw)
    }

    private func encode(_ value: Value, into writer: inout ProtobufWriter) {
        writer.string(1, value.name)
        writer.message(2) { type in
            type.message(1) { tensor in
                tensor.varint(1, value.type.rawValue)
                tensor.message(2) { shape in
                    for dim in value.dims {
                        shape.message(1) { dimension in
                            switch dim {
                            case .value(let size): dimension.varint(1, size)
                            case .param(let name): dimension.string(2, name)
                            }
                        }
                    }
                }
            }
        }
    }
}
