import HTTPTypes
import Hummingbird

/// Adds the browser hardening headers to every response, errors included.
///
/// `nosniff` and `Referrer-Policy` go on everything; the web UI's pages also get a strict Content-Security-Policy
/// (same-origin scripts, styles, images and API calls only; no inline code, plugins, framing or foreign forms), which
/// the UI satisfies because it loads `/app.js` and `/style.css` and builds the page through the DOM.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The policy sent with every response that is not JSON from the API.
    static var contentSecurityPolicy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            // Errors become responses only after the middleware chain, so render them here to add the headers.
            response = try error.response(from: request, context: context)
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.xFrameOptions] = "DENY"
        if !request.uri.path.hasPrefix("/api/") {
            response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        }
        return response
    }
}
