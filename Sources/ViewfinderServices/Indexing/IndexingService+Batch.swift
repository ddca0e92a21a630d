import Logging
import ViewfinderCore

/// A picture after reading (and hashing), decoding and reading its metadata, or the reason it could not be prepared.
struct PreparedPicture: Sendable {
    let file: LibraryFile
    let contentHash: String?
    let outcome: Outcome

    /// What preparing a picture came to.
    enum Outcome: Sendable {
        /// Decoded, to be embedded.
        case success(DecodedImage)
        /// Not readable or not decodable, to be recorded as a failure.
        case failure(ViewfinderError)
        /// Its bytes are what the catalog already holds (only its size or time moved): nothing to embed.
        case unchanged(LibraryPlan.StoredContent)
    }
    /// What the file says about itself; nil without a metadata reader or when reading it failed.
    var details: ImageFileDetails?
}

extension IndexingService {
    /// Reads, hashes and decodes a batch, at most `decodeConcurrency` pictures at a time; keeps the batch order.
    ///
    /// `stored` holds the catalog's hash of files whose size or time moved; one that still has it is not decoded.
    func prepare(_ files: [LibraryFile], stored: [String: LibraryPlan.StoredContent] = [:]) async -> [PreparedPicture] {
        await withTaskGroup(of: (Int, PreparedPicture).self) { group in
            var results = [PreparedPicture?](repeating: nil, count: files.count)
            var next = 0
            func submit() {
                let index = next
                let file = files[index]
                next += 1
                let known = stored[LibraryPlan.key(file)]
                group.addTask { (index, await prepareOne(file, stored: known)) }
            }
            while next < min(files.count, decodeConcurrency) { submit() }
            while let (index, picture) = await group.next() {
                results[index] = picture
                if next < files.count { submit() }
            }
            return results.compactMap { $0 }
        }
    }

    /// Read once (hashing as it reads) → check it did not change → decode → metadata → thumbnails.
    ///
    /// Every step after the read works on the same bytes in memory, so the file is opened once; the bytes
    /// are dropped when this returns, so at most `decodeConcurrency` pictures are held at a time.
    private func prepareOne(_ file: LibraryFile, stored: LibraryPlan.StoredContent?) async -> PreparedPicture {
        let contents: FileContents
        do {
            contents = try await fileSystem.read(file)
        } catch {
            return PreparedPicture(file: file, contentHash: nil, outcome: .failure(error))
        }
        // The bytes are fixed from here on, so a change during the read is all there is to notice.
        if let change = await changeWhileReading(file) {
            return PreparedPicture(file: file, contentHash: nil, outcome: .failure(change))
        }
        let hash = contents.contentHash
        if let stored, stored.contentHash == hash {
            return PreparedPicture(file: file, contentHash: hash, outcome: .unchanged(stored))
        }
        let decoded: DecodedImage
        do {
            decoded = try await decoder.decode(contents.picture, for: embedder.preprocessing)
        } catch {
            return PreparedPicture(file: file, contentHash: hash, outcome: .failure(error))
        }
        var picture = PreparedPicture(file: file, contentHash: hash, outcome: .success(decoded))
        if let metadataReader {
            do {
                picture.details = try await metadataReader.details(of: contents.picture, modifiedAt: file.modifiedAt)
            } catch {
                // The pixels decoded, so the picture is indexed; only its metadata is missing.
                logger.warning("metadata unreadable", metadata: ["file": "\(file.relativePath)", "reason": "\(error.message)"])
            }
        }
        if let thumbnails {
            do {
                try await thumbnails.prepareThumbnails(for: hash, from: contents.picture)
            } catch {
                logger.warning("thumbnails not made", metadata: ["file": "\(file.relativePath)", "reason": "\(error.message)"])
            }
        }
        return picture
    }

