import HTTPTypes
import Hummingbird

/// Refuses API requests without a valid credential; `/api/v1/health`, login and the web UI's files stay open.
struct AuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let authenticator: Authenticator

    /// Paths reachable without a credential.
    static var openPaths: Set<String> { ["/api/v1/health", "/api/v1/session", "/api/v1/openapi.json"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let path = request.uri.path
        let protected = path.hasPrefix("/api/") && !Self.openPaths.contains(path)
        if protected, !(await authenticator.allows(request)) {
            throw APIError(.unauthorized, "authentication required: log in or send an API token as 'Authorization: Bearer …'")
        }
        return try await next(request, context)
    }
}
