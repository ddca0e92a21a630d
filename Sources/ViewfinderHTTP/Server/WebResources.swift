import Foundation

/// The files served from the binary's resource bundle: the web UI and the OpenAPI document, read once at start.
struct WebResources: Sendable {
    /// One file's bytes and MIME type.
    struct File: Sendable {
        let data: [UInt8]
        let contentType: String
    }

    /// Web UI files by their URL path.
    let web: [String: File]
    /// The OpenAPI 3.1 document.
    let openAPI: [UInt8]

    /// The web UI file names and their MIME types.
    static let webFiles: [(name: String, type: String)] = [
        ("index.html", "text/html; charset=utf-8"), ("app.js", "text/javascript; charset=utf-8"),
        ("style.css", "text/css; charset=utf-8"),
    ]

    /// Reads the resources from the module bundle.
    static func load() throws(ViewfinderHTTPError) -> WebResources {
        // The `Resources` folder is copied whole into the bundle (SwiftPM `.copy`).
        let base = Bundle.module.bundleURL.appendingPathComponent("Resources")
        do {
            var web: [String: File] = [:]
            for (name, type) in webFiles {
                let data = try Data(contentsOf: base.appendingPathComponent("web/\(name)"))
                web["/" + name] = File(data: Array(data), contentType: type)
            }
            let openAPI = try Data(contentsOf: base.appendingPathComponent("openapi.json"))
            return WebResources(web: web, openAPI: Array(openAPI))
        } catch {
            throw ViewfinderHTTPError("the web UI resources are missing from this build")
        }
    }
}
