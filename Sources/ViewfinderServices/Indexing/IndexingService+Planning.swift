import Foundation
import ViewfinderCore

extension IndexingService {
    /// Compares the scans with the catalog: new, changed (confirmed by hash), moved (same hash at a new path),
    /// missing and purgeable photos. Hashes only files whose size or time changed, and new files while some
    /// photo's file is gone (a move needs both ends).
    func plan(
        _ scans: [(root: String, scan: LibraryScan)], run: IndexingRun, report: inout IndexingReport
    ) async throws(ViewfinderError) -> LibraryPlan {
        var plan = LibraryPlan()
        var candidates: [LibraryFile] = []
        var vanished: [LibraryEntry] = []
        for (root, scan) in scans {
            let entries = try await catalog.libraryEntries(root: root, model: embedder.model, dims: embedder.dims)
            var byPath = Dictionary(entries.map { ($0.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
            for file in scan.pictures {
                guard let entry = byPath.removeValue(forKey: file.relativePath) else {
                    candidates.append(file)
                    continue
                }
                try await classify(file, entry, run: run, plan: &plan, report: &report)
            }
            vanished += byPath.values
        }
        let movable = Dictionary(
            grouping: vanished.filter { !$0.contentHash.isEmpty && $0.status != .failed }, by: \.contentHash)
        var claimed: Set<Int64> = []
        for file in candidates {
            if !movable.isEmpty, let hash = try? await fileSystem.contentHash(of: file),
                let entry = movable[hash]?.first(where: { !claimed.contains($0.photoID) })
            {
                claimed.insert(entry.photoID)
                plan.moved.append((entry.photoID, file))
                report.moved += 1
                if !entry.embedded { plan.work.append(file) }
            } else {
                plan.work.append(file)
            }
        }
        let purgeBefore = Date().addingTimeInterval(-run.missingGracePeriod.seconds)
        for entry in vanished where !claimed.contains(entry.photoID) {
            if entry.status != .missing {
                plan.missing.append(entry.photoID)
            } else if let since = entry.missingSince, since < purgeBefore {
                plan.purge.append(entry.photoID)
            }
        }
        return plan
    }

    /// Decides what to do with a file that has a catalog row at its path.
    private func classify(
        _ file: LibraryFile, _ entry: LibraryEntry, run: IndexingRun, plan: inout LibraryPlan,
        report: inout IndexingReport
    ) async throws(ViewfinderError) {
        let sameStat = entry.size == file.size && entry.modifiedAt == file.modifiedAt
        if entry.status == .failed {
            if sameStat && !run.retryFailed { report.previouslyFailed += 1 } else { plan.work.append(file) }
            return
        }
        guard entry.embedded || !run.embed else {
            // Never embedded with the active model (new model, or an interrupted first run).
            plan.work.append(file)
            return
        }
        if sameStat && !run.rescan {
            if entry.status == .missing { plan.moved.append((entry.photoID, file)) }
            report.unchanged += 1
            return
        }
        if !sameStat && run.embed {
            // Decided when the file is read for decoding: one read instead of a hash now and a read later.
            plan.work.append(file)
            plan.stored[LibraryPlan.key(file)] = LibraryPlan.StoredContent(
                photoID: entry.photoID, contentHash: entry.contentHash, missing: entry.status == .missing)
            return
        }
        guard let hash = try? await fileSystem.contentHash(of: file), hash == entry.contentHash else {
            plan.work.append(file)
            return
        }
        if entry.status == .missing {
            plan.moved.append((entry.photoID, file))
        } else if !sameStat {
            // Only the timestamp moved (a copy or a touch): keep the embedding.
            plan.touched.append((entry.photoID, file))
        }
        report.unchanged += 1
    }

    /// Applies the plan's moves, touches, missing marks and purges (each its own short transaction).
    func applyBookkeeping(_ plan: LibraryPlan, report: inout IndexingReport) async throws(ViewfinderError) {
        for (photoID, file) in plan.moved {
            try await catalog.relocate(photoID: photoID, to: file)
        }
        for (photoID, file) in plan.touched {
            try await catalog.touch(photoID: photoID, size: file.size, modifiedAt: file.modifiedAt)
        }
        try await catalog.markMissing(photoIDs: plan.missing, at: Date())
        report.missing = plan.missing.count
        for start in stride(from: 0, to: plan.purge.count, by: 500) {
            let chunk = plan.purge[start..<min(start + 500, plan.purge.count)]
            try await catalog.apply(chunk.map { .deletePhoto(photoID: $0) })
        }
        report.purged = plan.purge.count
        if !plan.moved.isEmpty || !plan.missing.isEmpty || !plan.purge.isEmpty { await observer?.catalogDidChange() }
    }
}
