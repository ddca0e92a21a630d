import HTTPTypes
import Foundation
import Hummingbird
import ViewfinderCore

extension ViewfinderAPI {
    /// `/albums`: list, create, rename, delete, add and remove photos.
    func addAlbumRoutes(to group: RouterGroup<ViewfinderRequestContext>) {
        group.get("albums") { _, _ -> Response in
            try JSONBody.response(try await catalog.albums().map(AlbumJSON.init))
        }
        group.post("albums") { request, _ -> Response in
            let body = try await JSONBody.decode(AlbumRequest.self, from: request, limit: limits.maxJSONBytes)
            try Self.checkTitle(body.title)
            let album = try await catalog.createAlbum(title: body.title, description: body.description)
            return try JSONBody.response(AlbumJSON(album), status: .created)
        }
        group.get("albums/:uid") { _, context -> Response in
            try JSONBody.response(AlbumJSON(try await findAlbum(context)))
        }
        group.put("albums/:uid") { request, context -> Response in
            let album = try await findAlbum(context)
            let body = try await JSONBody.decode(AlbumRequest.self, from: request, limit: limits.maxJSONBytes)
            try Self.checkTitle(body.title)
            try await catalog.renameAlbum(id: album.id, title: body.title)
            return try JSONBody.response(AlbumJSON(try await findAlbum(uid: album.uid)))
        }
        group.delete("albums/:uid") { _, context -> Response in
            let album = try await findAlbum(context)
            try await catalog.deleteAlbum(id: album.id)
            return Response(status: .noContent)
        }
        group.post("albums/:uid/photos") { request, context -> Response in
            try await changeMembers(request, context) { .addToAlbum(albumID: $0, photoID: $1) }
        }
        group.delete("albums/:uid/photos") { request, context -> Response in
            try await changeMembers(request, context) { .removeFromAlbum(albumID: $0, photoID: $1) }
        }
    }

    private static func checkTitle(_ title: String) throws {
        guard !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw APIError(.badRequest, "an album needs a title")
        }
        guard title.utf8.count <= 500 else { throw APIError(.badRequest, "an album title must be at most 500 bytes") }
    }

    private func findAlbum(_ context: some RequestContext) async throws -> Album {
        try await findAlbum(uid: try Identifiers.albumUID(try context.parameters.require("uid")))
    }

    private func findAlbum(uid: String) async throws -> Album {
        guard let album = try await catalog.albums().first(where: { $0.uid == uid }) else {
            throw APIError(.notFound, "there is no album with that uid")
        }
        return album
    }

    /// Adds or removes the photos named in the body, all or none.
    private func changeMembers(
        _ request: Request, _ context: some RequestContext, _ change: (Int64, Int64) -> CatalogChange
    ) async throws -> Response {
        let album = try await findAlbum(context)
        let body = try await JSONBody.decode(AlbumPhotosRequest.self, from: request, limit: limits.maxJSONBytes)
        guard !body.photos.isEmpty, body.photos.count <= limits.maxCount else {
            throw APIError(.badRequest, "photos must list 1 to \(limits.maxCount) photo uids")
        }
        var changes: [CatalogChange] = []
        for uid in body.photos {
            guard PhotoUID.isValid(uid), let photo = try await catalog.photo(uid: uid) else {
                throw APIError(.badRequest, "there is no photo with uid '\(uid.prefix(40))'")
            }
            changes.append(change(album.id, photo.id))
        }
        try await catalog.apply(changes)
        return try JSONBody.response(AlbumJSON(try await findAlbum(uid: album.uid)))
    }
}
