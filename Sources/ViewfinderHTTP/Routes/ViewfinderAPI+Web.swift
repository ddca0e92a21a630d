import HTTPTypes
import Hummingbird
import NIOCore

extension ViewfinderAPI {
    /// The web UI: `/` (the search page) and its script and style sheet.
    func addWebRoutes(to router: Router<ViewfinderRequestContext>) {
        for path in ["/", "/index.html", "/app.js", "/style.css"] {
            let key = path == "/" ? "/index.html" : path
            guard let file = resources.web[key] else { continue }
            router.get(RouterPath(path)) { _, _ -> Response in
                Response(
                    status: .ok,
                    headers: [
                        .contentType: file.contentType, .cacheControl: "no-cache",
                        .xContentTypeOptions: "nosniff",
                    ],
                    body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
            }
        }
    }
}
