import HTTPTypes
import Hummingbird
import NIOPosix

extension ViewfinderAPI {
    /// `/session`: log in with the admin password (rate-limited) and log out.
    func addSessionRoutes(to group: RouterGroup<ViewfinderRequestContext>) {
        group.post("session") { request, context -> Response in
            guard let hash = settings.auth.passwordHash else {
                throw APIError(.notFound, "password login is not enabled on this server")
            }
            if let wait = await authenticator.throttle.retryAfter(client: context.clientKey) {
                throw APIError(
                    .tooManyRequests, "too many failed logins; try again in \(wait) seconds",
                    headers: [.retryAfter: String(wait)])
            }
            let body = try await JSONBody.decode(LoginRequest.self, from: request, limit: limits.maxJSONBytes)
            // The slow KDF is blocking work: it runs on the thread pool, never on the event loops or Swift's pool.
            let password = body.password
            let matches = try await NIOThreadPool.singleton.runIfActive {
                password.utf8.count <= 1024 && PasswordHash.verify(password, against: hash)
            }
            guard matches else {
                await authenticator.throttle.recordFailure(client: context.clientKey)
                throw APIError(.unauthorized, "wrong password")
            }
            let token = await authenticator.sessions.open()
            var response = try JSONBody.response(
                SessionJSON(token: token, expiresIn: settings.auth.sessionLifetime), status: .created)
            response.setCookie(
                Cookie(
                    name: Authenticator.cookieName, value: token, maxAge: settings.auth.sessionLifetime, path: "/",
                    secure: settings.auth.secureCookie, httpOnly: true, sameSite: .strict))
            return response
        }
        group.delete("session") { request, _ -> Response in
            if let token = Authenticator.credential(of: request) { await authenticator.sessions.close(token) }
            var response = Response(status: .noContent)
            response.setCookie(
                Cookie(
                    name: Authenticator.cookieName, value: "", maxAge: 0, path: "/", secure: settings.auth.secureCookie,
                    httpOnly: true, sameSite: .strict))
            return response
        }
    }
}
