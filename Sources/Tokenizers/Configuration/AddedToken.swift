/// A token declared in `added_tokens`, matched in the text before the model runs.
struct AddedToken: Sendable {
    let id: Int
    let content: String
    let isSpecial: Bool
    /// Matched in the normalised text (true) or in the raw text (false).
    let isNormalized: Bool
    /// Matches only when not inside a word.
    let singleWord: Bool
    /// Swallows the whitespace on its left.
    let leftStrip: Bool
    /// Swallows the whitespace on its right.
    let rightStrip: Bool

    init(_ json: JSONValue) throws(TokenizerError) {
        guard let id = json["id"]?.int, let content = json["content"]?.string else {
            throw .missing("id/content", in: "added_tokens")
        }
        self.id = id
        self.content = content
        self.isSpecial = json["special"]?.bool ?? false
        self.isNormalized = json["normalized"]?.bool ?? !isSpecial
        self.singleWord = json["single_word"]?.bool ?? false
        self.leftStrip = json["lstrip"]?.bool ?? false
        self.rightStrip = json["rstrip"]?.bool ?? false
    }
}
