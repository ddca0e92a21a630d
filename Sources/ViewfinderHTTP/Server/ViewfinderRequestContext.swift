public import Hummingbird
public import NIOCore

/// The request context of every route: Hummingbird's core storage plus the client's address.
public struct ViewfinderRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The peer's socket address, if the channel has one (tests without a socket have none).
    public let remoteAddress: SocketAddress?

    /// Creates the context for a request arriving on `source`'s channel.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// A key naming the client for rate limits: its IP address, or "unknown".
    var clientKey: String { remoteAddress?.ipAddress ?? "unknown" }
}
