// TEMPORARY for the HTTP branch: at merge, replace with `extension SearchService: PhotoSearching {}` and
// `extension DuplicateService: DuplicateFinding {}` (or an adapter), and delete this file.
import ViewfinderCore
import ViewfinderServices


extension TemporaryDuplicateFinder: DuplicateFinding {}