    /// An error if the file's size or modification time moved since the scan (it was being written).
    ///
    /// The failure is recorded with the scan's size and time, which no longer match the file, so
    /// the next run retries it.
    private func changeWhileReading(_ file: LibraryFile) async -> ViewfinderError? {
        do {
            let now = try await fileSystem.currentState(of: file)
            guard now.size != file.size || now.modifiedAt != file.modifiedAt else { return nil }
        } catch {
            return ViewfinderError(.decodeFailed, "\(file.relativePath): the file disappeared while it was being read")
        }
        return ViewfinderError(
            .decodeFailed,
            "\(file.relativePath): the file changed while it was being read; it will be retried on the next run")
    }

    /// Encodes the decoded pictures of a batch and commits them with the batch's failures, in one transaction;
    /// pictures whose bytes did not change get their new size and time (or their path back, when missing).
    func encodeAndStore(_ batch: [PreparedPicture]) async throws(ViewfinderError) -> (failures: [IndexFailure], unchanged: Int) {
        var failures: [IndexFailure] = []
        var unchanged: [(LibraryFile, LibraryPlan.StoredContent)] = []
        var decoded: [(picture: PreparedPicture, hash: String, image: DecodedImage)] = []
        for picture in batch {
            switch picture.outcome {
            case .success(let image):
                decoded.append((picture, picture.contentHash ?? "", image))
            case .failure(let error):
                failures.append(IndexFailure(file: picture.file, contentHash: picture.contentHash, reason: error.message))
            case .unchanged(let stored):
                unchanged.append((picture.file, stored))
            }
        }
        var indexed: [IndexedPhoto] = []
        if !decoded.isEmpty {
            let embeddings = try await embedder.embed(decoded.map(\.image.tensor))
            guard embeddings.count == decoded.count else {
                throw ViewfinderError(.encodeFailed, "the image encoder returned \(embeddings.count) vectors for \(decoded.count) pictures")
            }
            indexed = zip(decoded, embeddings).map { item, embedding in
                var details = item.picture.details
                // One odd value must not make the catalog refuse the whole batch: keep the picture, drop the metadata.
                if let metadata = details?.metadata, (try? metadata.validate()) == nil {
                    logger.warning("metadata not storable", metadata: ["file": "\(item.picture.file.relativePath)"])
                    details?.metadata = PhotoMetadata()
                }
                return IndexedPhoto(
                    file: item.picture.file, contentHash: item.hash, width: item.image.width, height: item.image.height,
                    embedding: embedding, mimeType: details?.contentType.mimeType, orientation: details?.orientation ?? 1,
                    metadata: details?.metadata)
            }
        }
        // One transaction: a batch is committed with its failures or not at all, so a kill never leaves
        // the failures of a batch whose pictures were not stored (or the reverse). Saving is an upsert, so
        // retrying it while the database restarts cannot duplicate rows.
        try await whileStorageRecovers { () async throws(ViewfinderError) in
            try await catalog.save(indexed, failures: failures)
        }
        for (file, stored) in unchanged {
            try await whileStorageRecovers { () async throws(ViewfinderError) in
                if stored.missing {
                    try await catalog.relocate(photoID: stored.photoID, to: file)
                } else {
                    try await catalog.touch(photoID: stored.photoID, size: file.size, modifiedAt: file.modifiedAt)
                }
            }
        }
        await observer?.catalogDidChange()
        return (failures, unchanged.count)
    }

    /// Runs `body`, retrying it with a growing pause while it fails with `storageUnavailable`, for up to
    /// `options.storageOutageTolerance`. Saving a batch is idempotent (keyed by path), so a retry after a commit
    /// whose acknowledgement was lost writes the same rows again.
    func whileStorageRecovers(_ body: () async throws(ViewfinderError) -> Void) async throws(ViewfinderError) {
        let deadline = ContinuousClock.now + options.storageOutageTolerance
        var pause = Duration.milliseconds(250)
        while true {
            do throws(ViewfinderError) {
                return try await body()
            } catch where error.code == .storageUnavailable && ContinuousClock.now + pause < deadline {
                logger.warning("catalog unavailable; retrying the batch", metadata: ["error": "\(error.message)"])
                do { try await Task.sleep(for: pause) } catch { throw ViewfinderError(.internalFailure, "indexing was cancelled") }
                pause = min(pause * 2, .seconds(5))
            }
        }
    }
}
