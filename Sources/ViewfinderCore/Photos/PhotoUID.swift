/// Generates photo uids: a `p` and 15 random base-36 characters, like PhotoPrism's.
public enum PhotoUID {
    private static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")

    /// A new random uid.
    public static func make() -> String { make(prefix: "p") }

    /// A new random uid for another kind of entity (`a` for albums).
    public static func make(prefix: Character) -> String {
        var generator = SystemRandomNumberGenerator()
        return String(prefix) + String((0..<15).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// Whether `value` has the shape of a uid (used to refuse anything else in identifiers).
    public static func isValid(_ value: String) -> Bool {
        value.count == 16 && value.first == "p" && value.dropFirst().allSatisfy { alphabet.contains($0) }
    }
}
