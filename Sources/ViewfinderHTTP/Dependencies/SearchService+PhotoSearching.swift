public import ViewfinderServices

/// The search service answers the API's photo searches as they are.
extension SearchService: PhotoSearching {}
