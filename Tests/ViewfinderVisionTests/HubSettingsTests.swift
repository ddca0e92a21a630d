import Foundation
import Testing
import ViewfinderCore
@testable import ViewfinderVision

/// URL building and header parsing for downloads (no network).
struct HubSettingsTests {
    @Test func fileURLsFollowTheHubScheme() throws {
        let settings = HubSettings(baseURL: try HubSettings.parseURL("https://huggingface.co/"))
        #expect(
            settings.fileURL(repository: "immich-app/ViT-B-32__openai", revision: "main", path: "visual/model.onnx")
                .absoluteString == "https://huggingface.co/immich-app/ViT-B-32__openai/resolve/main/visual/model.onnx")
        #expect(
            settings.fileURL(repository: "org/repo", revision: "refs/pr/1", path: "a b.json").absoluteString
                == "https://huggingface.co/org/repo/resolve/refs%2Fpr%2F1/a%20b.json")
    }

    @Test func badHubURLsAreRejected() {
        for text in ["ftp://example.org", "huggingface.co", "https://", "https://hub.example?x=1"] {
            #expect(throws: ViewfinderError.self) { _ = try HubSettings.parseURL(text) }
        }
    }

    @Test func theTokenStaysOnTheHubsOrigin() throws {
        let settings = HubSettings(baseURL: try HubSettings.parseURL("https://huggingface.co"), token: "t")
        #expect(settings.isHubOrigin(URL(string: "https://huggingface.co/a/b")!))
        #expect(settings.isHubOrigin(URL(string: "https://huggingface.co:443/a")!))
        #expect(!settings.isHubOrigin(URL(string: "https://cdn-lfs.huggingface.co/a")!))
        #expect(!settings.isHubOrigin(URL(string: "http://huggingface.co/a")!))
        #expect(HubSettings(baseURL: try HubSettings.parseURL("https://h.example"), token: "").token == nil)
    }

    @Test func theLinkedETagIsTheSHA256() {
        let sha = String(repeating: "ab", count: 32)
        let headers = HubResponseHeaders([
            (name: "x-linked-etag", value: "\"\(sha.uppercased())\""), (name: "ETag", value: "\"0123456789012345678901234567890123456789\""),
            (name: "X-Linked-Size", value: "1234"), (name: "Location", value: "https://cdn.example/x"),
        ])
        #expect(headers.publishedSHA256 == sha)
        #expect(headers.linkedSize == 1234)
        #expect(headers.location == "https://cdn.example/x")
    }

    @Test func gitAndCDNETagsAreNotTakenForChecksums() {
        #expect(HubResponseHeaders([(name: "ETag", value: "\"0123456789012345678901234567890123456789\"")]).publishedSHA256 == nil)
        #expect(HubResponseHeaders([(name: "ETag", value: "W/\"d41d8cd98f00b204e9800998ecf8427e\"")]).publishedSHA256 == nil)
        let sha = String(repeating: "0f", count: 32)
        #expect(HubResponseHeaders([(name: "ETag", value: "W/\"\(sha)\"")]).publishedSHA256 == sha)
    }

    @Test func contentRangesParse() {
        #expect(HubResponseHeaders.parseContentRange("bytes 100-199/1000") == ContentRange(start: 100, end: 199, total: 1000))
        #expect(HubResponseHeaders.parseContentRange("bytes 0-9/*") == ContentRange(start: 0, end: 9, total: nil))
        #expect(HubResponseHeaders.parseContentRange("bytes */1000") == nil)
        #expect(HubResponseHeaders.parseContentRange("items 1-2/3") == nil)
    }
}
