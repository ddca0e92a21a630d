import HTTPTypes
import Foundation
import Hummingbird
import Testing
import ViewfinderCore
import ViewfinderHTTP
import ViewfinderServices
import ViewfinderTestSupport

/// The OpenAPI document in the repository matches the router and the search parser, and is valid OpenAPI 3.1.
struct OpenAPITests {
    static let documentURL = TestPaths.repositoryRoot.appendingPathComponent("Sources/ViewfinderHTTP/Resources/openapi.json")

    private func document() throws -> [String: Any] {
        let data = try Data(contentsOf: Self.documentURL)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func everyAPIRouteIsDocumentedAndEveryDocumentedRouteExists() throws {
        let router = try ViewfinderHTTPServer.router(dependencies: fakeDependencies(), settings: HTTPServerSettings())
        let paths = try #require(try document()["paths"] as? [String: [String: Any]])
        var documented = Set<String>()
        for (path, operations) in paths {
            for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
        }
        let routed = Set(router.routes.map { "\($0.method.rawValue) \($0.path.description)" }.filter { $0.contains(" /api/") })
        #expect(routed.subtracting(documented).isEmpty, "undocumented routes: \(routed.subtracting(documented).sorted())")
        #expect(documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed).sorted())")
    }

    @Test func everyDocumentedSearchParameterIsUnderstoodByTheParser() throws {
        let paths = try #require(try document()["paths"] as? [String: [String: Any]])
        let get = try #require(paths["/api/v1/photos"]?["get"] as? [String: Any])
        let parameters = try #require(get["parameters"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        for name in ["q", "clip", "similar", "min_score", "order", "count", "offset", "year", "camera", "album", "favorite", "geo"] {
            #expect(parameters.contains(name), "\(name) is not documented for GET /photos")
        }
        for name in parameters {
            do {
                _ = try SearchQuery.parse([(name: name, value: "1")])
            } catch {
                #expect(!error.message.contains("unknown search field"), "the parser does not know '\(name)'")
            }
        }
    }

    @Test func theDocumentIsValidOpenAPI31() throws {
        let result = try ProcessRunner.run(ProcessRunner.python, ["-m", "openapi_spec_validator", Self.documentURL.path])
        #expect(result.status == 0, "openapi-spec-validator: \(result.stdout) \(result.stderr)")
        try #expect(try document()["openapi"] as? String == "3.1.0")
    }
}
