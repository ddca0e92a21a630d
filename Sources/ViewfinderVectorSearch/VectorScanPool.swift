public import NIOPosix
public import VectorIndex
public import ViewfinderCore

/// The bounded threads that in-process vector scans run on (never Swift's cooperative pool).
///
/// Each part of a ``MatrixScan`` is one job on the pool; parts run in parallel as far as the pool has threads.
public struct VectorScanPool: Sendable {
    /// The pool the scans run on; owned (started and shut down) by whoever built it.
    public let threadPool: NIOThreadPool

    /// Runs scans on `threadPool`.
    public init(threadPool: NIOThreadPool) {
        self.threadPool = threadPool
    }

    /// The merged result of every part of `scan`.
    public func run(_ scan: MatrixScan) async throws(ViewfinderError) -> [MatrixMatch] {
        do {
            if scan.parts == 1 { return try await threadPool.runIfActive { scan.run(part: 0) } }
            let results = try await withThrowingTaskGroup(of: [MatrixMatch].self) { group in
                for part in 0..<scan.parts {
                    group.addTask { try await threadPool.runIfActive { scan.run(part: part) } }
                }
                var results: [[MatrixMatch]] = []
                for try await result in group { results.append(result) }
                return results
            }
            return scan.merge(results)
        } catch {
            throw ViewfinderError(.internalFailure, "the vector scan could not run: its thread pool is shut down", underlying: error)
        }
    }
}
