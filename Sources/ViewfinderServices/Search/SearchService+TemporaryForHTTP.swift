// TEMPORARY for the HTTP branch: the integrator replaces this file with the real search pipeline
// (SearchService.search(_:) / search(_:imageData:) and SearchQuery.parse) when merging.
public import ViewfinderCore
import Foundation

/// A minimal search over the catalog until the real search pipeline lands.
public struct TemporaryPhotoSearch: Sendable {
    private let catalog: any PhotoCatalog
    private let textEmbedder: (any TextEmbedding)?
    private let imageEmbedder: (any ImageEmbedding)?
    private let decoder: (any ImageDecoding)?
    private let unavailable: String

    /// Creates the search; without embedders, semantic queries fail with `unavailable`.
    public init(
        catalog: any PhotoCatalog, textEmbedder: (any TextEmbedding)?, imageEmbedder: (any ImageEmbedding)?,
        decoder: (any ImageDecoding)?, unavailable: String
    ) {
        self.catalog = catalog
        self.textEmbedder = textEmbedder
        self.imageEmbedder = imageEmbedder
        self.decoder = decoder
        self.unavailable = unavailable
    }

    /// One page for `query`: similarity to `similar`, to `clip`/`q` text, else the newest photos.
    public func search(_ query: SearchQuery) async throws(ViewfinderError) -> SearchPage {
        if let similar = query.similar {
            guard let embedder = imageEmbedder else { throw ViewfinderError(.modelNotInstalled, unavailable) }
            guard let photo = try await catalog.photo(uid: similar) else {
                throw ViewfinderError(.notFound, "there is no photo with that uid")
            }
            guard let vector = try await catalog.embedding(photoID: photo.id, model: embedder.model, dims: embedder.dims)
            else { throw ViewfinderError(.invalidInput, "that photo is not embedded with the active model yet") }
            return try await ranked(vector, query, excluding: photo.id)
        }
        let text = (query.clip ?? query.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty {
            guard let textEmbedder else { throw ViewfinderError(.modelNotInstalled, unavailable) }
            guard let vector = try await textEmbedder.embed([text]).first else {
                throw ViewfinderError(.encodeFailed, "the text encoder returned no vector")
            }
            return try await ranked(vector, query, excluding: nil)
        }
        let ids = try await catalog.photoIDs(matching: query.filter, limit: 10_000)
        var photos = try await catalog.photos(ids: ids)
        switch query.order ?? .newest {
        case .oldest: photos.sort { ($0.metadata.takenAt ?? $0.modifiedAt) < ($1.metadata.takenAt ?? $1.modifiedAt) }
        case .added: photos.sort { $0.addedAt > $1.addedAt }
        case .name: photos.sort { $0.relativePath < $1.relativePath }
        case .newest, .relevance:
            photos.sort { ($0.metadata.takenAt ?? $0.modifiedAt) > ($1.metadata.takenAt ?? $1.modifiedAt) }
        }
        let slice = photos.dropFirst(query.offset).prefix(query.count)
        return SearchPage(
            results: slice.map { SearchResult(photo: $0, score: 0) }, count: query.count, offset: query.offset,
            semantic: false)
    }

    /// One page ranked by similarity to the picture in `imageData`.
    public func search(_ query: SearchQuery, imageData: [UInt8]) async throws(ViewfinderError) -> SearchPage {
        guard let imageEmbedder, let decoder else { throw ViewfinderError(.modelNotInstalled, unavailable) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("viewfinder-upload-\(UUID().uuidString)")
        do {
            try Data(imageData).write(to: file)
        } catch {
            throw ViewfinderError(.internalFailure, "cannot store the upload", underlying: error)
        }
        defer { try? FileManager.default.removeItem(at: file) }
        let decoded = try await decoder.decode(file, for: imageEmbedder.preprocessing)
        guard let vector = try await imageEmbedder.embed([decoded.tensor]).first else {
            throw ViewfinderError(.encodeFailed, "the image encoder returned no vector")
        }
        return try await ranked(vector, query, excluding: nil)
    }

    private func ranked(_ vector: Embedding, _ query: SearchQuery, excluding: Int64?) async throws(ViewfinderError)
        -> SearchPage
    {
        let window = query.offset + query.count + 1
        var matches = try await catalog.nearest(to: vector, limit: window, filter: query.filter)
        matches.removeAll { $0.photoID == excluding }
        if let minScore = query.minScore { matches.removeAll { Double($0.similarity) < minScore } }
        let page = Array(matches.dropFirst(query.offset).prefix(query.count))
        let photos = try await catalog.photos(ids: page.map(\.photoID))
        let byID = Dictionary(uniqueKeysWithValues: photos.map { ($0.id, $0) })
        let results = page.compactMap { match in byID[match.photoID].map { SearchResult(photo: $0, score: match.similarity) } }
        return SearchPage(
            results: results, count: query.count, offset: query.offset, semantic: true, minScore: query.minScore,
            notices: results.isEmpty ? ["no photo matches well enough"] : [])
    }
}

extension SearchQuery {
    /// The real parser when it exists, else a minimal one for q, clip, similar, min_score, order, count,
    /// offset, year, camera, favorite, archived and geo (also as `key:value` terms inside `q`).
    public static func temporaryParseForHTTP(_ items: [(name: String, value: String)]) throws(ViewfinderError)
        -> SearchQuery
    {
        do {
            return try parse(items)
        } catch where error.message != "search parameters are not supported yet" {
            throw error
        } catch {}
        var query = SearchQuery()
        var expanded: [(name: String, value: String)] = []
        for item in items {
            guard item.name == "q" else {
                expanded.append(item)
                continue
            }
            var words: [String] = []
            for word in item.value.split(separator: " ") {
                let pair = word.split(separator: ":", maxSplits: 1)
                if pair.count == 2, ["year", "camera", "favorite", "archived", "geo", "order"].contains(String(pair[0])) {
                    expanded.append((name: String(pair[0]), value: String(pair[1])))
                } else {
                    words.append(String(word))
                }
            }
            if !words.isEmpty { expanded.append((name: "q", value: words.joined(separator: " "))) }
        }
        func bool(_ name: String, _ value: String) throws(ViewfinderError) -> Bool {
            switch value.lowercased() {
            case "true", "yes", "1": return true
            case "false", "no", "0": return false
            default: throw ViewfinderError(.invalidInput, "\(name) must be true or false, not '\(value)'")
            }
        }
        for (name, value) in expanded {
            switch name {
            case "q": query.text = value
            case "clip": query.clip = value
            case "similar": query.similar = value
            case "min_score":
                guard let score = Double(value), (-1...1).contains(score) else {
                    throw ViewfinderError(.invalidInput, "min_score must be a number from -1 to 1, not '\(value)'")
                }
                query.minScore = score
            case "clip_weight":
                guard let weight = Double(value), (0...1).contains(weight) else {
                    throw ViewfinderError(.invalidInput, "clip_weight must be a number from 0 to 1, not '\(value)'")
                }
                query.clipWeight = weight
            case "order":
                guard let order = SearchOrder(rawValue: value) else {
                    throw ViewfinderError(.invalidInput, "order must be relevance, newest, oldest, added or name, not '\(value)'")
                }
                query.order = order
            case "count":
                guard let count = Int(value), (1...SearchQuery.maximumCount).contains(count) else {
                    throw ViewfinderError(.invalidInput, "count must be a whole number from 1 to 1000, not '\(value)'")
                }
                query.count = count
            case "offset":
                guard let offset = Int(value), offset >= 0, offset <= 1_000_000 else {
                    throw ViewfinderError(.invalidInput, "offset must be a whole number from 0, not '\(value)'")
                }
                query.offset = offset
            case "year":
                guard let year = Int(value), (1800...3000).contains(year) else {
                    throw ViewfinderError(.invalidInput, "year must be a year like 2021, not '\(value)'")
                }
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
                query.filter.takenAfter = calendar.date(from: DateComponents(year: year, month: 1, day: 1))
                query.filter.takenBefore = calendar.date(from: DateComponents(year: year + 1, month: 1, day: 1))
            case "camera": query.filter.camera = value
            case "album": throw ViewfinderError(.invalidInput, "the album filter is not supported yet")
            case "favorite": query.filter.favorite = try bool(name, value)
            case "archived": query.filter.archived = try bool(name, value)
            case "geo": query.filter.hasLocation = try bool(name, value)
            default: throw ViewfinderError(.invalidInput, "unknown search parameter '\(name.prefix(40))'")
            }
        }
        return query
    }
}
