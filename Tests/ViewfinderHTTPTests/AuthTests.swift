import HTTPTypes
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import ViewfinderHTTP

/// Auth on and off: passwords, API tokens, sessions, throttled logins and the loopback rule.
struct AuthTests {
    static let token = "test-api-token-0123456789"

    private func app(_ auth: AuthSettings) throws -> some ApplicationProtocol {
        let settings = HTTPServerSettings(port: 0, auth: auth)
        let router = try ViewfinderHTTPServer.router(dependencies: fakeDependencies(), settings: settings)
        var logger = Logger(label: "auth-test")
        logger.logLevel = .warning
        return ViewfinderHTTPServer.application(router: router, settings: settings, logger: logger)
    }

    @Test func withoutAuthEveryRouteIsOpen() async throws {
        try await app(AuthSettings()).test(.router) { client in
            // The fake's image search reports a missing model: a 503 that names no server path.
            try await client.execute(uri: "/api/v1/search/image", method: .post, headers: [.contentType: "image/jpeg"], body: ByteBuffer(string: "x")) {
                #expect($0.status == .serviceUnavailable)
                #expect($0.errorMessage?.contains("/models") == true && $0.errorMessage?.contains("/tmp") == false)
            }
            try await client.execute(uri: "/api/v1/photos", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/status", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/session", method: .post, body: ByteBuffer(string: #"{"password":"x"}"#)) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test(arguments: [TestingSetup.router, .live])
    func withAuthOnlyHealthLoginAndTheUIAreOpen(_ setup: TestingSetup) async throws {
        let auth = AuthSettings(
            passwordHash: try PasswordHash.make("correct horse"), tokenHashes: [PasswordHash.tokenDigest(Self.token)],
            maxLoginFailures: 3)
        try await app(auth).test(setup) { client in
            try await client.execute(uri: "/api/v1/health", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/", method: .get) { #expect($0.status == .ok) }
            for uri in ["/api/v1/photos", "/api/v1/status", "/api/v1/albums", "/api/v1/index", "/api/v1/models",
                        "/api/v1/duplicates", "/api/v1/search/fields", "/api/v1/t/\(String(repeating: "a", count: 64))/fit_256"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .unauthorized, "\(uri)")
                    #expect(response.errorMessage?.contains("authentication") == true)
                }
            }
            try await client.execute(uri: "/api/v1/photos", method: .get, headers: [.authorization: "Bearer wrong"]) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: "/api/v1/photos", method: .get, headers: [.authorization: "Bearer \(Self.token)"]) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/api/v1/session", method: .post, body: ByteBuffer(string: #"{"password":"nope"}"#)) {
                #expect($0.status == .unauthorized)
            }
            let cookie = try await client.execute(
                uri: "/api/v1/session", method: .post, body: ByteBuffer(string: #"{"password":"correct horse"}"#)
            ) { response in
                #expect(response.status == .created)
                let header = try #require(response.headers[.setCookie])
                #expect(header.contains("HttpOnly"))
                return String(try #require(header.split(separator: ";").first))
            }
            try await client.execute(uri: "/api/v1/status", method: .get, headers: [.cookie: cookie]) {
                #expect($0.status == .ok)
                #expect($0.text.contains("\"authRequired\":true"))
            }
            let token = String(cookie.split(separator: "=")[1])
            try await client.execute(uri: "/api/v1/photos", method: .get, headers: [.authorization: "Bearer \(token)"]) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/api/v1/session", method: .delete, headers: [.cookie: cookie]) {
                #expect($0.status == .noContent)
            }
            try await client.execute(uri: "/api/v1/status", method: .get, headers: [.cookie: cookie]) {
                #expect($0.status == .unauthorized)
            }
            // Two more failures reach the limit of three; then even the right password waits.
            for _ in 0..<2 {
                try await client.execute(uri: "/api/v1/session", method: .post, body: ByteBuffer(string: #"{"password":"x"}"#)) {
                    #expect($0.status == .unauthorized)
                }
            }
            try await client.execute(
                uri: "/api/v1/session", method: .post, body: ByteBuffer(string: #"{"password":"correct horse"}"#)
            ) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] != nil)
            }
        }
    }

    @Test func passwordHashesVerifyAndRejectTampering() throws {
        let hash = try PasswordHash.make("secret")
        #expect(hash.hasPrefix("pbkdf2-sha256$210000$"))
        #expect(!hash.contains("secret"))
        #expect(PasswordHash.verify("secret", against: hash))
        #expect(!PasswordHash.verify("Secret", against: hash))
        #expect(!PasswordHash.verify("secret", against: "pbkdf2-sha256$1000$00$00"))
        #expect(throws: ViewfinderHTTPError.self) { try PasswordHash.validate("plain-text") }
    }

    @Test func refusesANonLoopbackAddressWithoutAuthUnlessAllowed() throws {
        #expect(throws: ViewfinderHTTPError.self) { try HTTPServerSettings(host: "0.0.0.0").validate() }
        try HTTPServerSettings(host: "0.0.0.0", allowInsecureRemote: true).validate()
        try HTTPServerSettings(host: "0.0.0.0", auth: AuthSettings(tokenHashes: [PasswordHash.tokenDigest("t")])).validate()
        try HTTPServerSettings(host: "127.0.0.1").validate()
        try HTTPServerSettings(host: "localhost").validate()
    }
}
