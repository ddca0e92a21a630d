import Crypto
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOConcurrencyHelpers

/// A miniature Hugging Face hub on 127.0.0.1 for download tests.
///
/// The hub server answers `/<owner>/<repo>/resolve/<revision>/<path>`: small files directly (with a
/// git-style 40-hex ETag), LFS files with a 302 to a second "CDN" server on another port, carrying the
/// SHA-256 in `X-Linked-Etag` as the real hub does. Both honour `Range: bytes=N-` with 206, can break a
/// connection mid-file, and log every request.
final class LoopbackHub: Sendable {
    /// Which of the two servers answered.
    enum Role: String, Sendable { case hub, cdn }

    /// One request as the server saw it.
    struct Request: Sendable {
        let role: Role
        let path: String
        let range: String?
        let authorization: String?
        /// Body bytes actually written in answer.
        let bytesSent: Int
    }

    private struct Hosted {
        var bytes: [UInt8]
        var lfs: Bool
        /// What the CDN serves instead of `bytes` (a corrupted copy), if set.
        var served: [UInt8]?
        /// Connections to break: each entry cuts one response after that many body bytes.
        var breaks: [Int] = []
        var sha256: String { LoopbackHub.sha256(bytes) }
    }

    private struct State {
        var files: [String: Hosted] = [:]
        var requests: [Request] = []
        var requiredToken: String?
        var cdnPort = 0
    }

    private let state = NIOLockedValueBox(State())
    private let group: MultiThreadedEventLoopGroup
    private let channels: [any Channel]
    /// The hub's base URL, e.g. `http://127.0.0.1:41234`.
    let baseURL: URL

    private init(group: MultiThreadedEventLoopGroup, channels: [any Channel], baseURL: URL) {
        self.group = group
        self.channels = channels
        self.baseURL = baseURL
    }

    /// Starts the hub and its CDN on ephemeral loopback ports.
    static func start() async throws -> LoopbackHub {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let box = HubBox()
        let hubChannel = try await bind(group: group, role: .hub, box: box)
        let cdnChannel = try await bind(group: group, role: .cdn, box: box)
        let hubPort = hubChannel.localAddress?.port ?? 0
        let hub = LoopbackHub(
            group: group, channels: [hubChannel, cdnChannel],
            baseURL: URL(string: "http://127.0.0.1:\(hubPort)")!)
        hub.state.withLockedValue { $0.cdnPort = cdnChannel.localAddress?.port ?? 0 }
        box.hub.withLockedValue { $0 = hub }
        return hub
    }

    /// Stops both servers.
    func stop() async throws {
        for channel in channels { try? await channel.close() }
        try await group.shutdownGracefully()
    }

    /// Publishes `bytes` as `path` of `repository` at `revision`; LFS files go through the CDN.
    func host(_ bytes: [UInt8], repository: String, revision: String = "main", path: String, lfs: Bool) {
        state.withLockedValue { $0.files[Self.key(repository, revision, path)] = Hosted(bytes: bytes, lfs: lfs) }
    }

    /// Makes the next responses for this file stop after `afterBytes` body bytes (one entry per response).
    func breakConnections(repository: String, revision: String = "main", path: String, afterBytes: [Int]) {
        state.withLockedValue { $0.files[Self.key(repository, revision, path)]?.breaks = afterBytes }
    }

    /// Makes the CDN serve a corrupted copy while the hub keeps advertising the original SHA-256.
    func corrupt(repository: String, revision: String = "main", path: String) {
        state.withLockedValue { state in
            let key = Self.key(repository, revision, path)
            guard var file = state.files[key] else { return }
            var served = file.bytes
            served[served.count / 2] ^= 0xFF
            file.served = served
            state.files[key] = file
        }
    }

    /// Makes the hub answer 401 unless `Authorization: Bearer <token>` is sent.
    func requireToken(_ token: String) {
        state.withLockedValue { $0.requiredToken = token }
    }

    /// Every request so far, in order.
    var requests: [Request] {
        state.withLockedValue { $0.requests }
    }

    /// The SHA-256 of `bytes` in lower-case hex.
    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    // MARK: - Routing

    /// What to send for one request.
    struct Response {
        var status: HTTPResponseStatus
        var headers: [(String, String)] = []
        var body: [UInt8] = []
        var cutAfter: Int?
    }

    func respond(role: Role, head: HTTPRequestHead) -> Response {
        state.withLockedValue { state in
            let range = head.headers.first(name: "Range")
            let authorization = head.headers.first(name: "Authorization")
            var response = route(&state, role: role, uri: head.uri, range: range, authorization: authorization)
            if let cut = response.cutAfter { response.cutAfter = min(cut, response.body.count) }
            state.requests.append(Request(
                role: role, path: head.uri, range: range, authorization: authorization,
                bytesSent: response.cutAfter ?? response.body.count))
            return response
        }
    }

