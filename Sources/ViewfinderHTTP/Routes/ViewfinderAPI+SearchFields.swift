import Hummingbird
import ViewfinderCore

extension ViewfinderAPI {
    /// `/search/fields`: every search field with its aliases, value kind, range, help and an example, from Core's table.
    func addSearchFieldRoutes(to group: RouterGroup<ViewfinderRequestContext>) {
        let fields = SearchField.all.map(SearchFieldJSON.init)
        group.get("search/fields") { _, _ -> Response in
            try JSONBody.response(fields)
        }
    }
}
