import Foundation
import OnnxRuntime
import NIOConcurrencyHelpers
import Testing

/// One session shared by many concurrent callers must give the same results as sequential use.
@Suite("Concurrency")
struct ConcurrencyTests {
    /// Sixteen distinct `[8, 256]` inputs for the wide model.
    private static func inputs() throws -> [Tensor] {
        try (0..<16).map { seed in
            let values = (0..<(8 * 256)).map { Float(($0 * 31 + seed * 7) % 101) / 50 - 1 }
            return try Tensor(shape: [8, 256], floats: values)
        }
    }

    /// The largest element-wise difference between two float tensors.
    private static func maxDifference(_ lhs: Tensor?, _ rhs: Tensor?) throws -> Float {
        let left = try #require(lhs).floats()
        let right = try #require(rhs).floats()
        #expect(left.count == right.count)
        return zip(left, right).map { abs($0 - $1) }.max() ?? 0
    }

    @Test("one shared session run from many tasks gives the sequential results")
    func sharedSessionFromTasks() async throws {
        let session = try Fixtures.session(TestModels.wide, name: "wide.onnx")
        let inputs = try Self.inputs()
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
            #expect(try Self.maxDifference(sequential[index], output) <= 1e-5)
        }
    }

    @Test("one shared session run from more OS threads than cores gives the sequential results")
    func sharedSessionFromThreads() throws {
        let session = try Fixtures.session(TestModels.wide, name: "wide.onnx")
        let inputs = try Self.inputs()
        let sequential = try inputs.map { try session.run(["x": $0])["y"] }

        let results = NIOLockedValueBox<[(Int, Result<Tensor?, OnnxRuntimeError>)]>([])
        let finished = DispatchGroup()
        for worker in 0..<8 {
            finished.enter()
            // Plain threads, not the cooperative pool, so runs truly overlap even on a two-core machine.
            let thread = Thread {
                for round in 0..<4 {
                    let index = (worker * 4 + round) % inputs.count
                    let result = Result { () throws(OnnxRuntimeError) in try session.run(["x": inputs[index]])["y"] }
                    results.withLockedValue { $0.append((index, result)) }
                }
                finished.leave()
            }
            thread.start()
        }
        finished.wait()

        let collected = results.withLockedValue { $0 }
        #expect(collected.count == 32)
        for (index, result) in collected {
            #expect(try Self.maxDifference(sequential[index], result.get()) <= 1e-5)
        }
    }
}
