import Crypto
import _CryptoExtras
import Foundation

/// PBKDF2-SHA256 password hashes in the form `pbkdf2-sha256$rounds$salt-hex$key-hex`.
public enum PasswordHash {
    /// The rounds used for new hashes (OWASP's minimum for PBKDF2-SHA256).
    public static let rounds = 210_000

    /// Hashes `password` with a fresh random salt.
    public static func make(_ password: String) throws(ViewfinderHTTPError) -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let key = try derive(password, salt: salt, rounds: rounds)
        return "pbkdf2-sha256$\(rounds)$\(Hex.encode(salt))$\(Hex.encode(key))"
    }

    /// Checks the form of a stored hash.
    public static func validate(_ stored: String) throws(ViewfinderHTTPError) {
        guard parse(stored) != nil else {
            throw ViewfinderHTTPError("the admin password hash must look like pbkdf2-sha256$ROUNDS$SALT$KEY; make one with `viewfinder serve --hash-password`")
        }
    }

    /// Whether `password` matches `stored`, compared in constant time.
    public static func verify(_ password: String, against stored: String) -> Bool {
        guard let (rounds, salt, expected) = parse(stored),
            let key = try? derive(password, salt: salt, rounds: rounds)
        else { return false }
        return ConstantTime.equal(key, expected)
    }

    /// The shortest API token accepted for hashing: 22 base64 characters carry about 128 bits.
    public static let minimumTokenLength = 22

    /// A new API token: 32 random bytes as 64 hex characters.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return Hex.encode((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// The digest to configure for `token`, refusing tokens too short to resist guessing.
    public static func checkedTokenDigest(_ token: String) throws(ViewfinderHTTPError) -> String {
        guard token.count >= minimumTokenLength else {
            throw ViewfinderHTTPError(
                "an API token needs at least \(minimumTokenLength) characters (about 128 bits); "
                    + "use `viewfinder serve --new-token` to make a random one")
        }
        return tokenDigest(token)
    }

    /// Lowercase hex SHA-256 of `token` (how API tokens are configured and compared).
    public static func tokenDigest(_ token: String) -> String {
        Hex.encode(Array(SHA256.hash(data: Array(token.utf8))))
    }

    private static func parse(_ stored: String) -> (Int, [UInt8], [UInt8])? {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let rounds = Int(parts[1]), rounds >= 210_000,
            let salt = Hex.decode(parts[2]), let key = Hex.decode(parts[3]), !salt.isEmpty, key.count == 32
        else { return nil }
        return (rounds, salt, key)
    }

    private static func derive(_ password: String, salt: [UInt8], rounds: Int) throws(ViewfinderHTTPError) -> [UInt8] {
        do {
            let key = try KDF.Insecure.PBKDF2.deriveKey(
                from: Array(password.utf8), salt: salt, using: .sha256, outputByteCount: 32, rounds: rounds)
            return key.withUnsafeBytes { Array($0) }
        } catch {
            throw ViewfinderHTTPError("the password could not be hashed")
        }
    }
}
