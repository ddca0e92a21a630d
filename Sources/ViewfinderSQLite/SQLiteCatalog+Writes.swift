import Foundation
import GRDB
public import ViewfinderCore
import ViewfinderSQL

extension SQLiteCatalog {
    // Every embedding space shares the `embeddings` table, so a space's "store" is only the precision to write.
    public func save(_ batch: [IndexedPhoto], failures: [IndexFailure]) async throws(ViewfinderError) {
        let precision = vectorPrecision
        try await PhotoWrite.save(batch, failures: failures, store: { _ in precision }) { rows, _ throws(ViewfinderError) in
            try await write { db in
                let now = Date()
                for row in rows {
                    let photoID = try Self.upsertPhoto(db, row, now: now)
                    guard let embedding = row.embedding else { continue }
                    try Self.putEmbedding(db, photoID: photoID, embedding, precision: precision, now: now.timeIntervalSince1970)
                }
            }
        }
    }
}
