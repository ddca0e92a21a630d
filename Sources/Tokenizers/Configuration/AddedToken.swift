/// A token declared in `added_tokens`, matched in the raw text before the model runs.
struct AddedToken: Sendable, Hashable {
    let id: Int
    let content: String
    let isSpecial: Bool
    let isNormalized: Bool

    init(_ json: JSONValue) throws(TokenizerError) {
        guard let id = json["id"]?.int, let content = json["content"]?.string else {
            throw .missing("id/content", in: "added_tokens")
        }
        self.id = id
        self.content = content
        self.isSpecial = json["special"]?.bool ?? false
        self.isNormalized = json["normalized"]?.bool ?? !isSpecial
    }
}
