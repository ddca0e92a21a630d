/// Splits text into the words that keyword search matches: lowercase runs of letters and digits.
public enum KeywordTerms {
    /// The distinct terms of `text`, in order of first appearance.
    public static func terms(in text: String) -> [String] {
        var terms: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty, !terms.contains(current) { terms.append(current) }
            current = ""
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber { current.append(character) } else { flush() }
        }
        flush()
        return terms
    }

    /// The searchable words of a photo: its title, description and keywords.
    public static func words(of metadata: PhotoMetadata) -> Set<String> {
        let text = [metadata.title ?? "", metadata.description ?? "", metadata.keywords.joined(separator: " ")]
            .joined(separator: " ")
        return Set(terms(in: text))
    }
}
