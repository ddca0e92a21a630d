/// Splits PhotoPrism's `q` into `key:value` terms and free text.
///
/// Terms are separated by whitespace. `key:"a b"` quotes a value; `"red car"` quotes free text. A term is a
/// filter when the part before its first `:` is a name of letters and underscores; anything else is text.
struct QueryTerms: Equatable {
    /// The `key:value` terms, in order, keys lowercased.
    var fields: [(name: String, value: String)] = []
    /// The free-text words and quoted phrases, in order.
    var text: [String] = []

    /// Equal when texts and fields (names and values, in order) are equal.
    static func == (lhs: QueryTerms, rhs: QueryTerms) -> Bool {
        lhs.text == rhs.text && lhs.fields.map(\.name) == rhs.fields.map(\.name)
            && lhs.fields.map(\.value) == rhs.fields.map(\.value)
    }

    /// Parses `q`; an unterminated quote is an error.
    init(parsing q: String) throws(ViewfinderError) {
        var characters = Array(q)[...]
        while true {
            while let first = characters.first, first.isWhitespace { characters = characters.dropFirst() }
            guard let first = characters.first else { break }
            if first == "\"" {
                text.append(try Self.quoted(&characters))
                continue
            }
            var token = ""
            while let next = characters.first, !next.isWhitespace {
                if next == ":", Self.isFieldName(token) {
                    characters = characters.dropFirst()
                    let value: String
                    if characters.first == "\"" {
                        value = try Self.quoted(&characters)
                    } else {
                        var plain = ""
                        while let c = characters.first, !c.isWhitespace { plain.append(c); characters = characters.dropFirst() }
                        value = plain
                    }
                    fields.append((token.lowercased(), value))
                    token = ""
                    break
                }
                token.append(next)
                characters = characters.dropFirst()
            }
            if !token.isEmpty { text.append(token) }
        }
    }

    /// Reads a `"…"` run starting at the opening quote and returns what is inside.
    private static func quoted(_ characters: inout ArraySlice<Character>) throws(ViewfinderError) -> String {
        characters = characters.dropFirst()
        var value = ""
        while let next = characters.first {
            characters = characters.dropFirst()
            if next == "\"" { return value }
            value.append(next)
        }
        throw ViewfinderError(.invalidInput, "q has a quote (\") that is never closed")
    }

    private static func isFieldName(_ token: String) -> Bool {
        !token.isEmpty && token.allSatisfy { ($0.isLetter && $0.isASCII) || $0 == "_" }
    }
}
