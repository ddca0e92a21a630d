import HTTPTypes
import Hummingbird
import ViewfinderCore

/// The API's handlers and the state they share (sessions, upload slots, thumbnail sources).
struct ViewfinderAPI: Sendable {
    let dependencies: APIDependencies
    let settings: HTTPServerSettings
    let authenticator: Authenticator
    let uploads: UploadGate
    let sources = ThumbnailSources()
    let resources: WebResources
    let fileIO = FileIO()

    init(dependencies: APIDependencies, settings: HTTPServerSettings, resources: WebResources) {
        self.dependencies = dependencies
        self.settings = settings
        self.resources = resources
        authenticator = Authenticator(settings: settings.auth)
        uploads = UploadGate(limit: settings.limits.maxConcurrentUploads)
    }

    /// The catalog's store (reads, writes, albums, statistics); vector searches go through the search service.
    var catalog: any PhotoCatalog { dependencies.catalog.store }
    var limits: APILimits { settings.limits }

    /// The photo with the uid in the path, or a 404.
    func findPhoto(_ context: some RequestContext) async throws -> Photo {
        let uid = try Identifiers.photoUID(try context.parameters.require("uid"))
        guard let photo = try await catalog.photo(uid: uid) else {
            throw APIError(.notFound, "there is no photo with that uid")
        }
        return photo
    }

    /// The API form of `photo`, remembering its file as the thumbnails' source.
    func json(_ photo: Photo, score: Float? = nil) async -> PhotoJSON {
        await sources.remember(hash: photo.contentHash, path: photo.absolutePath)
        return PhotoJSON(photo, score: score)
    }
}
