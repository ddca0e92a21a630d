public import Logging
public import ViewfinderCore

/// Scans library roots, follows moved and deleted files, and embeds new or changed pictures:
/// scan → plan → decode (N at a time, overlapping the encoder) → encode → one transaction per batch.
public struct IndexingService: Sendable {
    let fileSystem: any LibraryFileSystem
    let decoder: any ImageDecoding
    let embedder: any ImageEmbedding
    /// The catalog roles indexing writes through.
    public typealias Store = PhotoWriting & LibraryTracking

    let catalog: any Store
    /// Told after each committed write (e.g. the search's coverage notice).
    let observer: (any CatalogWriteObserving)?
    let metadataReader: (any MetadataReading)?
    let thumbnails: (any ThumbnailStore)?
    let options: IndexingOptions
    let logger: Logger

    var decodeConcurrency: Int { options.decodeConcurrency }

    /// Creates an indexer from its collaborators.
    ///
    /// With a `metadataReader`, each picture's EXIF/XMP/IPTC metadata, content type and orientation
    /// are stored with it; with `thumbnails`, its thumbnails are made while indexing. `observer` hears of every
    /// committed write.
    public init(
        fileSystem: any LibraryFileSystem, decoder: any ImageDecoding, embedder: any ImageEmbedding,
        catalog: any Store, metadataReader: (any MetadataReading)? = nil, thumbnails: (any ThumbnailStore)? = nil,
        options: IndexingOptions = IndexingOptions(), observer: (any CatalogWriteObserving)? = nil, logger: Logger
    ) {
        self.fileSystem = fileSystem
        self.decoder = decoder
        self.embedder = embedder
        self.catalog = catalog
        self.observer = observer
        self.metadataReader = metadataReader
        self.thumbnails = thumbnails
        self.options = options
        self.logger = logger
    }

    /// Indexes everything below `root`, calling `onEvent` as work progresses.
    public func index(
        root: String, onEvent: @Sendable (IndexingEvent) -> Void = { _ in }
    ) async throws(ViewfinderError) -> IndexingReport {
        try await index(roots: [root], run: IndexingRun(), onEvent: onEvent)
    }

    /// Indexes every root in one run, calling `onEvent` as work progresses.
    ///
    /// A photo moved from one root to another is recognised as a move too. The run can be stopped between
    /// batches through `run.stop`; what was committed stays, and the next run continues from there. With
    /// `run.sharing`, passes repeat until no file is left unembedded and no other worker holds a live claim.
    public func index(
        roots: [String], run: IndexingRun, onEvent: @Sendable (IndexingEvent) -> Void = { _ in }
    ) async throws(ViewfinderError) -> IndexingReport {
        var (report, pending) = try await pass(roots: roots, run: run, onEvent: onEvent)
        var passes = 1
        while let sharing = run.sharing, !run.stop.isRequested, pending > 0, passes < 10_000 {
            if try await sharing.claims.liveClaims(excluding: sharing.worker) > 0 {
                // Others hold the rest; wait for them to finish or for their claims to expire.
                try? await Task.sleep(for: min(sharing.lease / 4, .seconds(1)))
            }
            let (again, left) = try await pass(roots: roots, run: run, onEvent: onEvent)
            report.embedded += again.embedded
            report.failures += again.failures
            report.stopped = again.stopped
            pending = left
            passes += 1
        }
        if report.embedded > 0 {
            // Backends that build their approximate index after bulk loads (pgvector HNSW) do it now.
            try await catalog.finishBulkLoad(model: embedder.model, dims: embedder.dims)
        }
        return report
    }

    /// Scan, plan, bookkeeping and embedding once; returns the report and how many files the plan queued.
    private func pass(
        roots: [String], run: IndexingRun, onEvent: @Sendable (IndexingEvent) -> Void
    ) async throws(ViewfinderError) -> (IndexingReport, pending: Int) {
        var report = IndexingReport()
        var scans: [(root: String, scan: LibraryScan)] = []
        for root in roots {
            let scan = try await fileSystem.scan(root: root)
            report.found += scan.pictures.count
            report.unsupported += scan.unsupported
            scans.append((root, scan))
        }
        let changes = try await self.plan(scans, run: run, report: &report)
        scans.removeAll()
        try await applyBookkeeping(changes, report: &report)
        let work = run.embed ? changes.work : []
        report.notEmbedded = changes.work.count - work.count
        onEvent(.scanned(found: report.found, pending: work.count))
        logger.info(
            "scan finished",
            metadata: [
                "roots": "\(roots)", "found": "\(report.found)", "pending": "\(work.count)", "moved": "\(report.moved)",
                "missing": "\(report.missing)", "purged": "\(report.purged)",
            ])
        if run.embed {
            try await embed(work, stored: changes.stored, run: run, report: &report, onEvent: onEvent)
        } else {
            try await recordWithoutEmbedding(changes.work, run: run, report: &report)
        }
        return (report, work.count)
    }

