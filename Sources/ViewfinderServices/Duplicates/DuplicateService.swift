public import ViewfinderCore

/// Finds near-duplicate photos: nearest neighbours by embedding, joined into groups with union-find.
public struct DuplicateService: Sendable {
    /// The catalog roles duplicate finding reads besides vector similarity.
    public typealias Store = PhotoReading & EmbeddingReading

    /// The photos and their stored vectors.
    public let catalog: any Store
    /// Finds each photo's nearest neighbours.
    public let vectors: any VectorSearching
    /// Neighbours looked at per photo; a group larger than this is still found through its links.
    public let neighbours: Int

    /// The default largest cosine distance (1 − similarity) for two photos to count as duplicates.
    public static let defaultMaxDistance: Float = 0.02

    /// Creates a service over `catalog`'s vectors, ranked by `vectors`.
    public init(catalog: any Store, vectors: any VectorSearching, neighbours: Int = 8) {
        self.catalog = catalog
        self.vectors = vectors
        self.neighbours = max(1, neighbours)
    }

    /// Groups of photos embedded with `model` at `dims` whose linked members are at most `maxDistance` apart.
    ///
    /// Every photo asks the vector role for its nearest neighbours (its vector index does the work); each pair within
    /// `maxDistance` is a link, and linked photos form one group. Groups are ordered by their keeper's id.
    public func groups(model: ModelID, dims: Int, maxDistance: Float = defaultMaxDistance) async throws(ViewfinderError)
        -> [DuplicateGroup]
    {
        guard maxDistance.isFinite, (0...2).contains(maxDistance) else {
            throw ViewfinderError(.invalidInput, "max-distance must be between 0 and 2, not \(maxDistance)")
        }
        let stored = try await catalog.vectors(model: model, dims: dims)
        var sets = UnionFind()
        var largest: [Int64: Float] = [:]
        for vector in stored {
            let matches = try await vectors.nearest(
                to: Embedding(model: model, vector: vector.vector), limit: neighbours + 1, filter: .everything,
                strategy: .automatic)
            for match in matches where match.photoID != vector.photoID {
                let distance = max(0, 1 - match.similarity)
                guard distance <= maxDistance else { continue }
                sets.union(vector.photoID, match.photoID)
                largest[vector.photoID] = max(largest[vector.photoID] ?? 0, distance)
            }
        }
        var members: [Int64: [Int64]] = [:]
        for id in sets.elements { members[sets.find(id), default: []].append(id) }
        let linked = members.values.filter { $0.count > 1 }
        guard !linked.isEmpty else { return [] }
        var photos: [Int64: Photo] = [:]
        for photo in try await catalog.photos(ids: linked.flatMap { $0 }) { photos[photo.id] = photo }
        var groups: [DuplicateGroup] = []
        for ids in linked {
            let group = ids.compactMap { photos[$0] }.sorted(by: Self.isBetterKeeper)
            guard let keeper = group.first, group.count > 1 else { continue }
            groups.append(DuplicateGroup(
                keeper: keeper, others: group.dropFirst().sorted { $0.id < $1.id },
                largestDistance: ids.compactMap { largest[$0] }.max() ?? 0))
        }
        return groups.sorted { $0.keeper.id < $1.keeper.id }
    }

    /// Keeper order: more pixels, then a larger file, then the smaller id.
    static func isBetterKeeper(_ a: Photo, _ b: Photo) -> Bool {
        let pixelsA = a.width * a.height
        let pixelsB = b.width * b.height
        if pixelsA != pixelsB { return pixelsA > pixelsB }
        if a.size != b.size { return a.size > b.size }
        return a.id < b.id
    }
}

/// Disjoint sets over photo ids, with path halving and union by size.
struct UnionFind {
    private var parent: [Int64: Int64] = [:]
    private var size: [Int64: Int] = [:]

    /// Every id ever joined.
    var elements: Dictionary<Int64, Int64>.Keys { parent.keys }

    /// The representative of `id`'s set (adding `id` as a set of its own when new).
    mutating func find(_ id: Int64) -> Int64 {
        if parent[id] == nil {
            parent[id] = id
            size[id] = 1
        }
        var current = id
        while let next = parent[current], next != current {
            let grandparent = parent[next] ?? next
            parent[current] = grandparent
            current = grandparent
        }
        return current
    }

    /// Joins the sets of `a` and `b`.
    mutating func union(_ a: Int64, _ b: Int64) {
        var rootA = find(a)
        var rootB = find(b)
        guard rootA != rootB else { return }
        if (size[rootA] ?? 1) < (size[rootB] ?? 1) { swap(&rootA, &rootB) }
        parent[rootB] = rootA
        size[rootA, default: 1] += size[rootB] ?? 1
    }
}
