import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ViewfinderTestSupport

/// Every endpoint against a real SQLite catalog and the colour test model, in-process and over a socket.
@Suite(.serialized)
struct EndpointTests {
    @Test(arguments: [TestingSetup.router, .live])
    func photosSearchDetailsSimilarUpdateAndDownload(_ setup: TestingSetup) async throws {
        try await LibraryServer.run(setup) { client, library in
            try await client.execute(uri: "/api/v1/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("ok"))
            }
            // A text query ranks the red photos first and sets the paging headers.
            let red = try await client.execute(uri: "/api/v1/photos?q=red&count=3", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[HTTPField.Name("X-Count")!] == "3")
                #expect(response.headers[HTTPField.Name("X-Limit")!] == "3")
                #expect(response.headers[HTTPField.Name("X-Offset")!] == "0")
                return try response.json([PhotoReply].self)
            }
            #expect(red.map(\.path).allSatisfy { $0.hasPrefix("red/") }, "\(red.map(\.path))")
            #expect(red.allSatisfy { $0.score != nil })
            let first = try #require(red.first)

            // Without a query: the newest photos, no scores; count and offset page through them.
            try await client.execute(uri: "/api/v1/photos?count=10&offset=25", method: .get) { (response: TestResponse) throws in
                #expect(response.status == .ok)
                #expect(try response.json([PhotoReply].self).count == 5)
                #expect(response.headers[HTTPField.Name("X-Offset")!] == "25")
            }
            try await client.execute(uri: "/api/v1/photos?count=1001", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorMessage?.contains("count") == true)
            }
            try await client.execute(uri: "/api/v1/photos?q=" + String(repeating: "a", count: 1001), method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/api/v1/photos?bogus=1", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorMessage?.contains("bogus") == true)
            }
            try await client.execute(uri: "/api/v1/photos/\(first.uid)", method: .get) { (response: TestResponse) throws in
                #expect(response.status == .ok)
                #expect(try response.json(PhotoReply.self).path == first.path)
            }
            try await client.execute(uri: "/api/v1/photos/pzzzzzzzzzzzzzzz", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/photos/\(first.uid)/similar?count=2", method: .get) { response in
                #expect(response.status == .ok)
                let similar = try response.json([PhotoReply].self)
                #expect(similar.count == 2)
                #expect(!similar.contains { $0.uid == first.uid })
                #expect(similar.allSatisfy { $0.path.hasPrefix("red/") }, "\(similar.map(\.path))")
            }
            let update = ByteBuffer(string: #"{"favorite": true, "title": "Red one", "keywords": ["red", "test"]}"#)
            try await client.execute(
                uri: "/api/v1/photos/\(first.uid)", method: .put, headers: [.contentType: "application/json"], body: update
            ) { response in
                #expect(response.status == .ok)
                let photo = try response.json(PhotoReply.self)
                #expect(photo.favorite && photo.title == "Red one" && photo.keywords == ["red", "test"])
            }
            try await client.execute(uri: "/api/v1/photos?favorite=true", method: .get) { (response: TestResponse) throws in
                #expect(try response.json([PhotoReply].self).map(\.uid) == [first.uid])
            }
            try await client.execute(
                uri: "/api/v1/photos/\(first.uid)", method: .put, body: ByteBuffer(string: "{not json")
            ) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: first.download, method: .get) { response in
                #expect(response.status == .ok)
                let original = try Data(contentsOf: library.appendingPathComponent(first.path))
                #expect(Data(response.body.readableBytesView) == original)
                #expect(response.headers[.contentDisposition]?.contains("attachment") == true)
            }
            // Image search: a red picture finds red photos.
            let picture = try Data(contentsOf: library.appendingPathComponent("red/red-02.jpg"))
            let (body, headers) = multipartBody(picture)
            try await client.execute(uri: "/api/v1/search/image?count=3", method: .post, headers: headers, body: body) {
                response in
                #expect(response.status == .ok)
                let found = try response.json([PhotoReply].self)
                #expect(found.count == 3 && found.allSatisfy { $0.path.hasPrefix("red/") }, "\(found.map(\.path))")
            }
            try await client.execute(
                uri: "/api/v1/search/image", method: .post, headers: headers,
                body: multipartBody(Data("not a picture".utf8)).0
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorMessage?.contains("/") == false)
            }
        }
    }

    @Test(arguments: [TestingSetup.router, .live])
    func thumbnailsAlbumsIndexingAndSystem(_ setup: TestingSetup) async throws {
        try await LibraryServer.run(setup) { client, _ in
            let photos = try await client.execute(uri: "/api/v1/photos?count=4&order=name", method: .get) {
                try $0.json([PhotoReply].self)
            }
            try #require(photos.count == 4)
            let thumb = photos[0].thumbs.fit_256
            let etag = try await client.execute(uri: thumb, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/jpeg")
                #expect(response.headers[.cacheControl]?.contains("max-age=31536000") == true)
                #expect(response.body.readableBytes > 100)
                return try #require(response.headers[.eTag])
            }
            try await client.execute(uri: thumb, method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .notModified)
            }
            try await client.execute(uri: "/api/v1/t/\(String(repeating: "0", count: 64))/fit_256", method: .get) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/t/\(photos[0].hash)/fit_9999", method: .get) {
                #expect($0.status == .notFound)
            }

            // Albums: create, rename, add, list, remove, delete.
            let album = try await client.execute(
                uri: "/api/v1/albums", method: .post, body: ByteBuffer(string: #"{"title": "Trip"}"#)
            ) { response in
                #expect(response.status == .created)
                return try response.json(AlbumReply.self)
            }
            try await client.execute(uri: "/api/v1/albums", method: .post, body: ByteBuffer(string: #"{"title": " "}"#)) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(
                uri: "/api/v1/albums/\(album.uid)", method: .put, body: ByteBuffer(string: #"{"title": "Holiday"}"#)
            ) { (response: TestResponse) throws in
                #expect(try response.json(AlbumReply.self).title == "Holiday")
            }
            let members = #"{"photos": ["\#(photos[0].uid)", "\#(photos[1].uid)"]}"#
            try await client.execute(uri: "/api/v1/albums/\(album.uid)/photos", method: .post, body: ByteBuffer(string: members)) { (response: TestResponse) throws in
                #expect(try response.json(AlbumReply.self).photoCount == 2)
            }
            try await client.execute(
                uri: "/api/v1/albums/\(album.uid)/photos", method: .delete,
                body: ByteBuffer(string: #"{"photos": ["\#(photos[0].uid)"]}"#)
            ) { (response: TestResponse) throws in
                #expect(try response.json(AlbumReply.self).photoCount == 1)
            }
            try await client.execute(uri: "/api/v1/albums", method: .get) { (response: TestResponse) throws in
                #expect(try response.json([AlbumReply].self).map(\.title) == ["Holiday"])
            }
            try await client.execute(uri: "/api/v1/albums/\(album.uid)", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/albums/\(album.uid)", method: .delete) { #expect($0.status == .noContent) }
            try await client.execute(uri: "/api/v1/albums/\(album.uid)", method: .get) { #expect($0.status == .notFound) }

            // Indexing: nothing new to embed, so a run finishes quickly and reports idle again.
            try await client.execute(uri: "/api/v1/index", method: .post) { response in
                #expect(response.status == .accepted)
            }
            var state = "scanning"
            for _ in 0..<200 where state != "idle" {
                try await Task.sleep(for: .milliseconds(50))
                state = try await client.execute(uri: "/api/v1/index", method: .get) { try $0.json(IndexReply.self).state }
            }
            #expect(state == "idle")
            try await client.execute(uri: "/api/v1/index", method: .delete) { #expect($0.status == .ok) }

            try await client.execute(uri: "/api/v1/status", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("\"backend\":\"sqlite\""))
                #expect(response.text.contains("\"version\":\"test\""))
            }
            try await client.execute(uri: "/api/v1/models", method: .get) { response in
                #expect(response.text.contains("\"active\":\"viewfinder-test-tiny\""))
                #expect(response.text.contains("\"coverage\":1"))
            }
            try await client.execute(uri: "/api/v1/duplicates", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("\"groups\""))
            }
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response in
                #expect(response.text.contains("\"openapi\": \"3.1.0\""))
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<title>Viewfinder</title>"))
            }
            try await client.execute(uri: "/app.js", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/nothing-here", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.errorMessage != nil)
            }
        }
    }

    @Test func pathTraversalOnEveryIdentifierRouteIsRefused() async throws {
        try await LibraryServer.run(.router) { client, _ in
            let photo = try await client.execute(uri: "/api/v1/photos?count=1", method: .get) {
                try #require(try $0.json([PhotoReply].self).first)
            }
            let attacks = ["../../../../etc/passwd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%2F..%2Fetc%2Fpasswd", "%2fetc%2fpasswd", "..", "%2e%2e"]
            var uris: [String] = []
            for attack in attacks {
                uris += [
                    "/api/v1/photos/\(attack)", "/api/v1/photos/\(attack)/dl", "/api/v1/photos/\(attack)/similar",
                    "/api/v1/t/\(attack)/fit_256", "/api/v1/t/\(photo.hash)/\(attack)", "/api/v1/albums/\(attack)",
                    "/api/v1/albums/\(attack)/photos", "/\(attack)",
                ]
            }
            uris += ["/api/v1/photos//etc/passwd/dl", "/api/v1/t//etc/passwd/fit_256", "//etc/passwd"]
            for uri in uris {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect([.notFound, .badRequest, .methodNotAllowed].contains(response.status), "\(uri) → \(response.status)")
                    #expect(!response.text.contains("root:"), "\(uri) leaked a file")
                }
            }
            try await client.execute(uri: "/api/v1/photos/\(photo.uid)", method: .put, body: ByteBuffer(string: #"{"title": "../x"}"#)) {
                #expect($0.status == .ok)
            }
        }
    }

    @Test func oversizeUploadsAre413AndNeverCrash() async throws {
        try await LibraryServer.run(.live, settings: ["max-upload-bytes": "2048"]) { client, _ in
            let (body, headers) = multipartBody(Data(repeating: 0xff, count: 200_000))
            try await client.execute(uri: "/api/v1/search/image", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.errorMessage?.contains("larger") == true)
            }
            try await client.execute(uri: "/api/v1/health", method: .get) { #expect($0.status == .ok) }
        }
    }
}
