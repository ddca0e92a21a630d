/// Token ids ready for a text encoder: fixed length, with the attention mask.
public struct Encoding: Sendable, Equatable {
    /// The token ids, padded to the requested length.
    public let ids: [Int]
    /// 1 for real tokens, 0 for padding.
    public let attentionMask: [Int]

    /// Creates an encoding; both arrays must have the same length.
    public init(ids: [Int], attentionMask: [Int]) {
        self.ids = ids
        self.attentionMask = attentionMask
    }
}
