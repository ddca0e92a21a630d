import AsyncHTTPClient
import Foundation
import NIOHTTP1
import ViewfinderCore

/// The messages a user sees when the hub cannot deliver a file.
enum HubErrors {
    /// Nothing answered at `url` (offline, DNS failure, refused, timed out).
    static func unreachable(_ url: URL, _ error: any Error) -> ViewfinderError {
        ViewfinderError(
            .networkFailed,
            "Cannot reach the model hub at \(url.absoluteString) (\(reason(error))). Check the network connection and "
                + "--hub-url / VIEWFINDER_HUB_URL, or fetch the model's files another way and install them with "
                + "`viewfinder models import DIR --name NAME`.",
            underlying: error)
    }

    /// The hub answered with an error status.
    static func status(_ status: HTTPResponseStatus, url: URL, tokenGiven: Bool) -> ViewfinderError {
        let hint: String =
            switch status.code {
            case 401, 403:
                tokenGiven
                    ? "The hub refused the token; check it has access to this repository."
                    : "The repository may be gated or private: pass a token with --token or VIEWFINDER_HUB_TOKEN."
            case 404: "Check the model name, --revision and --hub-url."
            case 429: "The hub is rate-limiting; try again later."
            default: "Try again later, or install the files with `viewfinder models import DIR --name NAME`."
            }
        return ViewfinderError(.networkFailed, "\(url.absoluteString) answered \(status.code) \(status.reasonPhrase). \(hint)")
    }

    /// The connection ended before the whole file arrived.
    static func interrupted(_ url: URL, received: Int64, expected: Int64?, _ error: (any Error)?) -> ViewfinderError {
        let of = expected.map { " of \($0)" } ?? ""
        return ViewfinderError(
            .networkFailed, "the transfer of \(url.absoluteString) stopped after \(received)\(of) bytes",
            underlying: error)
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout: return "connection timed out"
            case .readTimeout: return "no answer in time"
            default: break
            }
        }
        let text = String(describing: error)
        if text.localizedCaseInsensitiveContains("refused") { return "connection refused" }
        if text.localizedCaseInsensitiveContains("resolve") || text.localizedCaseInsensitiveContains("getaddrinfo") {
            return "host name not found"
        }
        return text.count > 160 ? String(text.prefix(160)) + "…" : text
    }
}
