/// The `single` template of Hugging Face's TemplateProcessing, e.g. `[CLS] $A [SEP]`.
struct TemplateProcessing: PostProcessor {
    private enum Piece: Sendable {
        case special([Int])
        case sequence
    }

    private let pieces: [Piece]

    init(_ json: JSONValue) throws(TokenizerError) {
        guard let single = json["single"]?.array else { throw .missing("single", in: "TemplateProcessing") }
        let specials = json["special_tokens"]?.object ?? JSONObject([])
        var pieces: [Piece] = []
        for item in single {
            if let special = item["SpecialToken"] {
                guard let name = special["id"]?.string,
                    let ids = specials[name]?["ids"]?.array?.compactMap({ $0.int })
                else { throw .missing("special_tokens entry", in: "TemplateProcessing") }
                pieces.append(.special(ids))
            } else if item["Sequence"] != nil {
                pieces.append(.sequence)
            } else {
                throw .missing("SpecialToken or Sequence", in: "TemplateProcessing")
            }
        }
        self.pieces = pieces
    }

    var addedTokenCount: Int {
        pieces.reduce(0) { count, piece in
            if case .special(let ids) = piece { return count + ids.count }
            return count
        }
    }

    func process(_ ids: [Int]) -> [Int] {
        pieces.flatMap { piece -> [Int] in
            switch piece {
            case .special(let special): return special
            case .sequence: return ids
            }
        }
    }
}
