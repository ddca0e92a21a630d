import Testing
import ViewfinderApp
import ViewfinderCore

/// Database URLs select the backend; bad URLs get errors that say what is supported.
struct DatabaseLocationTests {
    @Test func sqliteURLsNameAFileAndMayAskForHalfPrecision() throws {
        #expect(try DatabaseLocation(url: "sqlite:///srv/vf/catalog.db") == .sqlite(path: "/srv/vf/catalog.db"))
        #expect(
            try DatabaseLocation(url: "sqlite:///srv/vf/catalog.db?vector_precision=float16")
                == .sqlite(path: "/srv/vf/catalog.db", vectorPrecision: .float16))
        #expect(throws: ViewfinderError.self) { try DatabaseLocation(url: "sqlite://relative.db") }
    }

    @Test func serverURLsCarryAddressCredentialsAndOptions() throws {
        let postgres = try DatabaseLocation(url: "postgres://vf:p%40ss%2Fw@db.example:6543/photos?sslmode=disable")
        guard case .postgres(let address) = postgres else { Issue.record("not postgres: \(postgres)"); return }
        #expect(address == DatabaseServerAddress(
            host: "db.example", port: 6543, user: "vf", password: "p@ss/w", database: "photos", options: ["sslmode": "disable"]))
        #expect(postgres.description == "postgres://vf:***@db.example:6543/photos")
        #expect(postgres.backend == "postgresql")

        let mariadb = try DatabaseLocation(url: "mariadb://vf:secret@127.0.0.1/viewfinder")
        guard case .mariadb(let server) = mariadb else { Issue.record("not mariadb: \(mariadb)"); return }
        #expect(server.port == 3306 && server.database == "viewfinder" && server.password == "secret")
        #expect(!mariadb.description.contains("secret"))
        if case .postgres(let defaults) = try DatabaseLocation(url: "postgresql://vf@localhost/db") {
            #expect(defaults.port == 5432 && defaults.password == nil)
        } else {
            Issue.record("postgresql:// is a PostgreSQL URL")
        }
    }

    @Test(arguments: [
        "oracle://u:p@h/db", "postgres://u:p@h", "postgres://h:5432/db", "mariadb://u:p@h:99999/db",
        "sqlite:///x.db?vector_precision=int3",
    ])
    func malformedURLsAreRejectedWithGuidance(_ url: String) {
        let error = #expect(throws: ViewfinderError.self) { try DatabaseLocation(url: url) }
        #expect(error?.code == .configurationInvalid)
        #expect(error?.message.isEmpty == false)
    }
}
