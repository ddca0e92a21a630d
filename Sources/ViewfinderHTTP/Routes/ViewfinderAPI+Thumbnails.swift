import HTTPTypes
import Foundation
import Hummingbird
import ViewfinderCore

extension ViewfinderAPI {
    /// `/t/{hash}/{size}`: cached thumbnails, made on first request from the photo's file.
    func addThumbnailRoutes(to group: RouterGroup<ViewfinderRequestContext>) {
        group.get("t/:hash/:size") { request, context -> Response in
            let hash = try Identifiers.contentHash(try context.parameters.require("hash"))
            let size = try Identifiers.thumbnailSize(try context.parameters.require("size"))
            let etag = "\"\(hash)-\(size.rawValue)-\(dependencies.thumbnails.format.fileExtension)\""
            var headers: HTTPFields = [
                .eTag: etag, .cacheControl: "private, max-age=31536000, immutable",
                .contentType: dependencies.thumbnails.format.mimeType,
            ]
            if let match = request.headers[.ifNoneMatch], match.split(separator: ",").contains(where: {
                $0.trimmingCharacters(in: .whitespaces) == etag
            }) {
                headers[.contentType] = nil
                return Response(status: .notModified, headers: headers)
            }
            let file: URL
            if let cached = try await dependencies.thumbnails.cachedThumbnail(for: hash, size: size) {
                file = cached
            } else if let source = await sources.path(for: hash) {
                file = try await dependencies.thumbnails.thumbnail(
                    for: hash, size: size, source: URL(fileURLWithPath: source))
            } else if let photo = try await catalog.photo(contentHash: hash) {
                // Not returned since start-up (e.g. a bookmarked URL after a restart): the catalog knows the file.
                file = try await dependencies.thumbnails.thumbnail(
                    for: hash, size: size, source: URL(fileURLWithPath: photo.absolutePath))
            } else {
                throw APIError(.notFound, "there is no thumbnail for that hash")
            }
            let body = try await fileIO.loadFile(path: file.path, context: context)
            return Response(status: .ok, headers: headers, body: body)
        }
    }
}
