import Foundation
import MariaDBClient
import ViewfinderCore

extension MariaDBCatalog {
    /// Runs `body` with a pooled connection on the thread pool, mapping failures to the domain error.
    func run<T: Sendable>(
        _ action: String, _ body: @escaping @Sendable (MariaDBConnection) throws -> T
    ) async throws(ViewfinderError) -> T {
        do {
            return try await pool.run(body)
        } catch {
            throw Self.mapError(error, action)
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws. A deadlock or lock
    /// timeout (InnoDB picks a victim among concurrent writers) is retried up to three times.
    func transaction<T: Sendable>(
        _ action: String, _ body: @escaping @Sendable (MariaDBConnection) throws -> T
    ) async throws(ViewfinderError) -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await pool.run { connection in
                    try connection.query("START TRANSACTION")
                    do {
                        let result = try body(connection)
                        try connection.query("COMMIT")
                        return result
                    } catch {
                        _ = try? connection.query("ROLLBACK")
                        throw error
                    }
                }
            } catch let error as MariaDBError where (error.code == 1213 || error.code == 1205) && attempt < 3 {
                continue
            } catch {
                throw Self.mapError(error, action)
            }
        }
    }

    /// Maps connector errors to the domain error, keeping the server's message.
    static func mapError(_ error: any Error, _ action: String) -> ViewfinderError {
        if let error = error as? ViewfinderError { return error }
        if let error = error as? MariaDBError {
            if error.isConnectionFailure {
                return ViewfinderError(
                    .storageUnavailable, "\(action) failed: the MariaDB server is unavailable (\(error.message))",
                    underlying: error)
            }
            return ViewfinderError(.storageFailed, "\(action) failed: \(error.message)", underlying: error)
        }
        return ViewfinderError(.storageFailed, "\(action) failed", underlying: error)
    }
}
