import Foundation
import Testing
import ViewfinderTestSupport

/// `viewfinder index`, `search` and `status` against real PostgreSQL and MariaDB servers (`--database`).
@Suite(.serialized)
struct DatabaseBackendTests {
    /// The parts of `status --json` these tests read.
    struct Status: Decodable {
        let backend: String
        let serverVersion: String
        let nativeVectorSearch: Bool
        let vectorSupport: String
        let vectorIndexes: [String: String]
        let photos: Int
        let embedded: [String: Int]
    }

    @Test(arguments: TestDatabaseServer.allCases)
    func colourSearchWorksEndToEndOnEveryServer(_ server: TestDatabaseServer) async throws {
        let harness = try await CLIHarness.make(database: server)
        do {
            let report = try harness.index()
            #expect(report.found == 30 && report.embedded == 30 && report.failures.isEmpty)
            for (query, folder) in [("red", "red/"), ("blau", "blue/"), ("a photo of something green", "green/"), ("ein gelbes Foto", "yellow/")] {
                let top = try harness.search(query, limit: 3)
                #expect(top.count == 3)
                #expect(top.allSatisfy { $0.hasPrefix(folder) }, "\(server) \(query) → \(top)")
            }

            let again = try harness.index()
            #expect(again.embedded == 0 && again.unchanged == 30, "mtimes round-trip exactly on \(server)")

            let result = try harness.viewfinder(["status", "--json"])
            try #require(result.status == 0, "status failed: \(result.stderr)")
            let status = try JSONDecoder().decode(Status.self, from: Data(result.stdout.utf8))
            #expect(status.photos == 30 && status.embedded == ["viewfinder-test-tiny/64": 30])
            let index = status.vectorIndexes["viewfinder-test-tiny/64"] ?? ""
            switch server {
            case .postgres:
                #expect(status.backend == "postgresql" && status.serverVersion.hasPrefix("16."))
                #expect(status.nativeVectorSearch && status.vectorSupport == "pgvector 0.8.5")
                #expect(index.hasPrefix("hnsw"), "the HNSW index is built after the bulk load: \(index)")
            case .mariadb11:
                #expect(status.backend == "mariadb" && status.serverVersion.hasPrefix("11.8"))
                #expect(status.nativeVectorSearch && index.hasPrefix("VECTOR INDEX"))
            case .mariadb10:
                #expect(status.backend == "mariadb" && status.serverVersion.hasPrefix("10.11"))
                #expect(!status.nativeVectorSearch && index.contains("in process"))
            }
        } catch {
            await harness.removeAll()
            throw error
        }
        await harness.removeAll()
    }

    @Test func aWrongPasswordIsAClearErrorNotAHang() async throws {
        var url = try TestDatabaseServer.postgres.url()
        url.password = "not-the-password"
        let harness = try CLIHarness()
        defer { harness.remove() }
        let result = try harness.viewfinder(["status", "--database", try #require(url.string)])
        #expect(result.status != 0)
        #expect(result.stderr.contains("password authentication failed"), "\(result.stderr)")
        #expect(!result.stderr.contains("not-the-password"))
    }
}
