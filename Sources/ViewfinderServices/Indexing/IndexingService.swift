public import Logging
public import ViewfinderCore

/// Scans a library root and embeds new or changed pictures: decode → preprocess → encode → store.
public struct IndexingService: Sendable {
    let fileSystem: any LibraryFileSystem
    let decoder: any ImageDecoding
    let embedder: any ImageEmbedding
    let catalog: any PhotoCatalog
    let metadataReader: (any MetadataReading)?
    let thumbnails: (any ThumbnailStore)?
    let options: IndexingOptions
    let logger: Logger

    var decodeConcurrency: Int { options.decodeConcurrency }

    /// Creates an indexer from its collaborators.
    ///
    /// With a `metadataReader`, each picture's EXIF/XMP/IPTC metadata, content type and orientation
    /// are stored with it; with `thumbnails`, its thumbnails are made while indexing.
    public init(
        fileSystem: any LibraryFileSystem, decoder: any ImageDecoding, embedder: any ImageEmbedding,
        catalog: any PhotoCatalog, metadataReader: (any MetadataReading)? = nil, thumbnails: (any ThumbnailStore)? = nil,
        options: IndexingOptions = IndexingOptions(), logger: Logger
    ) {
        self.fileSystem = fileSystem
        self.decoder = decoder
        self.embedder = embedder
        self.catalog = catalog
        self.metadataReader = metadataReader
        self.thumbnails = thumbnails
        self.options = options
        self.logger = logger
    }

    /// Indexes everything below `root`, calling `onEvent` as work progresses.
    public func index(
        root: String, onEvent: @Sendable (IndexingEvent) -> Void = { _ in }
    ) async throws(ViewfinderError) -> IndexingReport {
        var report = IndexingReport()
        let scan = try await fileSystem.scan(root: root)
        report.found = scan.pictures.count
        report.unsupported = scan.unsupported

        let work = try await pendingWork(scan.pictures, report: &report)
        onEvent(.scanned(found: scan.pictures.count, pending: work.count))
        logger.info("scan finished", metadata: ["root": "\(root)", "found": "\(scan.pictures.count)", "pending": "\(work.count)"])

        var done = 0
        let batches = stride(from: 0, to: work.count, by: options.batchSize).map {
            Array(work[$0..<min($0 + options.batchSize, work.count)])
        }
        // Decoding the next batch overlaps with encoding and storing the current one.
        var nextDecoded: Task<[PreparedPicture], Never>? = batches.first.map { first in
            Task { await prepare(first) }
        }
        for index in batches.indices {
            guard let current = nextDecoded else { break }
            let prepared = await current.value
            nextDecoded = index + 1 < batches.count ? Task { [batches] in await prepare(batches[index + 1]) } : nil
            let failures = try await encodeAndStore(prepared)
            for failure in failures {
                onEvent(.failed(failure))
                logger.warning("indexing failed", metadata: ["file": "\(failure.file.relativePath)", "reason": "\(failure.reason)"])
            }
            report.failures += failures
            report.embedded += prepared.count - failures.count
            done += prepared.count
            onEvent(.batchCommitted(done: done, pending: work.count))
        }
        if report.embedded > 0 {
            // Backends that build their approximate index after bulk loads (pgvector HNSW) do it now.
            try await catalog.finishBulkLoad(model: embedder.model, dims: embedder.dims)
        }
        return report
    }

    /// The files that need embedding; counts the rest into `report`.
    private func pendingWork(_ pictures: [LibraryFile], report: inout IndexingReport) async throws(ViewfinderError)
        -> [LibraryFile]
    {
        var work: [LibraryFile] = []
        for file in pictures {
            guard let existing = try await catalog.photo(root: file.root, relativePath: file.relativePath) else {
                work.append(file)
                continue
            }
            let sameStat = existing.size == file.size && existing.modifiedAt == file.modifiedAt
            if existing.status == .failed {
                if sameStat { report.previouslyFailed += 1 } else { work.append(file) }
                continue
            }
            let embedded = try await catalog.hasEmbedding(
                photoID: existing.id, model: embedder.model, dims: embedder.dims)
            if sameStat && embedded {
                report.unchanged += 1
            } else if embedded, !sameStat, (try? await fileSystem.contentHash(of: file)) == existing.contentHash {
                // Only the timestamp moved (a copy or a touch): keep the embedding.
                try await catalog.touch(photoID: existing.id, size: file.size, modifiedAt: file.modifiedAt)
                report.unchanged += 1
            } else {
                work.append(file)
            }
        }
        return work
    }

}
