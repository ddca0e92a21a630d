import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import ViewfinderCore
import ViewfinderHTTP
import ViewfinderTestSupport

/// The parser, `GET /api/v1/search/fields`, the OpenAPI document, `viewfinder search --help`, the generator's copy of
/// the table and docs/search.md all list the same search fields, because all of them come from `SearchField.all`.
@Suite(.serialized)
struct SearchFieldAgreementTests {
    static let root = TestPaths.repositoryRoot
    /// The generator's input: a copy of what the endpoint serves.
    static let copyURL = root.appendingPathComponent("tools/openapi/search-fields.json")
    /// Where a fresh copy is written when the committed one is stale.
    static let freshURL = root.appendingPathComponent("var/test-output/search-fields.json")

    /// The endpoint's JSON body, served by a router over the fakes.
    private func served() async throws -> Data {
        let settings = HTTPServerSettings(port: 0)
        let router = try ViewfinderHTTPServer.router(dependencies: fakeDependencies(), settings: settings)
        var logger = Logger(label: "search-fields-test")
        logger.logLevel = .warning
        let app = ViewfinderHTTPServer.application(router: router, settings: settings, logger: logger)
        return try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/search/fields", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                return Data(response.body.readableBytesView)
            }
        }
    }

    private func jsonObject(_ data: Data) throws -> Any { try JSONSerialization.jsonObject(with: data) }

    /// Names and aliases of a fields list as JSON.
    private func names(_ fields: [[String: Any]]) -> [String] {
        fields.flatMap { field in [field["name"] as? String ?? "?"] + (field["aliases"] as? [String] ?? []) }
    }

    @Test func theEndpointServesCoresTable() async throws {
        let fields = try #require(try jsonObject(try await served()) as? [[String: Any]])
        #expect(names(fields) == SearchField.allNames)
        for (json, field) in zip(fields, SearchField.all) {
            #expect(json["kind"] as? String == field.kind.rawValue, "\(field.name)")
            #expect(json["filter"] as? Bool == field.isFilter && json["list"] as? Bool == field.list, "\(field.name)")
            #expect(json["help"] as? String == field.help && json["example"] as? String == field.example, "\(field.name)")
            let range = json["range"] as? [String: Double]
            #expect(range.map { $0["min"]! ... $0["max"]! } == field.range, "\(field.name)")
        }
    }

    @Test func theParserKnowsExactlyTheServedFields() async throws {
        let fields = try #require(try jsonObject(try await served()) as? [[String: Any]])
        for field in fields {
            let example = try #require(field["example"] as? String)
            for name in [field["name"] as? String ?? ""] + (field["aliases"] as? [String] ?? []) {
                do {
                    _ = try SearchQuery.parse([(name: name, value: example)])
                } catch {
                    #expect(!error.message.contains("unknown search field"), "the parser does not know '\(name)'")
                }
            }
        }
        #expect(SearchQuery.fieldNames == names(fields))
    }

    @Test func theGeneratorsCopyIsWhatTheEndpointServes() async throws {
        let body = try await served()
        try FileManager.default.createDirectory(at: Self.freshURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        // One field per line, keys sorted: a new field is a one-line diff.
        let lines = try #require(try jsonObject(body) as? [Any]).map { field in
            String(decoding: try JSONSerialization.data(withJSONObject: field, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
        }
        try Data(("[\n" + lines.joined(separator: ",\n") + "\n]\n").utf8).write(to: Self.freshURL)
        let committed = try jsonObject(try Data(contentsOf: Self.copyURL)) as? NSArray
        let current = try jsonObject(body) as? NSArray
        #expect(
            committed == current,
            """
            tools/openapi/search-fields.json differs from GET /api/v1/search/fields: \
            cp var/test-output/search-fields.json tools/openapi/ && tools/openapi/generate_openapi.py
            """)
    }

    @Test func theOpenAPIDocumentListsTheSameFieldsAndIsGenerated() async throws {
        let fields = try #require(try jsonObject(try await served()) as? [[String: Any]])
        let document = try #require(
            try jsonObject(try Data(contentsOf: OpenAPITests.documentURL)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let photos = try #require(paths["/api/v1/photos"]?["get"] as? [String: Any])
        let parameters = try #require(photos["parameters"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(parameters == ["q"] + names(fields))
        #expect(paths["/api/v1/search/fields"]?["get"] != nil)
        let check = try ProcessRunner.run(
            ProcessRunner.python, [Self.root.appendingPathComponent("tools/openapi/generate_openapi.py").path, "--check"])
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
    }

    @Test func theCLIHelpListsTheSameFields() async throws {
        let fields = try #require(try jsonObject(try await served()) as? [[String: Any]])
        let help = try ProcessRunner.run(ProcessRunner.viewfinderBinary, ["search", "--help"])
        #expect(help.status == 0, "\(help.stderr)")
        let options = Set(Self.options(in: help.stdout))
        for name in names(fields) {
            #expect(options.contains(name.replacingOccurrences(of: "_", with: "-")), "--help does not mention --\(name)")
        }
        // The generated section lists the fields, and nothing else.
        let start = try #require(help.stdout.range(of: "SEARCH FIELDS"))
        let end = try #require(help.stdout.range(of: "USAGE:", range: start.upperBound..<help.stdout.endIndex))
        let listed = help.stdout[start.upperBound..<end.lowerBound].split(separator: "\n")
            .filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
            .flatMap { Self.options(in: String($0)) }
        let dashed = Set(names(fields).map { $0.replacingOccurrences(of: "_", with: "-") })
        #expect(!listed.isEmpty && Set(listed).isSubset(of: dashed), "\(Set(listed).subtracting(dashed))")
    }

    @Test func theDocsTableListsTheSameFields() async throws {
        let fields = try #require(try jsonObject(try await served()) as? [[String: Any]])
        let docs = try String(contentsOf: Self.root.appendingPathComponent("docs/search.md"), encoding: .utf8)
        let begin = try #require(docs.range(of: "<!-- search-fields:begin"))
        let end = try #require(docs.range(of: "<!-- search-fields:end -->"))
        let rows = docs[begin.upperBound..<end.lowerBound].split(separator: "\n").filter { $0.hasPrefix("| `") }
        let documented = rows.flatMap { row in
            row.split(separator: "|", omittingEmptySubsequences: true).first.map { cell in
                cell.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["`"]) }
            } ?? []
        }
        #expect(documented == names(fields))
    }

    /// The `--long-option` names in `text`, without the dashes.
    static func options(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let range = rest.range(of: "--") {
            rest = rest[range.upperBound...]
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            if let first = name.first, first.isLetter { names.append(String(name)) }
            rest = rest.dropFirst(name.count)
        }
        return names
    }
}
