import HTTPTypes
import Hummingbird
import NIOCore
import ViewfinderCore
import ViewfinderServices

extension ViewfinderAPI {
    /// `/health`, `/status`, `/models`, `/duplicates` and `/openapi.json`.
    func addSystemRoutes(to group: RouterGroup<ViewfinderRequestContext>) {
        group.get("health") { _, _ -> Response in
            try JSONBody.response(HealthJSON(status: "ok"))
        }
        group.get("openapi.json") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: resources.openAPI)))
        }
        group.get("status") { _, _ -> Response in
            let models = await dependencies.models.models()
            let capabilities = try await dependencies.catalog.capabilities()
            return try JSONBody.response(
                StatusJSON(
                    version: dependencies.version, backend: capabilities.backend,
                    capabilities: capabilities, counts: try await catalog.counts(),
                    model: models.active, semanticSearch: models.semanticSearch,
                    indexing: await dependencies.indexing.status(), authRequired: settings.auth.enabled))
        }
        group.get("models") { _, _ -> Response in
            let models = await dependencies.models.models()
            let counts = try await catalog.counts()
            let key = models.activeDims.map { "\(models.active)/\($0)" }
            let embedded = key.flatMap { counts.embedded[$0] } ?? 0
            let indexable = max(counts.photos - counts.failed, 0)
            return try JSONBody.response(
                ModelsJSON(
                    active: models.active, activeDims: models.activeDims, semanticSearch: models.semanticSearch,
                    installed: models.installed, embedded: counts.embedded,
                    coverage: indexable == 0 ? 0 : Double(embedded) / Double(indexable), photos: counts.photos))
        }
        group.get("duplicates") { request, _ -> Response in
            let items = try QueryItems.parse(request.uri.query, maxLength: limits.maxQueryLength)
            var count = 100
            for item in items {
                guard item.name == "count" else { throw APIError(.badRequest, "unknown parameter '\(item.name.prefix(40))'") }
                guard let number = Int(item.value), (1...limits.maxCount).contains(number) else {
                    throw APIError(.badRequest, "count must be a whole number from 1 to \(limits.maxCount)")
                }
                count = number
            }
            var groups: [[PhotoJSON]] = []
            for group in try await dependencies.duplicates.duplicateGroups(limit: count) {
                var photos: [PhotoJSON] = []
                for photo in group { photos.append(await json(photo)) }
                groups.append(photos)
            }
            return try JSONBody.response(DuplicatesJSON(groups: groups))
        }
    }

    /// `/index`: start, watch and cancel the indexing worker.
    func addIndexRoutes(to group: RouterGroup<ViewfinderRequestContext>) {
        group.get("index") { _, _ -> Response in
            try JSONBody.response(await dependencies.indexing.status())
        }
        group.post("index") { request, _ -> Response in
            let hasBody = (request.headers[.contentLength].flatMap { Int($0) } ?? 0) > 0
            let body = hasBody
                ? try await JSONBody.decode(IndexRequest.self, from: request, limit: limits.maxJSONBytes)
                : IndexRequest(rescan: nil, retryFailed: nil)
            let started = await dependencies.indexing.start(
                rescan: body.rescan ?? false, retryFailed: body.retryFailed ?? false)
            let status = await dependencies.indexing.status()
            return try JSONBody.response(status, status: started ? .accepted : .conflict)
        }
        group.delete("index") { _, _ -> Response in
            await dependencies.indexing.cancel()
            return try JSONBody.response(await dependencies.indexing.status())
        }
    }
}
