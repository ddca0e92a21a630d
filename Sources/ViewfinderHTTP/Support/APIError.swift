import HTTPTypes
import Foundation
import Hummingbird
import ViewfinderCore

/// An API failure with its status; the response body is `{"error": "…"}`.
struct APIError: HTTPResponseError, Sendable {
    let status: HTTPResponse.Status
    let message: String
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    /// The HTTP form of a domain error; internal failures get a generic message (details go to the log only).
    init(_ error: ViewfinderError) {
        switch error.code {
        case .invalidInput: self.init(.badRequest, error.message)
        case .notFound: self.init(.notFound, error.message)
        case .unavailable: self.init(.serviceUnavailable, error.message)
        // The domain's message names folders on the server; the client only learns what to check.
        case .modelNotInstalled:
            self.init(.serviceUnavailable, "semantic search is unavailable: the active model is not installed (see GET /api/v1/models)")
        case .incompatibleEmbeddings: self.init(.conflict, error.message)
        case .decodeFailed: self.init(.badRequest, "the uploaded file is not a picture Viewfinder can read")
        case .configurationInvalid: self.init(.serviceUnavailable, "semantic search is unavailable on this server")
        // The domain's message names the database host; the client only learns to come back later.
        case .storageUnavailable:
            self.init(
                .serviceUnavailable, "the catalog database is unavailable; try again shortly",
                headers: [.retryAfter: "5"])
        case .encodeFailed, .storageFailed, .networkFailed, .integrityFailed, .internalFailure:
            self.init(.internalServerError, "internal error; the server log has the details")
        }
    }

    /// Whether the failure is the server's fault (and is logged).
    var isInternal: Bool { status == .internalServerError }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try JSONBody.response(ErrorBody(error: message), status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}

/// The JSON error body.
struct ErrorBody: Codable, Sendable {
    let error: String
}
