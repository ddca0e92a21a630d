import OnnxRuntime
import Testing

@Suite("Memory")
struct MemoryTests {
    @Test("creating and running 200 sessions keeps resident memory bounded")
    func sessionsDoNotLeak() throws {
        let runtime = try Fixtures.runtime()
        // A 1 MiB weight and 1 MiB outputs per run: a leaked session or output shows up as >150 MB.
        let path = try Fixtures.write(TestModels.wide, name: "wide.onnx")
        let input = try Tensor(shape: [256, 256], floats: (0..<(256 * 256)).map { Float($0 % 13) / 13 })
        var residentAtWarmUp = 0
        for iteration in 1...200 {
            let session = try InferenceSession(
                runtime: runtime, modelPath: path, options: SessionOptions(intraOpThreads: 1)
            )
            for _ in 0..<2 {
                let output = try session.run(["x": input])
                #expect(output["y"]?.shape == [256, 1024])
            }
            if iteration == 50 {
                residentAtWarmUp = try Fixtures.residentBytes()
            }
        }
        let growth = try Fixtures.residentBytes() - residentAtWarmUp
        #expect(growth < 50 * 1024 * 1024, "resident memory grew by \(growth / 1024) KiB between iteration 50 and 200")
    }
}
