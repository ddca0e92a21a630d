import Logging

import NIOSSL
import PostgresNIO
public import ViewfinderCore

extension PostgresCatalog {
    /// Opens and closes one connection, so a wrong address or password fails at once with the server's reason
    /// (the pool would keep retrying in the background instead).
    public func checkConnection() async throws(ViewfinderError) {
        let action = "connecting to PostgreSQL at \(configuration.host):\(configuration.port)"
        do {
            let tls: PostgresConnection.Configuration.TLS
            switch configuration.tls {
            case .disable: tls = .disable
            case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
            var connectionConfiguration = PostgresConnection.Configuration(
                host: configuration.host, port: configuration.port, username: configuration.username,
                password: configuration.password, database: configuration.database, tls: tls)
            connectionConfiguration.options.connectTimeout = .seconds(10)
            let connection = try await PostgresConnection.connect(
                configuration: connectionConfiguration, id: 0, logger: logger)
            try await connection.close()
        } catch {
            throw mapError(error, action)
        }
    }
}
