import Foundation
import MariaDBClient
import NIOPosix
import ViewfinderCore

/// A bounded pool of blocking MariaDB connections; every use runs on the injected thread pool.
actor MariaDBConnectionPool {
    private let options: MariaDBConnectOptions
    private let threadPool: NIOThreadPool
    private let maximum: Int
    private let leaseWait: Duration
    private let setUp: @Sendable (MariaDBConnection) throws -> Void
    private var idle: [MariaDBConnection] = []
    private var open = 0
    /// Callers waiting for a connection, in arrival order; resumed with false when their wait ran out.
    private var waiters: [(id: Int, continuation: CheckedContinuation<Bool, Never>)] = []
    private var nextWaiterID = 0
    private var closed = false

    /// A pool of at most `maximum` connections whose callers wait at most `leaseWait` for a free one.
    init(
        options: MariaDBConnectOptions, threadPool: NIOThreadPool, maximum: Int, leaseWait: Duration = .seconds(120),
        setUp: @escaping @Sendable (MariaDBConnection) throws -> Void
    ) {
        self.options = options
        self.threadPool = threadPool
        self.maximum = max(1, maximum)
        self.leaseWait = leaseWait
        self.setUp = setUp
    }

    /// Runs `body` with a leased connection on the thread pool. A connection that failed at the network level is
    /// dropped instead of returned.
    func run<T: Sendable>(_ body: @escaping @Sendable (MariaDBConnection) throws -> T) async throws -> T {
        let connection = try await lease()
        do {
            let result = try await threadPool.runIfActive { try body(connection) }
            giveBack(connection)
            return result
        } catch let error as MariaDBError where error.isConnectionFailure {
            discard(connection)
            // A lost connection usually means the server restarted: the idle ones are dead too, and keeping them
            // would fail one caller each before the pool recovers.
            for stale in idle { discard(stale) }
            idle.removeAll()
            throw error
        } catch {
            giveBack(connection)
            throw error
        }
    }

    /// Closes every idle connection and refuses new leases.
    func close() {
        closed = true
        for connection in idle { connection.close() }
        idle.removeAll()
        for waiter in waiters { waiter.continuation.resume(returning: true) }
        waiters.removeAll()
    }

    private func lease() async throws -> MariaDBConnection {
        let deadline = ContinuousClock.now + leaseWait
        while true {
            guard !closed else { throw ViewfinderError(.storageFailed, "the MariaDB catalog is closed") }
            if let connection = idle.popLast() { return connection }
            if open < maximum {
                open += 1
                let options = self.options
                let setUp = self.setUp
                do {
                    return try await threadPool.runIfActive {
                        let connection = try MariaDBConnection(options)
                        try setUp(connection)
                        return connection
                    }
                } catch {
                    open -= 1
                    wakeOne()
                    throw error
                }
            }
            // Every connection is busy (a slow or hung server): wait, but not forever.
            let id = nextWaiterID
            nextWaiterID &+= 1
            let timer = Task { [self] in
                try? await Task.sleep(until: deadline, clock: .continuous)
                if !Task.isCancelled { expire(id) }
            }
            let woken = await withCheckedContinuation { waiters.append((id, $0)) }
            timer.cancel()
            guard woken else {
                throw ViewfinderError(
                    .storageUnavailable,
                    "the MariaDB server did not free a connection within \(leaseWait); it may be overloaded or hung")
            }
        }
    }

    /// Ends the wait of the caller `id`, if it is still waiting.
    private func expire(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(returning: false)
    }

    private func giveBack(_ connection: MariaDBConnection) {
        if closed {
            connection.close()
            open -= 1
        } else {
            idle.append(connection)
        }
        wakeOne()
    }

    private func discard(_ connection: MariaDBConnection) {
        connection.close()
        open -= 1
        wakeOne()
    }

    private func wakeOne() {
        if !waiters.isEmpty { waiters.removeFirst().continuation.resume(returning: true) }
    }
}
