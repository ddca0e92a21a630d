import Foundation
import MariaDBClient
import NIOPosix
import Testing
import ViewfinderCore
import ViewfinderTestSupport

@testable import ViewfinderMariaDB

/// A caller that finds every pooled connection busy waits at most the configured time, then gets "unavailable".
struct MariaDBPoolWaitTests {
    @Test func aCallerWaitingForABusyPoolGivesUpAfterTheLeaseWait() async throws {
        let url = try TestDatabaseServer.mariadb10.url()
        let options = MariaDBConnectOptions(
            host: url.host ?? "127.0.0.1", port: url.port ?? 3306, user: url.user ?? "", password: url.password,
            database: nil)
        let pool = MariaDBConnectionPool(
            options: options, threadPool: NIOThreadPool.singleton, maximum: 1, leaseWait: .milliseconds(300)
        ) { _ in }
        // The only connection is busy for two seconds (a hung or overloaded server looks like this).
        let busy = Task { try await pool.run { connection in try connection.query("SELECT SLEEP(2)") } }
        try await Task.sleep(for: .milliseconds(200))
        do {
            _ = try await pool.run { connection in try connection.query("SELECT 1") }
            Issue.record("the second caller got a connection while the only one was busy")
        } catch let error as ViewfinderError {
            #expect(error.code == .storageUnavailable)
            #expect(error.message.contains("did not free a connection"))
        }
        _ = try await busy.value
        // Once the connection is free again, callers get it.
        let rows = try await pool.run { connection in try connection.query("SELECT 1") }
        #expect(rows.rows.count == 1)
        await pool.close()
    }
}
