import Foundation
public import Logging
import NIOPosix
import OnnxRuntime
public import ViewfinderCore
import ViewfinderFileSystem
import ViewfinderImaging
public import ViewfinderServices
import ViewfinderSQLite
public import ViewfinderVision

/// The one place that knows every adapter: builds services from a configuration.
public final class ViewfinderApplication: Sendable {
    /// The resolved configuration.
    public let configuration: ViewfinderConfiguration
    /// The application's logger.
    public let logger: Logger
    /// Blocking decode work (libvips, file hashing) runs here.
    let decodePool: NIOThreadPool
    /// Blocking inference calls run here; ONNX Runtime parallelises inside each call.
    let inferencePool: NIOThreadPool
    /// In-process vector scans run here, apart from decoding so that searches never queue behind an indexing run.
    let searchPool: NIOThreadPool
    private let runtimeCache = LoadOnce<OnnxRuntime>()
    /// The libvips runtime, created once on first use (see `vipsRuntime()`).
    let vipsRuntimeCache = LoadOnce<VipsRuntime>()

    private init(configuration: ViewfinderConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        decodePool = NIOThreadPool(numberOfThreads: configuration.threads)
        inferencePool = NIOThreadPool(numberOfThreads: 1)
        searchPool = NIOThreadPool(numberOfThreads: configuration.threads)
        decodePool.start()
        inferencePool.start()
        searchPool.start()
    }

    /// Builds the application, runs `body` with it, and shuts its thread pools down afterwards.
    public static func with<T: Sendable>(
        configuration: ViewfinderConfiguration, logger: Logger,
        _ body: (ViewfinderApplication) async throws -> T
    ) async throws -> T {
        let app = ViewfinderApplication(configuration: configuration, logger: logger)
        do {
            let result = try await body(app)
            await app.shutdown()
            return result
        } catch {
            await app.shutdown()
            throw error
        }
    }

    private func shutdown() async {
        try? await decodePool.shutdownGracefully()
        try? await inferencePool.shutdownGracefully()
        try? await searchPool.shutdownGracefully()
    }

    /// The installed-model store.
    public var modelStore: ModelStore { ModelStore(modelsPath: configuration.modelsPath, threadPool: decodePool) }

    /// Downloads catalogue models from the configured hub into the store.
    public func modelDownloader() -> HubDownloader {
        HubDownloader(
            settings: HubSettings(baseURL: configuration.hubURL, token: configuration.hubToken), store: modelStore,
            threadPool: decodePool)
    }

    /// The descriptor of `model` (default: the configured model), or an error explaining how to install it.
    ///
    /// With `dims` configured, embeddings are truncated to that many components (matryoshka); the
    /// catalog keys vectors by model and dims, so truncated and full vectors never meet.
    public func modelDescriptor(_ model: ModelID? = nil) throws(ViewfinderError) -> ClipModelDescriptor {
        let descriptor = try modelStore.descriptor(for: model ?? configuration.model)
        guard let dims = configuration.dims else { return descriptor }
        return try descriptor.truncated(to: dims)
    }

    /// An image embedder for `descriptor`.
    public func imageEmbedder(_ descriptor: ClipModelDescriptor) throws(ViewfinderError) -> any ImageEmbedding {
        // ONNX Runtime's spinning worker threads stay on: turning them off (`SessionOptions.allowSpinning`) to
        // leave the cores to the decoder measured no gain end to end (docs/indexing.md, "Defaults").
        try OnnxImageEmbedder(
            descriptor: descriptor, runtime: try runtime(), options: sessionOptions, threadPool: inferencePool)
    }

    /// A text embedder for `descriptor`.
    public func textEmbedder(_ descriptor: ClipModelDescriptor) throws(ViewfinderError) -> any TextEmbedding {
        try OnnxTextEmbedder(
            descriptor: descriptor, runtime: try runtime(), options: sessionOptions, threadPool: inferencePool)
    }

    /// The libvips decoder.
    public func imageDecoder() throws(ViewfinderError) -> any ImageDecoding {
        VipsImageDecoder(runtime: try vipsRuntime(), threadPool: decodePool, configuration: configuration.imaging.decoding)
    }

    /// An indexer that embeds with `descriptor`'s model.
    ///
    /// `observer` (e.g. the search service's coverage tracker) hears of every committed batch.
    public func indexer(
        _ descriptor: ClipModelDescriptor, catalog: Catalog, observer: (any CatalogWriteObserving)? = nil
    ) throws(ViewfinderError) -> IndexingService {
        try indexer(embedder: try imageEmbedder(descriptor), catalog: catalog, observer: observer)
    }

    /// An indexer for runs without embeddings (CLIP off or `never`): it needs no installed model.
    public func metadataIndexer(
        catalog: Catalog, observer: (any CatalogWriteObserving)? = nil
    ) throws(ViewfinderError) -> IndexingService {
        try indexer(
            embedder: DisabledImageEmbedder(model: configuration.model, dims: configuration.dims ?? 0), catalog: catalog,
            observer: observer)
    }

