import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import ViewfinderCore

/// Fetches one file from the hub into `<destination>.partial`, resuming with `Range` after interruptions,
/// then checks its size and SHA-256 and renames it to `destination`.
struct HubFileTransfer: Sendable {
    /// The client, configured not to follow redirects (the hub's headers on the first hop matter).
    let client: HTTPClient
    /// Hub URL, token and retry limits.
    let settings: HubSettings
    /// Blocking file work (writing, hashing) runs here.
    let threadPool: NIOThreadPool

    /// A finished, checked file.
    struct Result: Sendable {
        let digest: FileDigest
        let verifiedWithHub: Bool
    }

    /// What one attempt learned about the file.
    private struct Fetched: Sendable {
        let publishedSHA256: String?
        let expectedSize: Int64?
    }

    /// Why an attempt failed: `retryable` failures are tried again (resuming), `fatal` ones end the download.
    private enum Failure: Error {
        /// Worth another attempt: the connection broke, the server was busy.
        case retryable(ViewfinderError)
        /// Not worth another attempt: offline, not found, refused, corrupt.
        case fatal(ViewfinderError)
    }

    /// Downloads `url` to `destination`; `pinnedSHA256` (from the catalogue) wins over the hub's ETag.
    func download(
        from url: URL, to destination: URL, displayPath: String, pinnedSHA256: String?,
        progress: @escaping @Sendable (DownloadEvent) -> Void
    ) async throws(ViewfinderError) -> Result {
        let partialURL = URL(fileURLWithPath: destination.path + ".partial")
        var attempt = 0
        var fetched: Fetched
        while true {
            attempt += 1
            do throws(Failure) {
                fetched = try await fetchOnce(url, into: partialURL, attempt: attempt, displayPath: displayPath, progress: progress)
                break
            } catch {
                switch error {
                case .fatal(let failure):
                    throw failure
                case .retryable(let failure):
                    guard attempt < settings.maxAttempts else { throw failure }
                    progress(.retrying(path: displayPath, attempt: attempt + 1, reason: failure.message))
                    try? await Task.sleep(for: settings.retryDelay * attempt)
                }
            }
        }
        return try await finish(
            partialURL, destination: destination, url: url, displayPath: displayPath,
            expectedSHA256: pinnedSHA256?.lowercased() ?? fetched.publishedSHA256, expectedSize: fetched.expectedSize)
    }

    /// Checks size and hash of the complete `.partial` file and renames it into place, or deletes it.
    private func finish(
        _ partialURL: URL, destination: URL, url: URL, displayPath: String, expectedSHA256: String?, expectedSize: Int64?
    ) async throws(ViewfinderError) -> Result {
        let pool = threadPool
        let digest: FileDigest
        do {
            digest = try await pool.runIfActive { () throws(ViewfinderError) -> FileDigest in try FileDigest.of(partialURL) }
        } catch let error as ViewfinderError {
            throw error
        } catch {
            throw ViewfinderError(.internalFailure, "the download's worker threads are shut down", underlying: error)
        }
        let mismatch: String? =
            if let expectedSize, digest.size != expectedSize {
                "it has \(digest.size) bytes where the hub announced \(expectedSize)"
            } else if let expectedSHA256, digest.sha256 != expectedSHA256 {
                "its SHA-256 is \(digest.sha256) but the hub published \(expectedSHA256)"
            } else {
                nil
            }
        if let mismatch {
            try? FileManager.default.removeItem(at: partialURL)
            throw ViewfinderError(
                .integrityFailed,
                "\(displayPath) from \(url.absoluteString) is corrupt: \(mismatch). The file was discarded and the "
                    + "model was not installed; run the download again.")
        }
        do {
            if FileManager.default.fileExists(atPath: destination.path) {
                try FileManager.default.removeItem(at: destination)
            }
            try FileManager.default.moveItem(at: partialURL, to: destination)
        } catch {
            throw ViewfinderError(.storageFailed, "cannot move \(partialURL.path) into place", underlying: error)
        }
        return Result(digest: digest, verifiedWithHub: expectedSHA256 != nil)
    }