    /// Decodes, embeds and stores `work` batch by batch; decoding the next batch overlaps encoding the current one.
    private func embed(
        _ work: [LibraryFile], stored: [String: LibraryPlan.StoredContent], run: IndexingRun,
        report: inout IndexingReport, onEvent: @Sendable (IndexingEvent) -> Void
    ) async throws(ViewfinderError) {
        var done = 0
        let batchSize = options.batchSize
        func batch(_ index: Int) -> [LibraryFile] {
            Array(work[index * batchSize..<min((index + 1) * batchSize, work.count)])
        }
        let batchCount = (work.count + batchSize - 1) / batchSize
        // At most two batches are in memory: the one being encoded and the one being decoded.
        let sharing = run.sharing
        var nextDecoded: Task<[PreparedPicture], Never>? =
            batchCount > 0 ? Task { [first = batch(0)] in await prepareClaimed(first, stored: stored, sharing: sharing) } : nil
        for index in 0..<batchCount {
            guard let current = nextDecoded else { break }
            if run.stop.isRequested {
                report.stopped = true
                report.notEmbedded += work.count - done
                break
            }
            var prepared = await current.value
            nextDecoded =
                index + 1 < batchCount
                ? Task { [next = batch(index + 1)] in await prepareClaimed(next, stored: stored, sharing: sharing) } : nil
            if let sharing, !prepared.isEmpty {
                prepared = await renewClaims(prepared, sharing: sharing)
            }
            // With shared work, other workers may hold every file of a batch.
            guard !prepared.isEmpty else { continue }
            onEvent(.encoding(count: prepared.count, firstFile: prepared.first?.file.relativePath ?? ""))
            let (failures, unchanged) = try await encodeAndStore(prepared)
            if let sharing {
                try await whileStorageRecovers { () async throws(ViewfinderError) in
                    try await sharing.claims.finishClaims(
                        prepared.map(\.file), worker: sharing.worker, model: embedder.model, dims: embedder.dims)
                }
            }
            for failure in failures {
                onEvent(.failed(failure))
                logger.warning("indexing failed", metadata: ["file": "\(failure.file.relativePath)", "reason": "\(failure.reason)"])
            }
            report.failures += failures
            report.embedded += prepared.count - failures.count - unchanged
            report.unchanged += unchanged
            done += prepared.count
            onEvent(.batchCommitted(done: done, pending: work.count))
        }
        nextDecoded?.cancel()
    }

    /// Extends this worker's claims right before encoding and keeps only the pictures still claimed: a claim
    /// that expired while the batch waited may have been taken over, and then the other worker embeds it.
    private func renewClaims(_ prepared: [PreparedPicture], sharing: SharedIndexing) async -> [PreparedPicture] {
        do throws(ViewfinderError) {
            let kept = try await sharing.claims.claim(
                prepared.map(\.file), worker: sharing.worker, lease: sharing.lease, model: embedder.model,
                dims: embedder.dims)
            let keys = Set(kept.map(LibraryPlan.key))
            return prepared.filter { keys.contains(LibraryPlan.key($0.file)) }
        } catch {
            logger.warning("renewing claims failed", metadata: ["reason": "\(error.message)"])
            return []
        }
    }

    /// Claims `files` when the work is shared (keeping only the claimed ones), then prepares them.
    private func prepareClaimed(
        _ files: [LibraryFile], stored: [String: LibraryPlan.StoredContent], sharing: SharedIndexing?
    ) async -> [PreparedPicture] {
        guard let sharing else { return await prepare(files, stored: stored) }
        do throws(ViewfinderError) {
            let mine = try await sharing.claims.claim(
                files, worker: sharing.worker, lease: sharing.lease, model: embedder.model, dims: embedder.dims)
            return await prepare(mine, stored: stored)
        } catch {
            // The files stay unclaimed; this or another worker's next pass takes them.
            logger.warning("claiming files failed", metadata: ["reason": "\(error.message)"])
            return []
        }
    }
}
