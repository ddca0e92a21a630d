import Foundation
import MariaDBClient
import NIOPosix
import ViewfinderCore

/// A bounded pool of blocking MariaDB connections; every use runs on the injected thread pool.
actor MariaDBConnectionPool {
    private let options: MariaDBConnectOptions
    private let threadPool: NIOThreadPool
    private let maximum: Int
    private let setUp: @Sendable (MariaDBConnection) throws -> Void
    private var idle: [MariaDBConnection] = []
    private var open = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var closed = false

    init(
        options: MariaDBConnectOptions, threadPool: NIOThreadPool, maximum: Int,
        setUp: @escaping @Sendable (MariaDBConnection) throws -> Void
    ) {
        self.options = options
        self.threadPool = threadPool
        self.maximum = max(1, maximum)
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
        for waiter in waiters { waiter.resume() }
        waiters.removeAll()
    }

    private func lease() async throws -> MariaDBConnection {
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
            await withCheckedContinuation { waiters.append($0) }
        }
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
        if !waiters.isEmpty { waiters.removeFirst().resume() }
    }
}
