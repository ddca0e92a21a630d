import Foundation
import Testing
import ViewfinderCore

/// A small library with colour embeddings and known dates, cameras, places, folders and an album.
///
/// Structure (documented so expectations can be derived by hand): photo `i` in 0..<32 has colour `i % 4`
/// (red, green, blue, yellow) and rank `k = i / 4`. Its vector is the colour's axis in 16-d plus 0.1 × a seeded
/// random unit vector, normalised, so a colour word's axis has similarity ≥ 0.82 with its own colour and
/// ≤ 0.13 with the others; two photos of one colour have ≥ 0.65, of different colours ≤ 0.26.
/// Taken: year 2019 + k % 4, month 1 + i % 12, day 1 + k (all distinct). Camera: Canon, NIKON, Apple by k % 3.
/// Place: k < 4 in Vienna (48.2, 16.37), k 4–5 in Paris, k 6–7 none. Folder `trip/<colour>` for even k,
/// `home/<colour>` for odd k. Album "Best": k % 3 == 0.
struct ColourLibrary: Sendable {
    static let model: ModelID = "contract-colour"
    static let dims = 16
    static let colours = ["red", "green", "blue", "yellow"]

    /// One seeded photo.
    struct Item: Sendable {
        let colour: String
        let k: Int
        let vector: [Float]
        let takenAt: Date
        var photo: Photo?
    }

    let items: [Item]
    let albumTitle = "Best"

    /// The query vector of a colour word.
    static func axis(_ colour: String) -> [Float] {
        let index = colours.firstIndex(of: colour) ?? 0
        return (0..<dims).map { $0 == index ? 1 : 0 }
    }

    /// Seeds the library into `catalog`.
    static func seed(_ catalog: any PhotoCatalog) async throws -> ColourLibrary {
        var generator = SeededGenerator(seed: 2026)
        var items: [Item] = []
        var batch: [IndexedPhoto] = []
        for i in 0..<32 {
            let colour = colours[i % 4]
            let k = i / 4
            let noise = generator.unitVector(dims)
            let raw = zip(axis(colour), noise).map { $0 + 0.1 * $1 }
            let norm = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let vector = raw.map { $0 / norm }
            let taken = try #require(UTCCalendar.date(year: 2019 + k % 4, month: 1 + i % 12, day: 1 + k))
                .addingTimeInterval(3600)
            let cameras = [("Canon", "EOS R5"), ("NIKON CORPORATION", "NIKON D750"), ("Apple", "iPhone 12")]
            let place: (Double, Double)? = k < 4 ? (48.2 + 0.01 * Double(k), 16.37 + 0.01 * Double(k)) : k < 6 ? (48.85, 2.35) : nil
            let path = (k % 2 == 0 ? "trip/" : "home/") + "\(colour)/\(colour)-\(k).jpg"
            batch.append(IndexedPhoto(
                file: LibraryFile(root: "/colours", relativePath: path, size: 100, modifiedAt: taken),
                contentHash: "colour-\(i)", width: 4000, height: 3000, embedding: Embedding(model: model, vector: vector),
                mimeType: "image/jpeg",
                metadata: PhotoMetadata(
                    takenAt: taken, takenAtSource: .meta, cameraMake: cameras[k % 3].0, cameraModel: cameras[k % 3].1,
                    latitude: place?.0, longitude: place?.1, title: "\(colour) \(k)")))
            items.append(Item(colour: colour, k: k, vector: vector, takenAt: taken))
        }
        try await catalog.save(batch)
        try await catalog.finishBulkLoad(model: model, dims: dims)
        let album = try await catalog.createAlbum(title: "Best", description: nil)
        var seeded: [Item] = []
        var changes: [CatalogChange] = []
        for item in items {
            var item = item
            item.photo = try await catalog.photo(
                root: "/colours", relativePath: (item.k % 2 == 0 ? "trip/" : "home/") + "\(item.colour)/\(item.colour)-\(item.k).jpg")
            let id = try #require(item.photo?.id)
            if item.k % 3 == 0 { changes.append(.addToAlbum(albumID: album.id, photoID: id)) }
            seeded.append(item)
        }
        try await catalog.apply(changes)
        return ColourLibrary(items: seeded)
    }

    /// Paths of the photos of `colour` that satisfy `where`, best match first (double-precision cosine).
    func expected(_ colour: String, where predicate: (Item) -> Bool = { _ in true }) -> [String] {
        let query = Self.axis(colour)
        return items.filter { $0.colour == colour && predicate($0) }
            .map { item in (item, zip(item.vector, query).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }) }
            .sorted { $0.1 > $1.1 }
            .compactMap { $0.0.photo?.relativePath }
    }
}
