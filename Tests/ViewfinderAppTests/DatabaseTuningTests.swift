import Testing
import ViewfinderCore
import ViewfinderMariaDB
import ViewfinderPostgres

@testable import ViewfinderApp

/// `?ef_search=` and `database_wait` reach the server catalogs' configurations.
struct DatabaseTuningTests {
    @Test func efSearchAndTheWaitReachPostgreSQLAndMariaDB() throws {
        let plain = DatabaseServerAddress(host: "h", port: 5432, user: "u", password: nil, database: "d", options: [:])
        let tuned = DatabaseServerAddress(
            host: "h", port: 5432, user: "u", password: nil, database: "d", options: ["ef_search": "800"])
        #expect(try ViewfinderApplication.postgresConfiguration(plain, wait: .seconds(120)).efSearch == 1000)
        let postgres = try ViewfinderApplication.postgresConfiguration(tuned, wait: .seconds(30))
        #expect(postgres.efSearch == 800)
        #expect(postgres.connectionWaitLimit == .seconds(30) && postgres.connectionWait == .seconds(10))
        let mariadb = try ViewfinderApplication.mariaDBConfiguration(tuned, wait: .seconds(45))
        #expect(mariadb.efSearch == 800 && mariadb.connectionWait == .seconds(45))
    }

    @Test(arguments: ["0", "1001", "many", ""])
    func badEfSearchValuesAreRefused(_ value: String) {
        let address = DatabaseServerAddress(
            host: "h", port: 5432, user: "u", password: nil, database: "d", options: ["ef_search": value])
        let error = #expect(throws: ViewfinderError.self) {
            try ViewfinderApplication.postgresConfiguration(address, wait: .seconds(120))
        }
        #expect(error?.message.contains("ef_search") == true)
    }
}
