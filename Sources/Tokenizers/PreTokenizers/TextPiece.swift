/// A stretch of normalised text on its way to the model.
struct TextPiece: Sendable {
    /// The scalars of the piece.
    var scalars: [Unicode.Scalar]
    /// Whether the piece starts at the very beginning of the input (Metaspace's `first` scheme).
    var startsText: Bool
}

/// How a split pattern's matches are kept (Hugging Face's `SplitDelimiterBehavior`).
enum SplitBehavior: String, Sendable {
    case removed = "Removed"
    case isolated = "Isolated"
    case mergedWithPrevious = "MergedWithPrevious"
    case mergedWithNext = "MergedWithNext"
    case contiguous = "Contiguous"

    /// Reads a behaviour name; `fallback` when absent.
    init(_ json: JSONValue?, fallback: SplitBehavior, in component: String) throws(TokenizerError) {
        guard let name = json?.string else {
            self = fallback
            return
        }
        guard let behavior = SplitBehavior(rawValue: name) else { throw .unsupported("split behavior in \(component)", name) }
        self = behavior
    }

    /// Splits `piece` at `matches` (sorted, non-overlapping), appending the non-empty results to `output`.
    func split(_ piece: TextPiece, at matches: [Range<Int>], invert: Bool = false, into output: inout [TextPiece]) {
        let count = piece.scalars.count
        guard count > 0 else { return }
        if matches.isEmpty && !invert {
            // No match: the whole piece is one non-matching stretch, kept by every behaviour.
            output.append(piece)
            return
        }
        // The stretches covering the piece: (range, isMatch).
        var spans: [(range: Range<Int>, isMatch: Bool)] = []
        spans.reserveCapacity(matches.count * 2 + 1)
        var position = 0
        for match in matches {
            if position < match.lowerBound { spans.append((position..<match.lowerBound, invert)) }
            spans.append((match, !invert))
            position = match.upperBound
        }
        if position < count { spans.append((position..<count, invert)) }

        var kept: [Range<Int>] = []
        kept.reserveCapacity(spans.count)
        switch self {
        case .isolated:
            kept = spans.map(\.range)
        case .removed:
            kept = spans.filter { !$0.isMatch }.map(\.range)
        case .contiguous:
            var previousMatch = false
            for span in spans {
                if span.isMatch == previousMatch, let last = kept.last {
                    kept[kept.count - 1] = last.lowerBound..<span.range.upperBound
                } else {
                    kept.append(span.range)
                }
                previousMatch = span.isMatch
            }
        case .mergedWithPrevious:
            var previousMatch = false
            for span in spans {
                if span.isMatch && !previousMatch, let last = kept.last {
                    kept[kept.count - 1] = last.lowerBound..<span.range.upperBound
                } else {
                    kept.append(span.range)
                }
                previousMatch = span.isMatch
            }
        case .mergedWithNext:
            var previousMatch = false
            for span in spans.reversed() {
                if span.isMatch && !previousMatch, let last = kept.last {
                    kept[kept.count - 1] = span.range.lowerBound..<last.upperBound
                } else {
                    kept.append(span.range)
                }
                previousMatch = span.isMatch
            }
            kept.reverse()
        }
        for range in kept where !range.isEmpty {
            output.append(TextPiece(
                scalars: Array(piece.scalars[range]), startsText: piece.startsText && range.lowerBound == 0))
        }
    }
}

extension Array where Element == Unicode.Scalar {
    /// Each scalar satisfying `predicate` as its own one-scalar match.
    func scalarMatches(where predicate: (Unicode.Scalar) -> Bool) -> [Range<Int>] {
        var matches: [Range<Int>] = []
        for index in indices where predicate(self[index]) { matches.append(index..<(index + 1)) }
        return matches
    }
}
