import Foundation
public import Hummingbird
import Logging
public import ServiceLifecycle
import UnixSignals
public import ViewfinderCore
public import ViewfinderHTTP
import ViewfinderServices
import ViewfinderVision

extension ViewfinderApplication {
    /// Runs the HTTP server and the indexing worker in one service group until SIGTERM or SIGINT.
    ///
    /// On a signal the server stops accepting requests, the worker finishes its current run, and the
    /// catalog is closed after both have stopped.
    public func serve(_ settings: ServerSettings, version: String) async throws {
        try await withCatalog { catalog in
            let parts = try self.httpServer(settings, catalog: catalog, version: version)
            let application = ViewfinderHTTPServer.application(router: parts.router, settings: settings.http, logger: logger)
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(
                    services: [application, parts.worker], gracefulShutdownSignals: [.sigterm, .sigint],
                    logger: logger))
            logger.notice(
                "serving", metadata: ["address": "http://\(settings.http.host):\(settings.http.port)", "auth": "\(settings.http.auth.enabled)"])
            try await group.run()
        }
    }

    /// The API router over `catalog` and the indexing worker service that must run next to it.
    public func httpServer(_ settings: ServerSettings, catalog: Catalog, version: String) throws
        -> (router: Router<ViewfinderRequestContext>, worker: any Service)
    {
        var descriptor: ClipModelDescriptor?
        if configuration.indexing.clipEnabled {
            do {
                descriptor = try modelDescriptor()
            } catch {
                logger.warning("semantic search is disabled", metadata: ["reason": "\(error.message)"])
            }
        }
        // The worker's commits refresh the coverage notice of searches.
        let coverage = CoverageTracker(statistics: catalog.store)
        let search: SearchService
        if let descriptor {
            search = try self.search(descriptor, catalog: catalog, images: true, coverage: coverage)
        } else {
            search = SearchService(
                store: catalog.store, vectors: catalog.vectors, coverage: coverage, textEmbedder: nil,
                settings: SearchSettings(semanticSearchEnabled: false))
        }
        // Without a usable model the worker still follows the library and reads metadata.
        let indexer = try configuration.indexing.embeds
            ? descriptor.map { d throws(ViewfinderError) in try self.indexer(d, catalog: catalog, observer: coverage) } : nil
        let worker = indexingWorker(try indexer ?? metadataIndexer(catalog: catalog, observer: coverage))
        let dependencies = APIDependencies(
            catalog: catalog, search: search, thumbnails: try thumbnailStore(), indexing: worker,
            models: ModelInventoryReporter(store: modelStore, active: configuration.model, descriptor: descriptor),
            duplicates: ActiveModelDuplicateFinder(
                service: DuplicateService(catalog: catalog.store, vectors: catalog.vectors), space: descriptor.map { ($0.id, $0.dims) }),
            parseQuery: { (items) throws(ViewfinderError) in try SearchQuery.parse(items) },
            version: version)
        do {
            return (try ViewfinderHTTPServer.router(dependencies: dependencies, settings: settings.http), worker)
        } catch {
            throw ViewfinderError(.configurationInvalid, error.message)
        }
    }
}
