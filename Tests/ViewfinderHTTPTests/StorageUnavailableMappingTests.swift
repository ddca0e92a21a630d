import HTTPTypes
import Testing
import ViewfinderCore
@testable import ViewfinderHTTP

/// Storage outages reach clients as 503s that say nothing about the database.
struct StorageUnavailableMappingTests {
    @Test func anUnreachableCatalogIsA503WithoutDatabaseDetails() {
        let error = APIError(
            ViewfinderError(.storageUnavailable, "searching failed: PostgreSQL at 10.0.0.7:5432 is unavailable"))
        #expect(error.status == .serviceUnavailable)
        #expect(!error.message.contains("10.0.0.7") && !error.message.contains("PostgreSQL"))
        #expect(error.headers[.retryAfter] == "5")
        #expect(!error.isInternal)
    }
}
