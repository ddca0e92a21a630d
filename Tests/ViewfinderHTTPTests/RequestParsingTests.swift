import Foundation
import Testing
import ViewfinderCore
@testable import ViewfinderHTTP

/// Pure parsing and bookkeeping: query strings, multipart bodies, identifiers, upload slots, login throttling.
struct RequestParsingTests {
    @Test func queryItemsDecodePlusAndPercentEscapesAndEnforceTheLength() throws {
        let items = try QueryItems.parse("q=red+car%20at%20night&count=10&favorite", maxLength: 100)
        #expect(items.map(\.name) == ["q", "count", "favorite"])
        #expect(items.map(\.value) == ["red car at night", "10", ""])
        #expect(throws: APIError.self) { try QueryItems.parse("q=%zz", maxLength: 100) }
        #expect(throws: APIError.self) { try QueryItems.parse("q=" + String(repeating: "x", count: 101), maxLength: 100) }
        #expect(try QueryItems.parse(nil, maxLength: 1).isEmpty)
    }

    @Test func multipartFormFindsTheFilePart() throws {
        let body = Array(
            ("--b0undary\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
                + "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
                + "\u{1}\u{2}\r\n\u{3}\r\n--b0undary--\r\n").utf8)
        let boundary = try #require(MultipartForm.boundary(fromContentType: "multipart/form-data; boundary=\"b0undary\""))
        let form = try #require(MultipartForm(body: body, boundary: boundary))
        #expect(form.parts.count == 2)
        #expect(form.parts[0].name == "note" && Array(form.parts[0].data) == Array("hello".utf8))
        #expect(form.parts[1].filename == "a.jpg" && form.parts[1].contentType == "image/jpeg")
        #expect(Array(form.parts[1].data) == [1, 2, 13, 10, 3])
        #expect(MultipartForm(body: Array("no boundary here".utf8), boundary: "b0undary") == nil)
        #expect(MultipartForm.boundary(fromContentType: "application/json") == nil)
    }

    @Test func identifiersAcceptOnlyTheirExactShape() throws {
        #expect(try Identifiers.photoUID("p0123456789abcde") == "p0123456789abcde")
        #expect(try Identifiers.albumUID("a0123456789abcde") == "a0123456789abcde")
        let hash = String(repeating: "ab", count: 32)
        #expect(try Identifiers.contentHash(hash) == hash)
        #expect(try Identifiers.thumbnailSize("fit_720") == .fit720)
        for bad in ["../../etc/passwd", "p0123456789abcd/", "/etc/passwd", "P0123456789ABCDE", "%2e%2e%2f", ""] {
            #expect(throws: APIError.self) { try Identifiers.photoUID(bad) }
            #expect(throws: APIError.self) { try Identifiers.albumUID(bad) }
            #expect(throws: APIError.self) { try Identifiers.contentHash(bad) }
            #expect(throws: APIError.self) { try Identifiers.thumbnailSize(bad) }
        }
        #expect(throws: APIError.self) { try Identifiers.contentHash(hash.uppercased()) }
    }

    @Test func uploadSlotsAreBoundedAndReturned() async {
        let gate = UploadGate(limit: 2)
        #expect(await gate.enter())
        #expect(await gate.enter())
        #expect(!(await gate.enter()))
        await gate.leave()
        #expect(await gate.enter())
    }

    @Test func loginFailuresAreThrottledPerWindow() async {
        let throttle = LoginThrottle(limit: 2, window: 60)
        let start = Date(timeIntervalSince1970: 1_000)
        #expect(await throttle.retryAfter(client: "10.0.0.1", now: start) == nil)
        await throttle.recordFailure(client: "10.0.0.1", now: start)
        await throttle.recordFailure(client: "10.0.0.1", now: start)
        #expect(await throttle.retryAfter(client: "10.0.0.1", now: start.addingTimeInterval(10)) == 50)
        #expect(await throttle.retryAfter(client: "10.0.0.1", now: start.addingTimeInterval(61)) == nil)
    }

    @Test func aStrangersFailedLoginsDoNotLockOutOtherClients() async {
        let throttle = LoginThrottle(limit: 2, window: 60, maxClients: 2)
        let start = Date(timeIntervalSince1970: 1_000)
        for _ in 0..<5 { await throttle.recordFailure(client: "203.0.113.9", now: start) }
        #expect(await throttle.retryAfter(client: "203.0.113.9", now: start) == 60)
        #expect(await throttle.retryAfter(client: "127.0.0.1", now: start) == nil)
        // Beyond maxClients, untracked addresses share one slot: memory stays bounded and they are still limited.
        await throttle.recordFailure(client: "198.51.100.1", now: start)
        await throttle.recordFailure(client: "198.51.100.2", now: start)
        await throttle.recordFailure(client: "198.51.100.3", now: start)
        #expect(await throttle.retryAfter(client: "198.51.100.4", now: start) == 60)
        #expect(await throttle.retryAfter(client: "198.51.100.1", now: start) == nil)
        // Once their failures leave the window, the slots are freed for new addresses.
        #expect(await throttle.retryAfter(client: "198.51.100.4", now: start.addingTimeInterval(61)) == nil)
    }

    @Test func shortAPITokensAreRefusedAndNewTokensAreLongAndRandom() throws {
        #expect(throws: ViewfinderHTTPError.self) { try PasswordHash.checkedTokenDigest("short-token") }
        let token = PasswordHash.newToken()
        #expect(token.count == 64 && token != PasswordHash.newToken())
        #expect(try PasswordHash.checkedTokenDigest(token) == PasswordHash.tokenDigest(token))
    }

    @Test func constantTimeComparisonAndHex() {
        #expect(ConstantTime.equal("abc", "abc"))
        #expect(!ConstantTime.equal("abc", "abd"))
        #expect(!ConstantTime.equal("abc", "abcd"))
        #expect(Hex.decode(Hex.encode([0, 15, 255])) == [0, 15, 255])
        #expect(Hex.decode("zz") == nil)
    }
}
