import Foundation

/// Glob patterns that exclude files and folders from a scan, in the spirit of `.gitignore`.
///
/// A pattern without `/` matches a name at any depth below its folder (`*.tmp`, `@eaDir`); a pattern with a `/`
/// matches the path relative to its folder (`raw/*.dng`; a leading `/` only anchors); a trailing `/` matches
/// folders only. `*`, `?` and `[…]` work as in the shell; in anchored patterns `*` also crosses folders, so `**`
/// behaves as expected. Blank lines and lines starting with `#` are ignored.
public struct IgnorePatterns: Sendable, Equatable {
    /// One parsed pattern.
    struct Pattern: Sendable, Equatable {
        /// The shell pattern, without a leading or trailing `/`.
        let glob: String
        /// Whether it matches the path relative to its folder (else a name at any depth).
        let anchored: Bool
        /// Whether it matches folders only.
        let foldersOnly: Bool
    }

    /// The folder the patterns are relative to, relative to the library root ("" for the root).
    public let base: String
    /// The parsed patterns, in file order.
    let patterns: [Pattern]

    /// Parses `lines` (configuration entries or the lines of a `.viewfinderignore`) for the folder `base`.
    public init(base: String, lines: [String]) {
        self.base = base
        patterns = lines.compactMap { line in
            var text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, !text.hasPrefix("#") else { return nil }
            let foldersOnly = text.hasSuffix("/")
            if foldersOnly { text.removeLast() }
            let anchored = text.contains("/")
            while text.hasPrefix("/") { text.removeFirst() }
            guard !text.isEmpty else { return nil }
            return Pattern(glob: text, anchored: anchored, foldersOnly: foldersOnly)
        }
    }

    /// Whether there are no patterns.
    public var isEmpty: Bool { patterns.isEmpty }

    /// Whether `relativePath` (relative to the library root) is excluded by these patterns.
    public func excludes(_ relativePath: String, isFolder: Bool) -> Bool {
        let local: Substring
        if base.isEmpty {
            local = Substring(relativePath)
        } else {
            guard relativePath.hasPrefix(base + "/") else { return false }
            local = relativePath.dropFirst(base.count + 1)
        }
        let name = local.split(separator: "/").last.map(String.init) ?? String(local)
        for pattern in patterns where isFolder || !pattern.foldersOnly {
            let subject = pattern.anchored ? String(local) : name
            if fnmatch(pattern.glob, subject, 0) == 0 { return true }
        }
        return false
    }
}
