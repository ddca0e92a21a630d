import HTTPTypes
import Foundation
import Hummingbird
import NIOCore
import ViewfinderCore
import ViewfinderServices

extension ViewfinderAPI {
    /// `/photos`, `/photos/{uid}`, `/photos/{uid}/similar`, `/photos/{uid}/dl` and `/search/image`.
    func addPhotoRoutes(to group: RouterGroup<ViewfinderRequestContext>) {
        group.get("photos") { request, _ -> Response in
            let query = try searchQuery(request)
            return try await page(try await dependencies.search.search(query))
        }
        group.get("photos/:uid") { _, context -> Response in
            try JSONBody.response(await json(try await findPhoto(context)))
        }
        group.get("photos/:uid/similar") { request, context -> Response in
            let photo = try await findPhoto(context)
            let query = try searchQuery(request, extra: [(name: "similar", value: photo.uid)])
            return try await page(try await dependencies.search.search(query))
        }
        group.put("photos/:uid") { request, context -> Response in
            let photo = try await findPhoto(context)
            let update = try await JSONBody.decode(PhotoUpdate.self, from: request, limit: limits.maxJSONBytes)
            try await apply(update, to: photo)
            guard let updated = try await catalog.photo(uid: photo.uid) else {
                throw APIError(.notFound, "there is no photo with that uid")
            }
            return try JSONBody.response(await json(updated))
        }
        group.get("photos/:uid/dl") { _, context -> Response in
            // Only the catalog's own record names the file: nothing from the request becomes a path.
            let photo = try await findPhoto(context)
            let body = try await fileIO.loadFile(path: photo.absolutePath, context: context)
            let name = String(photo.relativePath.split(separator: "/").last ?? "photo")
                .filter { $0.isASCII && $0 != "\"" && $0 != "\\" && !$0.isNewline }
            return Response(
                status: .ok,
                headers: [
                    .contentType: photo.mimeType ?? "application/octet-stream",
                    .contentDisposition: "attachment; filename=\"\(name.isEmpty ? "photo" : name)\"",
                ],
                body: body)
        }
        group.post("search/image") { request, _ -> Response in
            let query = try searchQuery(request)
            let image = try await uploadedImage(request)
            guard await uploads.enter() else {
                throw APIError(.serviceUnavailable, "too many image searches are running; try again shortly")
            }
            do {
                let result = try await dependencies.search.search(query, imageData: image)
                await uploads.leave()
                return try await page(result)
            } catch {
                await uploads.leave()
                throw error
            }
        }
    }

    /// The search query carried by the request's query string, checked against the limits.
    func searchQuery(_ request: Request, extra: [(name: String, value: String)] = []) throws -> SearchQuery {
        let items = try QueryItems.parse(request.uri.query, maxLength: limits.maxQueryLength) + extra
        if let count = items.last(where: { $0.name == "count" }), let number = Int(count.value), number > limits.maxCount {
            throw APIError(.badRequest, "count must be at most \(limits.maxCount)")
        }
        return try dependencies.parseQuery(items)
    }

    /// A page of results as a JSON list with `X-Count`, `X-Limit` and `X-Offset` headers.
    func page(_ page: SearchPage) async throws -> Response {
        var items: [PhotoJSON] = []
        for result in page.results {
            items.append(await json(result.photo, score: page.semantic ? result.score : nil))
        }
        var headers: HTTPFields = [:]
        headers[.xCount] = String(items.count)
        headers[.xLimit] = String(page.count)
        headers[.xOffset] = String(page.offset)
        if !page.notices.isEmpty {
            headers[.xNotices] = page.notices.joined(separator: " | ").filter { $0.isASCII && !$0.isNewline }
        }
        return try JSONBody.response(items, headers: headers)
    }

    /// The picture in an upload: a `multipart/form-data` file part, or a raw `image/*` body.
    private func uploadedImage(_ request: Request) async throws -> [UInt8] {
        let limit = limits.maxUploadBytes
        if let length = request.headers[.contentLength].flatMap { Int($0) }, length > limit + 64 * 1024 {
            throw APIError(.contentTooLarge, "the upload is larger than \(limit) bytes")
        }
        let contentType = request.headers[.contentType] ?? ""
        var body: ByteBuffer
        do {
            // Multipart framing adds a few hundred bytes around the picture.
            body = try await request.body.collect(upTo: limit + 64 * 1024)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "the upload is larger than \(limit) bytes")
        }
        let bytes = body.readBytes(length: body.readableBytes) ?? []
        let image: [UInt8]
        if let boundary = MultipartForm.boundary(fromContentType: contentType) {
            guard let form = MultipartForm(body: bytes, boundary: boundary),
                let part = form.parts.first(where: { $0.filename != nil || $0.name == "file" || $0.name == "image" })
            else { throw APIError(.badRequest, "the multipart body has no file part (use the field name 'file')") }
            image = Array(part.data)
        } else if contentType.lowercased().hasPrefix("image/") {
            image = bytes
        } else {
            throw APIError(.badRequest, "upload the picture as multipart/form-data (field 'file') or as an image/* body")
        }
        guard !image.isEmpty else { throw APIError(.badRequest, "the uploaded file is empty") }
        guard image.count <= limit else { throw APIError(.contentTooLarge, "the upload is larger than \(limit) bytes") }
        return image
    }

    /// Writes the changed fields of `update` in one transaction.
    private func apply(_ update: PhotoUpdate, to photo: Photo) async throws {
        var changes: [CatalogChange] = []
        if update.favorite != nil || update.archived != nil {
            changes.append(
                .setFlags(
                    photoID: photo.id, favorite: update.favorite ?? photo.favorite,
                    archived: update.archived ?? photo.archived))
        }
        if update.title != nil || update.keywords != nil {
            var metadata = photo.metadata
            if let title = update.title {
                guard title.utf8.count <= 500 else { throw APIError(.badRequest, "title must be at most 500 bytes") }
                let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
                metadata.title = trimmed.isEmpty ? nil : trimmed
            }
            if let keywords = update.keywords {
                guard keywords.count <= 200, keywords.allSatisfy({ $0.utf8.count <= 100 }) else {
                    throw APIError(.badRequest, "keywords: at most 200, each at most 100 bytes")
                }
                metadata.keywords = keywords.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            changes.append(.setMetadata(photoID: photo.id, metadata))
        }
        guard !changes.isEmpty else {
            throw APIError(.badRequest, "nothing to change: send favorite, archived, title or keywords")
        }
        try await catalog.apply(changes)
    }
}
