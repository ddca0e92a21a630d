import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ViewfinderCore

/// Turns every thrown error into a JSON `{"error": …}` response; details of internal errors go to the log only.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as ViewfinderError {
            let mapped = APIError(error)
            if mapped.isInternal {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            throw mapped
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "the request body is too large")
        } catch let error as HTTPError {
            throw APIError(error.status, Self.message(for: error.status), headers: error.headers)
        } catch let error as any HTTPResponseError {
            throw APIError(error.status, Self.message(for: error.status))
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            throw APIError(.internalServerError, "internal error; the server log has the details")
        }
    }

    private static func message(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "the request is malformed"
        case 401: "authentication required"
        case 404: "not found"
        case 405: "method not allowed"
        case 413: "the request body is too large"
        default: status.reasonPhrase.isEmpty ? "request failed" : status.reasonPhrase.lowercased()
        }
    }
}