    private func route(
        _ state: inout State, role: Role, uri: String, range: String?, authorization: String?
    ) -> Response {
        switch role {
        case .hub:
            if let token = state.requiredToken, authorization != "Bearer \(token)" {
                return Response(status: .unauthorized)
            }
            guard let key = Self.resolveKey(uri), let file = state.files[key] else { return Response(status: .notFound) }
            if file.lfs {
                let sha = file.sha256
                return Response(status: .found, headers: [
                    ("Location", "http://127.0.0.1:\(state.cdnPort)/blobs/\(sha)"),
                    ("X-Linked-Etag", "\"\(sha)\""), ("X-Linked-Size", String(file.bytes.count)),
                    ("ETag", "\"\(Self.gitLikeETag(file.bytes))\""),
                ])
            }
            return serve(&state, key: key, bytes: file.bytes, range: range, etag: Self.gitLikeETag(file.bytes))
        case .cdn:
            let sha = uri.split(separator: "/").last.map { String($0.split(separator: "?")[0]) } ?? ""
            guard let (key, file) = state.files.first(where: { $0.value.lfs && $0.value.sha256 == sha }) else {
                return Response(status: .notFound)
            }
            // A CDN's own ETag is not a SHA-256 (S3 uses MD5-like tags); the client must not rely on it.
            return serve(&state, key: key, bytes: file.served ?? file.bytes, range: range, etag: "cdn-\(sha.prefix(8))")
        }
    }

    private func serve(_ state: inout State, key: String, bytes: [UInt8], range: String?, etag: String) -> Response {
        var start = 0
        var status = HTTPResponseStatus.ok
        if let range, range.hasPrefix("bytes="), let offset = Int(range.dropFirst(6).split(separator: "-").first ?? "") {
            guard offset < bytes.count else {
                return Response(status: .rangeNotSatisfiable, headers: [("Content-Range", "bytes */\(bytes.count)")])
            }
            start = offset
            status = .partialContent
        }
        var headers = [("ETag", "\"\(etag)\""), ("Content-Length", String(bytes.count - start)), ("Accept-Ranges", "bytes")]
        if status == .partialContent {
            headers.append(("Content-Range", "bytes \(start)-\(bytes.count - 1)/\(bytes.count)"))
        }
        var cut: Int?
        if !(state.files[key]?.breaks.isEmpty ?? true) { cut = state.files[key]?.breaks.removeFirst() }
        return Response(status: status, headers: headers, body: Array(bytes[start...]), cutAfter: cut)
    }

    private static func key(_ repository: String, _ revision: String, _ path: String) -> String {
        "\(repository)@\(revision):\(path)"
    }

    /// `/<owner>/<repo>/resolve/<revision>/<path>` → key.
    private static func resolveKey(_ uri: String) -> String? {
        let parts = uri.split(separator: "?")[0].split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        guard parts.count >= 5, parts[2] == "resolve" else { return nil }
        return key("\(parts[0])/\(parts[1])", parts[3], parts[4...].joined(separator: "/"))
    }

    private static func gitLikeETag(_ bytes: [UInt8]) -> String {
        Insecure.SHA1.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    private static func bind(group: MultiThreadedEventLoopGroup, role: Role, box: HubBox) async throws -> any Channel {
        try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(HubHandler(role: role, box: box))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
    }
}

/// Lets handlers created before the hub object exists reach it.
final class HubBox: Sendable {
    let hub = NIOLockedValueBox<LoopbackHub?>(nil)
}

/// Answers one request per connection (`Connection: close`), optionally cutting the body short.
private final class HubHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let role: LoopbackHub.Role
    private let box: HubBox
    private var head: HTTPRequestHead?

    init(role: LoopbackHub.Role, box: HubBox) {
        self.role = role
        self.box = box
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): self.head = head
        case .body: break
        case .end:
            guard let head, let hub = box.hub.withLockedValue({ $0 }) else { return }
            respond(context: context, response: hub.respond(role: role, head: head))
        }
    }

    private func respond(context: ChannelHandlerContext, response: LoopbackHub.Response) {
        var headers = HTTPHeaders(response.headers)
        headers.add(name: "Connection", value: "close")
        if !headers.contains(name: "Content-Length") { headers.add(name: "Content-Length", value: String(response.body.count)) }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: response.status, headers: headers))), promise: nil)
        let sent = response.cutAfter.map { Array(response.body.prefix($0)) } ?? response.body
        if !sent.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: sent)))), promise: nil)
        }
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        if response.cutAfter != nil {
            // Break the connection mid-file: flush what was promised so far, then hang up.
            context.flush()
            context.eventLoop.scheduleTask(in: .milliseconds(20)) { bound.value.close(promise: nil) }
        } else {
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in bound.value.close(promise: nil) }
        }
    }
}
