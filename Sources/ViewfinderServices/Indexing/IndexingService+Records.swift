import Logging
import ViewfinderCore

extension IndexingService {
    /// Without embeddings (CLIP off or `never`): hashes each picture and reads its metadata, then stores it
    /// batch by batch, so the library is browsable and searchable by metadata; embedding follows when CLIP runs.
    func recordWithoutEmbedding(
        _ work: [LibraryFile], run: IndexingRun, report: inout IndexingReport
    ) async throws(ViewfinderError) {
        for start in stride(from: 0, to: work.count, by: options.batchSize) {
            if run.stop.isRequested {
                report.stopped = true
                return
            }
            var records: [FileRecord] = []
            var failures: [IndexFailure] = []
            for file in work[start..<min(start + options.batchSize, work.count)] {
                do throws(ViewfinderError) {
                    records.append(try await record(file))
                } catch {
                    failures.append(IndexFailure(file: file, contentHash: nil, reason: error.message))
                }
            }
            try await catalog.recordFiles(records)
            try await catalog.recordFailures(failures)
            await observer?.catalogDidChange()
            report.recorded += records.count
            report.failures += failures
        }
    }

    /// What the catalog stores about one picture without decoding its pixels (its bytes read once).
    private func record(_ file: LibraryFile) async throws(ViewfinderError) -> FileRecord {
        let contents = try await fileSystem.read(file)
        let hash = contents.contentHash
        var details: ImageFileDetails?
        if let metadataReader {
            do {
                details = try await metadataReader.details(of: contents.picture, modifiedAt: file.modifiedAt)
            } catch {
                logger.warning("metadata unreadable", metadata: ["file": "\(file.relativePath)", "reason": "\(error.message)"])
            }
        }
        var metadata = details?.metadata
        if let checked = metadata, (try? checked.validate()) == nil { metadata = PhotoMetadata() }
        return FileRecord(
            file: file, contentHash: hash, width: details?.width ?? 0, height: details?.height ?? 0,
            mimeType: details?.contentType.mimeType, orientation: details?.orientation ?? 1, metadata: metadata)
    }
}
