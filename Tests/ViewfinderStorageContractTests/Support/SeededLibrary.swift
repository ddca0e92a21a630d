import Foundation
import Testing
import ViewfinderCore

/// A catalog filled with a seeded, varied library: metadata, flags, albums and one vector per photo.
struct SeededLibrary: Sendable {
    static let model: ModelID = "contract-test-model"

    /// The photos as the catalog returns them, by id.
    let photos: [Int64: Photo]
    /// Each photo's vector.
    let vectors: [Int64: [Float]]
    /// Album ids per photo.
    let albums: [Int64: Set<Int64>]
    /// The two album ids.
    let albumIDs: [Int64]
    /// The vector dimension.
    let dims: Int

    /// Seeds `count` photos into `catalog`, with `given` vectors (one per photo) or random unit vectors.
    static func seed(
        _ catalog: any PhotoCatalog, count: Int = 300, dims: Int = 32, seed: UInt64 = 42, vectors given: [[Float]]? = nil
    ) async throws -> SeededLibrary {
        var generator = SeededGenerator(seed: seed)
        var items: [IndexedPhoto] = []
        var vectorsByPath: [String: [Float]] = [:]
        for index in 0..<count {
            let vector = given?[index] ?? generator.unitVector(dims)
            let file = SeededData.file(index)
            vectorsByPath[file.relativePath] = vector
            items.append(IndexedPhoto(
                file: file, contentHash: "hash-\(index)", width: 4000 + index, height: 3000,
                embedding: Embedding(model: model, vector: vector), mimeType: "image/jpeg", orientation: 1 + index % 8,
                metadata: SeededData.metadata(index, &generator)))
        }
        for start in stride(from: 0, to: items.count, by: 50) {
            try await catalog.save(Array(items[start..<min(start + 50, items.count)]))
        }
        try await catalog.finishBulkLoad(model: model, dims: dims)
        let ids = try await catalog.photoIDs(matching: .everything, limit: 100_000)
        try #require(ids.count == count)
        let first = try await catalog.createAlbum(title: "Holidays", description: "summer")
        let second = try await catalog.createAlbum(title: "Family", description: nil)
        var changes: [CatalogChange] = []
        var albums: [Int64: Set<Int64>] = [:]
        for (position, id) in ids.enumerated() {
            if position % 4 == 0 { changes.append(.addToAlbum(albumID: first.id, photoID: id)); albums[id, default: []].insert(first.id) }
            if position % 5 == 0 { changes.append(.addToAlbum(albumID: second.id, photoID: id)); albums[id, default: []].insert(second.id) }
            if position % 6 == 0 || position % 9 == 0 {
                changes.append(.setFlags(photoID: id, favorite: position % 6 == 0, archived: position % 9 == 0))
            }
        }
        try await catalog.apply(changes)
        let photos = try await catalog.photos(ids: ids)
        var vectors: [Int64: [Float]] = [:]
        for photo in photos { vectors[photo.id] = vectorsByPath[photo.relativePath] }
        return SeededLibrary(
            photos: Dictionary(uniqueKeysWithValues: photos.map { ($0.id, $0) }), vectors: vectors, albums: albums,
            albumIDs: [first.id, second.id], dims: dims)
    }

    /// The filters every backend must agree on.
    var filters: [(String, PhotoFilter)] {
        let year2021 = Date(timeIntervalSince1970: 1_609_459_200)
        let year2022 = Date(timeIntervalSince1970: 1_640_995_200)
        return [
            ("default", PhotoFilter()),
            ("everything", .everything),
            ("year 2021", PhotoFilter(takenAfter: year2021, takenBefore: year2022)),
            ("camera canon", PhotoFilter(camera: "canon")),
            ("camera model substring", PhotoFilter(camera: "nikon d7")),
            ("bounding box", PhotoFilter(boundingBox: GeoBox(north: 40, east: 100, south: -10, west: -50))),
            ("antimeridian box", PhotoFilter(boundingBox: GeoBox(north: 60, east: -150, south: -60, west: 150))),
            ("no location", PhotoFilter(hasLocation: false)),
            ("album", PhotoFilter(albumID: albumIDs[0])),
            ("favourites", PhotoFilter(favorite: true)),
            ("archived only", PhotoFilter(archived: true)),
            ("keyword", PhotoFilter(keywords: "beach")),
            ("two keywords", PhotoFilter(keywords: "Snow, sunset")),
            ("combined", PhotoFilter(takenAfter: year2021, camera: "apple", hasLocation: true, albumID: albumIDs[1])),
        ]
    }

    /// The ids matching `filter`, by the domain's reference meaning.
    func expectedIDs(_ filter: PhotoFilter) -> [Int64] {
        photos.values.filter { $0.status == .indexed && filter.matches($0, albumIDs: albums[$0.id] ?? []) }.map(\.id).sorted()
    }

    /// A naive exact top-k (double-precision cosine, ties by id): the reference for every vector path.
    func bruteForce(_ query: [Float], limit: Int, filter: PhotoFilter) -> [VectorMatch] {
        let queryNorm = query.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        let scored = expectedIDs(filter).compactMap { id -> VectorMatch? in
            guard let vector = vectors[id] else { return nil }
            var dot = 0.0
            var norm = 0.0
            for (a, b) in zip(query, vector) {
                dot += Double(a) * Double(b)
                norm += Double(b) * Double(b)
            }
            return VectorMatch(photoID: id, similarity: Float(dot / (queryNorm * norm.squareRoot())))
        }
        return Array(scored.sorted { $0.similarity > $1.similarity || ($0.similarity == $1.similarity && $0.photoID < $1.photoID) }
            .prefix(limit))
    }
}
