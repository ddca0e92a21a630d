import Testing
import VectorIndex
import ViewfinderApp
import ViewfinderCore

/// `vector-precision` chooses how the in-process vector index holds rows, in every configuration layer.
@Suite struct VectorPrecisionSettingTests {
    @Test func defaultsToFloat32AndReadsEveryLayer() throws {
        #expect(try ViewfinderConfiguration(sources: ConfigurationSources()).vectorPrecision == .float32)
        #expect(try ViewfinderConfiguration(sources: ConfigurationSources(flags: ["vector-precision": "float16"])).vectorPrecision == .float16)
        #expect(try ViewfinderConfiguration(sources: ConfigurationSources(environment: ["VIEWFINDER_VECTOR_PRECISION": "INT8"])).vectorPrecision == .int8)
        #expect(try ViewfinderConfiguration(sources: ConfigurationSources(file: ["vector_precision": "float16"])).vectorPrecision == .float16)
        #expect(Set(ConfigurationKey.all.map(\.yaml)).contains("vector_precision"))
    }

    @Test func rejectsAnUnknownPrecisionByName() {
        #expect {
            _ = try ViewfinderConfiguration(sources: ConfigurationSources(flags: ["vector-precision": "float8"]))
        } throws: { error in
            (error as? ViewfinderError)?.code == .configurationInvalid
                && (error as? ViewfinderError)?.message.contains("vector-precision") == true
        }
    }
}