    /// One attempt: follows redirects, resumes from the partial file's length, streams the body to disk.
    private func fetchOnce(
        _ url: URL, into partialURL: URL, attempt: Int, displayPath: String,
        progress: @escaping @Sendable (DownloadEvent) -> Void
    ) async throws(Failure) -> Fetched {
        var offset = PartialFile.existingLength(of: partialURL)
        var current = url
        var publishedSHA256: String?
        var linkedSize: Int64?
        for hop in 0..<10 {
            let response: HTTPClientResponse
            do {
                response = try await client.execute(request(current, offset: offset), deadline: .distantFuture)
            } catch {
                let failure = HubErrors.unreachable(current, error)
                // An unreachable hub on the very first request means offline: say so at once instead of retrying.
                throw hop == 0 && attempt == 1 && offset == 0 ? .fatal(failure) : .retryable(failure)
            }
            let headers = HubResponseHeaders(response.headers.map { (name: $0.name, value: $0.value) })
            publishedSHA256 = publishedSHA256 ?? headers.publishedSHA256
            linkedSize = linkedSize ?? headers.linkedSize
            switch response.status.code {
            case 301, 302, 303, 307, 308:
                guard let location = headers.location, let next = URL(string: location, relativeTo: current)?.absoluteURL
                else {
                    throw .fatal(ViewfinderError(.networkFailed, "\(current.absoluteString) redirected without a Location"))
                }
                current = next
                continue
            case 200:
                // The server ignored the Range header (or there was nothing to resume): start from the beginning.
                offset = 0
            case 206:
                guard let range = headers.contentRange, range.start == offset else {
                    try? FileManager.default.removeItem(at: partialURL)
                    throw .retryable(ViewfinderError(.networkFailed, "\(current.absoluteString) resumed at the wrong offset"))
                }
            case 416:
                try? FileManager.default.removeItem(at: partialURL)
                throw .retryable(ViewfinderError(.networkFailed, "\(current.absoluteString) could not resume; starting over"))
            case 429, 500...599:
                throw .retryable(HubErrors.status(response.status, url: current, tokenGiven: settings.token != nil))
            default:
                throw .fatal(HubErrors.status(response.status, url: current, tokenGiven: settings.token != nil))
            }
            let expectedSize = headers.contentRange?.total ?? headers.contentLength.map { $0 + offset } ?? linkedSize
            if offset > 0 { progress(.resumed(path: displayPath, offset: offset)) }
            try await receive(
                response, into: partialURL, from: offset, expectedSize: expectedSize, url: current,
                displayPath: displayPath, progress: progress)
            return Fetched(publishedSHA256: publishedSHA256, expectedSize: expectedSize ?? linkedSize)
        }
        throw .fatal(ViewfinderError(.networkFailed, "\(url.absoluteString) redirected more than 10 times"))
    }

    /// Streams the body to the partial file; an interruption keeps what arrived for the next attempt.
    private func receive(
        _ response: HTTPClientResponse, into partialURL: URL, from offset: Int64, expectedSize: Int64?, url: URL,
        displayPath: String, progress: @escaping @Sendable (DownloadEvent) -> Void
    ) async throws(Failure) {
        let file: PartialFile
        do {
            file = try await PartialFile.open(partialURL, at: offset, threadPool: threadPool)
        } catch {
            throw .fatal(error)
        }
        var interruption: (any Error)?
        do {
            var reported = offset
            for try await buffer in response.body {
                try await file.append(buffer)
                if file.length - reported >= 1 << 20 {
                    reported = file.length
                    progress(.received(path: displayPath, bytes: reported, total: expectedSize))
                }
            }
        } catch {
            interruption = error
        }
        do {
            try await file.close()
        } catch {
            throw .fatal(error)
        }
        progress(.received(path: displayPath, bytes: file.length, total: expectedSize))
        if let interruption {
            if let error = interruption as? ViewfinderError, error.code == .storageFailed { throw .fatal(error) }
            throw .retryable(HubErrors.interrupted(url, received: file.length, expected: expectedSize, interruption))
        }
        if let expectedSize, file.length < expectedSize {
            throw .retryable(HubErrors.interrupted(url, received: file.length, expected: expectedSize, nil))
        }
    }

    /// A GET for `url`, resuming at `offset`; the token goes only to the hub's own origin.
    private func request(_ url: URL, offset: Int64) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: "viewfinder/0.1")
        request.headers.add(name: "Accept-Encoding", value: "identity")
        if offset > 0 { request.headers.add(name: "Range", value: "bytes=\(offset)-") }
        // Redirect targets (the hub's CDN) get no token: they are other hosts and use signed URLs.
        if let token = settings.token, settings.isHubOrigin(url) {
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
        }
        return request
    }
}
