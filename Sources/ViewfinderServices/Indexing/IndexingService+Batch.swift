import ViewfinderCore

/// A picture after hashing and decoding, or the reason it could not be prepared.
struct PreparedPicture: Sendable {
    let file: LibraryFile
    let contentHash: String?
    let outcome: Result<DecodedImage, ViewfinderError>
}

extension IndexingService {
    /// Hashes and decodes a batch, at most `decodeConcurrency` pictures at a time; keeps the batch order.
    func prepare(_ files: [LibraryFile]) async -> [PreparedPicture] {
        await withTaskGroup(of: (Int, PreparedPicture).self) { group in
            var results = [PreparedPicture?](repeating: nil, count: files.count)
            var next = 0
            func submit() {
                let index = next
                let file = files[index]
                next += 1
                group.addTask { (index, await prepareOne(file)) }
            }
            while next < min(files.count, decodeConcurrency) { submit() }
            while let (index, picture) = await group.next() {
                results[index] = picture
                if next < files.count { submit() }
            }
            return results.compactMap { $0 }
        }
    }

    private func prepareOne(_ file: LibraryFile) async -> PreparedPicture {
        let hash: String
        do {
            hash = try await fileSystem.contentHash(of: file)
        } catch {
            return PreparedPicture(file: file, contentHash: nil, outcome: .failure(error))
        }
        do {
            let decoded = try await decoder.decode(file.absoluteURL, for: embedder.preprocessing)
            return PreparedPicture(file: file, contentHash: hash, outcome: .success(decoded))
        } catch {
            return PreparedPicture(file: file, contentHash: hash, outcome: .failure(error))
        }
    }

    /// Encodes the decoded pictures of a batch and commits them with the batch's failures.
    func encodeAndStore(_ batch: [PreparedPicture]) async throws(ViewfinderError) -> [IndexFailure] {
        var failures: [IndexFailure] = []
        var decoded: [(file: LibraryFile, hash: String, image: DecodedImage)] = []
        for picture in batch {
            switch picture.outcome {
            case .success(let image):
                decoded.append((picture.file, picture.contentHash ?? "", image))
            case .failure(let error):
                failures.append(IndexFailure(file: picture.file, contentHash: picture.contentHash, reason: error.message))
            }
        }
        var indexed: [IndexedPhoto] = []
        if !decoded.isEmpty {
            let embeddings = try await embedder.embed(decoded.map(\.image.tensor))
            guard embeddings.count == decoded.count else {
                throw ViewfinderError(.encodeFailed, "the image encoder returned \(embeddings.count) vectors for \(decoded.count) pictures")
            }
            indexed = zip(decoded, embeddings).map { item, embedding in
                IndexedPhoto(
                    file: item.file, contentHash: item.hash, width: item.image.width, height: item.image.height,
                    embedding: embedding)
            }
        }
        try await catalog.save(indexed)
        try await catalog.recordFailures(failures)
        return failures
    }
}
