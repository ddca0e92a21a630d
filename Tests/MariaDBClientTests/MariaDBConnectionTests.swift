import Foundation
import MariaDBClient
import NIOPosix
import Testing
import ViewfinderTestSupport

/// The thin connector wrapper against a real server (both generations): escaping, exact values, errors.
struct MariaDBConnectionTests {
    private func withConnection(
        _ server: TestDatabaseServer, _ body: @escaping @Sendable (MariaDBConnection) throws -> Void
    ) async throws {
        let url = try server.url()
        let options = MariaDBConnectOptions(
            host: url.host ?? "127.0.0.1", port: url.port ?? 3306, user: url.user ?? "", password: url.password,
            database: String(url.path.dropFirst()))
        try await NIOThreadPool.singleton.runIfActive {
            let connection = try MariaDBConnection(options)
            defer { connection.close() }
            try body(connection)
        }
    }

    @Test(arguments: [TestDatabaseServer.mariadb10, .mariadb11])
    func awkwardTextBytesAndDoublesComeBackExactly(_ server: TestDatabaseServer) async throws {
        try await withConnection(server) { connection in
            #expect(connection.serverVersionNumber >= 101100)
            let texts = ["it's", "back\\slash", "quote\"d", "nul\u{0}byte", "Zürich 東京 🙂", "'; DROP TABLE x; --", ""]
            for text in texts {
                let row = try connection.query("SELECT \(text), CHAR_LENGTH(\(text))").rows.first
                #expect(try row?.string(0) == text)
            }
            let doubles: [Double] = [0.1, 1_700_000_000.123_456_7, -0.0, 1e-300, 1.797_693_134_862_315_7e308, 5e-324, 1.0 / 3.0]
            for value in doubles {
                let back = try connection.query("SELECT \(value)").rows.first?.double(0)
                #expect(back?.bitPattern == value.bitPattern || (value == 0 && back == 0), "\(value) → \(String(describing: back))")
            }
            let bytes = Data((0...255).map(UInt8.init))
            #expect(try connection.query("SELECT \(bytes)").rows.first?.bytes(0) == bytes)
            #expect(try connection.query("SELECT \(nil as String?)").rows.first?.isNull(0) == true)
        }
    }

    @Test(arguments: [TestDatabaseServer.mariadb10, .mariadb11])
    func serverErrorsKeepTheirCodeAndNonFiniteNumbersAreRefused(_ server: TestDatabaseServer) async throws {
        try await withConnection(server) { connection in
            let error = #expect(throws: MariaDBError.self) { try connection.query("SELECT * FROM no_such_table_here") }
            #expect(error?.code == 1146 && error?.sqlState == "42S02")
            #expect(throws: MariaDBError.self) { try connection.query("SELECT \(Double.nan)") }
            let result = try connection.query("SELECT 1 AS one, 'two' AS two")
            #expect(result.columns == ["one", "two"] && result.rows.count == 1)
        }
    }

    @Test func anUnreachableServerIsAConnectionFailure() async throws {
        let error = await #expect(throws: MariaDBError.self) {
            try await NIOThreadPool.singleton.runIfActive {
                _ = try MariaDBConnection(MariaDBConnectOptions(host: "127.0.0.1", port: 1, user: "x", password: nil, database: nil))
            }
        }
        #expect(error?.isConnectionFailure == true)
    }
}
