import ViewfinderCore

/// Mixes semantic similarity and keyword relevance: `w × sim + (1 − w) × keyword`, both normalised to [0, 1].
///
/// Semantic: `(s − lo) / (hi − lo)` where `hi` is the best similarity in the answer and `lo` the threshold
/// (`min_score`) or, without one, −1; a single distinct similarity normalises to 1. Keyword: relevance divided
/// by the best relevance in the answer (backend scores are only comparable within one answer). A photo found
/// only by keywords has semantic part 0; one found only by similarity has keyword part 0. With `w` = 1 the
/// score is the raw cosine similarity (the ranking is the same, and `min_score` stays readable).
enum HybridScore {
    /// One scored photo.
    struct Item: Equatable {
        var photoID: Int64
        var score: Float
        var similarity: Float?
    }

    /// Scores the union of both answers; similarity order first, keyword-only photos after.
    static func combine(_ vectors: [VectorMatch], _ keywords: [KeywordMatch], weight: Double, floor: Float?) -> [Item] {
        if weight >= 1 {
            return vectors.map { Item(photoID: $0.photoID, score: $0.similarity, similarity: $0.similarity) }
        }
        let high = vectors.map(\.similarity).max() ?? 1
        let low = min(floor ?? -1, high)
        let bestRelevance = keywords.map(\.relevance).max() ?? 0
        var items: [Int64: Item] = [:]
        var order: [Int64] = []
        let w = Float(weight)
        for match in vectors {
            let semantic = high > low ? (match.similarity - low) / (high - low) : 1
            items[match.photoID] = Item(photoID: match.photoID, score: w * max(0, min(1, semantic)), similarity: match.similarity)
            order.append(match.photoID)
        }
        for match in keywords where bestRelevance > 0 {
            let part = (1 - w) * Float(match.relevance / bestRelevance)
            if var item = items[match.photoID] {
                item.score += part
                items[match.photoID] = item
            } else {
                items[match.photoID] = Item(photoID: match.photoID, score: part, similarity: nil)
                order.append(match.photoID)
            }
        }
        return order.compactMap { items[$0] }
    }
}