    private func indexer(
        embedder: any ImageEmbedding, catalog: Catalog, observer: (any CatalogWriteObserving)?
    ) throws(ViewfinderError) -> IndexingService {
        IndexingService(
            fileSystem: LocalLibraryFileSystem(threadPool: decodePool, rules: scanRules),
            decoder: try imageDecoder(),
            embedder: embedder, catalog: catalog.store, metadataReader: try metadataReader(),
            thumbnails: configuration.imaging.thumbnails == .index ? try thumbnailStore() : nil,
            options: IndexingOptions(
                batchSize: configuration.batchSize, decodeConcurrency: configuration.threads * 2,
                storageOutageTolerance: configuration.indexing.storageOutageTolerance),
            observer: observer, logger: logger)
    }

    /// The options of an indexing run from the configuration (`embed` is off when CLIP is disabled or `never`).
    ///
    /// With `sharedWith` (the catalog, when it can keep claims), the run shares its work with other workers.
    public func indexingRun(
        rescan: Bool = false, retryFailed: Bool = false, stop: IndexingStopSignal = IndexingStopSignal(),
        sharedWith claims: (any WorkClaiming)? = nil
    ) -> IndexingRun {
        let worker = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"
        return IndexingRun(
            rescan: rescan, retryFailed: retryFailed, embed: configuration.indexing.embeds,
            missingGracePeriod: configuration.indexing.missingGracePeriod, stop: stop,
            sharing: claims.map { SharedIndexing(claims: $0, worker: worker, lease: configuration.indexing.workerLease) })
    }

    /// The background worker `serve` runs over the configured roots, scheduled as `clip-run` says, and
    /// following changes with inotify when `watch` is on.
    ///
    /// Watching is an explicit opt-in, so it starts runs in every `clip-run` mode (`manual` included, like
    /// PhotoPrism's auto-import); with `never` or CLIP off those runs follow files and read metadata only.
    public func indexingWorker(_ indexer: IndexingService) -> IndexingWorker {
        let settings = configuration.indexing
        let watching = settings.watch
            ? IndexingWatch(
                watcher: InotifyLibraryWatcher(rules: scanRules), debounce: settings.watchDebounce,
                fallbackInterval: settings.interval)
            : nil
        return IndexingWorker(
            indexer: indexer, roots: settings.libraryRoots, run: indexingRun(),
            interval: settings.clipRun == .onSchedule && settings.clipEnabled ? settings.interval : nil,
            watching: watching, logger: logger)
    }

    /// What scans and watches skip and follow, from the configuration.
    private var scanRules: LibraryScanRules {
        LibraryScanRules(ignore: configuration.indexing.ignore, followSymlinks: configuration.indexing.followSymlinks)
    }

    /// The search service the configuration asks for: semantic with the configured model, or metadata-only
    /// (semantic queries answer "semantic search is disabled") when `clip-enabled` is false.
    public func searchService(catalog: Catalog, images: Bool = false) throws(ViewfinderError) -> SearchService {
        guard configuration.indexing.clipEnabled else {
            return SearchService(catalog: catalog, textEmbedder: nil, settings: SearchSettings(semanticSearchEnabled: false))
        }
        return try search(try modelDescriptor(), catalog: catalog, images: images)
    }

    /// A search service over `catalog` with `descriptor`'s model.
    ///
    /// The threshold default is the model's catalogue value; `images` also loads the image encoder, for
    /// searches by picture (it costs a second ONNX session, so text searches skip it). `coverage` is shared with the
    /// indexers of the same process (nil: the service keeps its own).
    public func search(
        _ descriptor: ClipModelDescriptor, catalog: Catalog, images: Bool = false,
        semanticSearchEnabled: Bool = true, coverage: CoverageTracker? = nil
    ) throws(ViewfinderError) -> SearchService {
        SearchService(
            store: catalog.store, vectors: catalog.vectors,
            coverage: coverage ?? CoverageTracker(statistics: catalog.store), textEmbedder: try textEmbedder(descriptor),
            imageDecoder: images ? try imageDecoder() : nil, imageEmbedder: images ? try imageEmbedder(descriptor) : nil,
            settings: Self.searchSettings(
                model: descriptor.id, semanticSearchEnabled: semanticSearchEnabled, minScore: configuration.minScore))
    }

    /// Search settings for `model`: the configured `minScore`, else its catalogue threshold, becomes the default
    /// `min_score` (models outside the catalogue, such as imported ones, have none unless configured).
    public static func searchSettings(
        model: ModelID, semanticSearchEnabled: Bool = true, minScore: Double? = nil,
        catalogue: ModelCatalogue = .standard
    ) -> SearchSettings {
        let threshold = minScore ?? catalogue.entry(named: model)?.defaultSimilarityThreshold.map(Double.init)
        return SearchSettings(semanticSearchEnabled: semanticSearchEnabled, defaultMinScore: threshold)
    }

    private var sessionOptions: SessionOptions {
        configuration.inference.sessionOptions
    }

    /// The ONNX Runtime library, loaded once on first use.
    func runtime() throws(ViewfinderError) -> OnnxRuntime {
        try runtimeCache.get { () throws(ViewfinderError) -> OnnxRuntime in
            do throws(OnnxRuntimeError) {
                // An explicitly configured library (flag, VIEWFINDER_ORT_LIBRARY or file) is used as given:
                // silently falling back to another copy would hide a typo.
                if let configured = configuration.ortLibrary {
                    return try OnnxRuntime(libraryPath: configured)
                }
                return try OnnxRuntime(
                    configured: nil, environment: [:], fallbacks: RuntimeLibrarySearch.fallbackPaths())
            } catch {
                throw ViewfinderError(.configurationInvalid, error.message, underlying: error)
            }
        }
    }
}
