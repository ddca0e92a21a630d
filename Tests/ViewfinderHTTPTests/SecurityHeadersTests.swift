import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import ViewfinderHTTP

/// The browser hardening headers: on the UI, on API answers and on errors, with auth on.
struct SecurityHeadersTests {
    private func app(secureCookie: Bool = false) throws -> some ApplicationProtocol {
        let auth = AuthSettings(
            passwordHash: try PasswordHash.make("correct horse"), tokenHashes: [PasswordHash.tokenDigest("t0ken-0123456789")],
            secureCookie: secureCookie)
        let settings = HTTPServerSettings(port: 0, auth: auth)
        let router = try ViewfinderHTTPServer.router(dependencies: fakeDependencies(), settings: settings)
        var logger = Logger(label: "security-headers-test")
        logger.logLevel = .warning
        return ViewfinderHTTPServer.application(router: router, settings: settings, logger: logger)
    }

    @Test func everyResponseIsNosniffAndTheUIHasAStrictPolicy() async throws {
        try await app().test(.router) { client in
            for uri in ["/", "/app.js", "/style.css"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", "\(uri)")
                    let policy = try #require(response.headers[.contentSecurityPolicy], "\(uri)")
                    #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'"))
                    #expect(policy.contains("frame-ancestors 'none'") && !policy.contains("unsafe-inline"))
                    #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                }
            }
            // API answers and errors (401, 404, a route that does not exist) carry them as well.
            for (uri, status) in [("/api/v1/health", HTTPResponse.Status.ok), ("/api/v1/photos", .unauthorized),
                                  ("/api/v1/nothing-here", .unauthorized), ("/no-such-page", .notFound)] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == status, "\(uri)")
                    #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", "\(uri)")
                    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", "\(uri)")
                }
            }
        }
    }

    @Test(arguments: [false, true])
    func theSessionCookieIsSecureExactlyWhenConfigured(_ secure: Bool) async throws {
        try await app(secureCookie: secure).test(.router) { client in
            try await client.execute(
                uri: "/api/v1/session", method: .post, body: ByteBuffer(string: #"{"password":"correct horse"}"#)
            ) { response in
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.contains("; Secure") == secure, "\(cookie)")
            }
            try await client.execute(uri: "/api/v1/session", method: .delete) { response in
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.contains("; Secure") == secure && cookie.contains("HttpOnly"), "\(cookie)")
            }
        }
    }

    @Test func theSessionCookieIsHttpOnlyAndSameSiteStrictAndLogoutRevokesIt() async throws {
        try await app().test(.router) { client in
            let token = try await client.execute(
                uri: "/api/v1/session", method: .post, body: ByteBuffer(string: #"{"password":"correct horse"}"#)
            ) { response in
                #expect(response.status == .created)
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "\(cookie)")
                let value = try #require(cookie.split(separator: ";").first?.split(separator: "=").last)
                // 32 random bytes, hex: 256 bits.
                #expect(value.count == 64)
                return String(value)
            }
            try await client.execute(uri: "/api/v1/photos", method: .get, headers: [.authorization: "Bearer \(token)"]) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/api/v1/session", method: .delete, headers: [.authorization: "Bearer \(token)"]) {
                #expect($0.status == .noContent)
            }
            try await client.execute(uri: "/api/v1/photos", method: .get, headers: [.authorization: "Bearer \(token)"]) {
                #expect($0.status == .unauthorized)
            }
        }
    }
}
