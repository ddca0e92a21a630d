import Foundation
import Testing

/// ViewfinderCore is the domain: SQL text and column names belong to ViewfinderSQL and the backends.
struct NoSQLInCoreTests {
    /// SQL keywords (as SQL writes them) and the schema's table and column names.
    static let sqlPatterns = [
        #"\bSELECT\b"#, #"\bFROM\b"#, #"\bWHERE\b"#, #"\bLIKE\b"#, #"\bORDER BY\b"#, #"\bINSERT INTO\b"#,
        #"\bUPDATE\s+\w+\s+SET\b"#, #"\bDELETE FROM\b"#, #"\bESCAPE\b"#, #"\bCOALESCE\b"#, #"\bJOIN\b"#,
        #"\b(?i:coalesce|lower|strftime)\("#, #"\bphotos\.\w"#, #"\balbum_photos\b"#, #"\bphotos_fts\b"#,
        #"\btaken_at\b"#, #"\bindex_status\b"#, #"\bcontent_hash\b"#, #"\bcamera_make\b"#, #"\bmime_type\b"#,
        #"\blibrary_id\b"#, #"\bsearch_text\b"#,
    ].map { pattern in
        // The patterns are constants of this test; a bad one is a programming error.
        try! NSRegularExpression(pattern: pattern)
    }

    @Test func coreSourcesHoldNoSQL() throws {
        let core = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/ViewfinderCore")
        let files = try Self.swiftFiles(under: core)
        #expect(files.count > 20, "ViewfinderCore's sources were not found at \(core.path)")
        var findings: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            findings += Self.findings(in: text).map { "\(file.lastPathComponent):\($0)" }
        }
        #expect(findings.isEmpty, "SQL in ViewfinderCore:\n\(findings.joined(separator: "\n"))")
    }

    @Test func theCheckFindsSQLInStringsButNotInComments() {
        let code = #"""
            /// Sorted like ORDER BY, SELECT from WHERE you like.
            // photos.taken_at is only mentioned here.
            let order = "photos.taken_at DESC"
            let query = """
                SELECT id FROM photos
                """
            let note = "select what you like from where you are"
            """#
        #expect(Self.findings(in: code) == ["3: photos.taken_at DESC", "5:     SELECT id FROM photos"])
    }

    /// `line: text` for every string-literal line of `source` that contains SQL (comments are skipped).
    static func findings(in source: String) -> [String] {
        var found: [String] = []
        var inBlock = false
        for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            var literals: [String] = []
            if inBlock {
                if trimmed.hasPrefix("\"\"\"") { inBlock = false } else { literals.append(String(line)) }
            } else if trimmed.hasPrefix("//") {
                continue
            } else if trimmed.hasSuffix("\"\"\"") && !trimmed.hasPrefix("\"\"\"") {
                inBlock = true
            } else {
                literals += Self.stringLiterals(in: String(line))
            }
            if literals.contains(where: containsSQL) {
                found.append("\(index + 1): \(literals.joined(separator: " "))")
            }
        }
        return found
    }

    /// The contents of the one-line string literals in `line`.
    static func stringLiterals(in line: String) -> [String] {
        var literals: [String] = []
        var current: String?
        var escaped = false
        for character in line {
            if var text = current {
                if escaped { escaped = false; text.append(character) }
                else if character == "\\" { escaped = true; text.append(character) }
                else if character == "\"" { literals.append(text); current = nil; continue }
                else { text.append(character) }
                current = text
            } else if character == "\"" {
                current = ""
            }
        }
        return literals
    }

    static func containsSQL(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..., in: text)
        return sqlPatterns.contains { $0.firstMatch(in: text, range: range) != nil }
    }

    static func swiftFiles(under directory: URL) throws -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            return []
        }
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
    }
}
