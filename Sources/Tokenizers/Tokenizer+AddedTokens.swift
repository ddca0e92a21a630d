extension Tokenizer {
    /// A stretch of input: either an added token or ordinary text.
    enum Segment: Equatable {
        case added(Int)
        case text(String)
    }
}

extension Tokenizer {
    /// Splits raw text at occurrences of added tokens (longest first at each position).
    func splitOnAddedTokens(_ text: String) -> [Segment] {
        let candidates = addedTokensForMatching
        guard !candidates.isEmpty else { return [.text(text)] }
        var segments: [Segment] = []
        var pending = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        outer: while index < scalars.count {
            for (id, pattern) in candidates where scalars.count - index >= pattern.count {
                if scalars[index..<(index + pattern.count)].elementsEqual(pattern) {
                    if !pending.isEmpty { segments.append(.text(String(pending))) }
                    pending = String.UnicodeScalarView()
                    segments.append(.added(id))
                    index += pattern.count
                    continue outer
                }
            }
            pending.append(scalars[index])
            index += 1
        }
        if !pending.isEmpty { segments.append(.text(String(pending))) }
        return segments
    }
}
