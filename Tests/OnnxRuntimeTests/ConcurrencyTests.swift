import OnnxRuntime
import Testing

@Suite("Concurrency")
struct ConcurrencyTests {
    @Test("one shared session run from many tasks gives the sequential results")
    func sharedSession() async throws {
        let session = try InferenceSession(runtime: Fixtures.runtime(), modelPath: Fixtures.write(TestModels.wide, name: "wide.onnx"))
        let inputs = try (0..<16).map { seed in
            try Tensor(shape: [8, 256], floats: (0..<(8 * 256)).map { Float(($0 * 31 + seed * 7) % 101) / 50 - 1 })
        }
        let sequential = try inputs.map { try session.run(["x": $0])["y"] }

        let concurrent = try await withThrowingTaskGroup(of: (Int, Tensor?).self) { group in
            for _ in 0..<4 {
                for (index, input) in inputs.enumerated() {
                    group.addTask { (index, try session.run(["x": input])["y"]) }
                }
            }
            var results: [(Int, Tensor?)] = []
            for try await result in group { results.append(result) }
            return results
        }
        #expect(concurrent.count == inputs.count * 4)
        for (index, output) in concurrent {
            let expected = try #require(sequential[index]).floats()
            let actual = try #require(output).floats()
            let maxDifference = zip(expected, actual).map { abs($0 - $1) }.max() ?? 0
            #expect(maxDifference <= 1e-5)
        }
    }
}
